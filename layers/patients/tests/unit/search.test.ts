import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FOLD_FROM, FOLD_TO } from '../../server/repositories/patients'
import { buildSearchText, containsPattern, digitsOnly, normalise, searchTerms } from '../../server/services/search'

describe('normalise', () => {
  it.each([
    ['García', 'garcia'],
    ['GARCÍA', 'garcia'],
    ['Núñez', 'nunez'],
    ['Çelik Ølberg', 'celik ølberg'],
    ['Zoë Brontë', 'zoe bronte'],
    ['Joan Mirò i Ferrà', 'joan miro i ferra'],
    ['ANA@Example.COM', 'ana@example.com'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalise(input)).toBe(expected)
  })

  it('strips accents written as combining marks too', () => {
    expect(normalise('Garci\u0301a')).toBe('garcia')
  })
})

describe('digitsOnly', () => {
  it.each([
    ['+34 600 123 456', '34600123456'],
    ['(91) 555-12.34', '915551234'],
    ['no digits', ''],
  ])('%s → %s', (input, expected) => {
    expect(digitsOnly(input)).toBe(expected)
  })
})

describe('searchTerms', () => {
  it.each<[string | null | undefined, string[]]>([
    [undefined, []],
    [null, []],
    ['', []],
    ['   ', []],
    ['garcia', ['garcia']],
    ['  García   MARÍA ', ['garcia', 'maria']],
    ['ana ana ANA', ['ana']],
    ['600 123', ['600', '123']],
    ['600123', ['600123']],
    ['+34600123456', ['34600123456']],
    ['600-123', ['600123']],
    ['(91)', ['91']],
    ['12345678-Z', ['12345678-z']],
    ['ana@example.com', ['ana@example.com']],
    ['50%_off', ['50%_off']],
    ['-', ['-']],
  ])('%j → %j', (query, expected) => {
    expect(searchTerms(query)).toEqual(expected)
  })

  it('uses at most ten terms', () => {
    expect(searchTerms('a b c d e f g h i j k l')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])
  })
})

describe('containsPattern', () => {
  it.each([
    ['garcia', '%garcia%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
  ])('%s → %s', (term, expected) => {
    expect(containsPattern(term)).toBe(expected)
  })
})

describe('buildSearchText', () => {
  it('holds names, phone as written and as digits, email and national id as written and compacted', () => {
    expect(buildSearchText({
      first_name: 'María José',
      last_name: 'García Núñez',
      phone: '+34 600 123 456',
      email: 'MJ.Garcia@Example.com',
      national_id: '12.345.678-Z',
    })).toBe('maria jose garcia nunez +34 600 123 456 34600123456 mj.garcia@example.com 12.345.678-z 12345678z')
  })

  it('skips the fields a patient does not have', () => {
    expect(buildSearchText({ first_name: 'Ana', last_name: 'Ruiz', phone: null, email: null, national_id: null })).toBe('ana ruiz')
    expect(buildSearchText({ first_name: 'Ana', last_name: 'Ruiz' })).toBe('ana ruiz')
  })

  it('matches every term searchTerms makes of a search the patient should answer', () => {
    const text = buildSearchText({ first_name: 'José', last_name: 'GARCÍA', phone: '+34 600 123 456', email: 'pepe@correo.es', national_id: 'X1234567L' })
    for (const query of ['garcia jose', 'GARCIA', 'josé garcía', '600 123', '600123', '+34 600', '34600123456', 'pepe@correo', 'x1234567l', '1234567']) {
      for (const term of searchTerms(query)) expect(text, `${query}: ${term}`).toContain(term)
    }
  })
})

describe('name order index', () => {
  it('the migration indexes exactly the folding expression the repository sorts by', () => {
    const migration = readFileSync(fileURLToPath(new URL('../../migrations/20261127000001_patients_name_order.ts', import.meta.url)), 'utf8')
    expect(migration).toContain(`'${FOLD_FROM}'`)
    expect(migration).toContain(`'${FOLD_TO}'`)
    expect([...FOLD_FROM]).toHaveLength([...FOLD_TO].length)
    expect(normalise(FOLD_FROM)).toBe(FOLD_TO.toLowerCase())
  })
})
