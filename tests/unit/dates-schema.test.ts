import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { isoDateSchema, isoDateTimeSchema } from '../../shared/schemas/dates'

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.map(i => i.message)
}

describe('shared date schemas', () => {
  const pastDate = isoDateSchema.refine(v => v <= '2026-12-03', 'validation.past_date')

  it.each([
    ['1900-01-01', []],
    ['2026-12-03', []],
    ['1899-12-31', ['validation.date_range']],
    ['0000-01-01', ['validation.date_range']],
    // Out of range is the one error, not also "in the future".
    ['9999-12-31', ['validation.date_range']],
    ['2027-01-01', ['validation.past_date']],
    ['tomorrow', ['validation.date']],
  ])('birth-date style %s → %j', (value, expected) => {
    expect(messages(pastDate, value)).toEqual(expected)
  })

  it.each([
    ['2200-12-31T23:00:00-05:00', []],
    ['1900-01-01T00:00:00Z', []],
    ['2201-01-01T00:00:00Z', ['validation.date_range']],
    ['0000-01-01T10:00:00Z', ['validation.date_range']],
    ['tomorrow', ['validation.datetime']],
    ['2026-01-01T10:00:00', ['validation.datetime']],
  ])('date-time %s → %j', (value, expected) => {
    expect(messages(isoDateTimeSchema, value)).toEqual(expected)
  })
})
