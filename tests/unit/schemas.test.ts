import { describe, expect, it } from 'vitest'
import { createUserSchema, passwordSchema, setupSchema } from '../../shared/schemas/auth'
import { formatPath, zodIssuesToErrors } from '../../shared/validation'

describe('passwordSchema', () => {
  it.each([
    ['abcdefg1', true],
    ['Sonrisa2026', true],
    ['ñandú2026', true],
    ['abc1', false],
    ['abcdefgh', false],
    ['12345678', false],
    ['', false],
  ])('%s is acceptable: %s', (password, ok) => {
    expect(passwordSchema.safeParse(password).success).toBe(ok)
  })
})

describe('setupSchema', () => {
  const valid = {
    admin_email: '  Owner@Clinic.TEST ',
    admin_password: 'Sup3rSecret',
    admin_first_name: 'Olga',
    admin_last_name: 'Owner',
    clinic_name: 'Sonrisa',
  }

  it('normalises the email and leaves optional fields out', () => {
    const parsed = setupSchema.parse(valid)
    expect(parsed.admin_email).toBe('owner@clinic.test')
    expect(parsed.timezone).toBeUndefined()
  })

  it('reports every problem with its field, its message key as the code and an English message', () => {
    const result = setupSchema.safeParse({ ...valid, admin_email: 'nope', timezone: 'Mars/Base', currency: 'euro', admin_first_name: undefined })
    expect(result.success).toBe(false)
    const errors = zodIssuesToErrors(result.error!.issues)
    const byField = Object.fromEntries(errors.map(e => [e.field, e.message]))
    expect(byField).toEqual({
      admin_email: 'Must be a valid email address',
      timezone: 'Must be a valid IANA timezone (e.g. Europe/Madrid)',
      currency: 'Must be a 3-letter ISO currency code (e.g. EUR)',
      admin_first_name: 'Required',
    })
    // The code is the message key the browser translates.
    expect(Object.fromEntries(errors.map(e => [e.field, e.code]))).toEqual({
      admin_email: 'validation.email',
      timezone: 'validation.timezone',
      currency: 'validation.currency',
      admin_first_name: 'validation.required',
    })
  })

  it('refuses unknown roles when creating users', () => {
    const result = createUserSchema.safeParse({ email: 'a@b.test', first_name: 'A', last_name: 'B', role: 'god' })
    expect(result.success).toBe(false)
    expect(zodIssuesToErrors(result.error!.issues).map(e => e.field)).toEqual(['role'])
  })
})

describe('formatPath', () => {
  it.each([
    [['frontend', 'navigation', 0, 'permission'], 'frontend.navigation[0].permission'],
    [['name'], 'name'],
    [[0, 'id'], '[0].id'],
    [[], ''],
  ])('%j -> %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected)
  })
})

describe('optional fields', () => {
  it('treats an empty country as none and still refuses a malformed one', () => {
    const base = { admin_email: 'a@b.test', admin_password: 'Sup3rSecret', admin_first_name: 'A', admin_last_name: 'B', clinic_name: 'C' }
    expect(setupSchema.parse({ ...base, country: '' }).country).toBeNull()
    expect(setupSchema.parse({ ...base, country: 'es' }).country).toBe('ES')
    expect(setupSchema.safeParse({ ...base, country: 'Spain' }).success).toBe(false)
  })
})
