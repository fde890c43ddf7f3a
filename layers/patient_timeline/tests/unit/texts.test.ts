import { describe, expect, it } from 'vitest'
import { describeChanges, formatAmount, formatWhen, TIMELINE_TEXTS, timelineLanguage } from '../../server/services/texts'

const { en, es } = TIMELINE_TEXTS

describe('server texts', () => {
  it.each([
    ['en', 'en'], ['es', 'es'], ['es-MX', 'es'], ['ES', 'es'], ['fr', 'en'], [null, 'en'], ['', 'en'],
  ])('the clinic language %s writes %s', (language, expected) => {
    expect(timelineLanguage(language)).toBe(expected)
  })

  it.each([
    ['2025-12-02T09:00:00Z', en, 'Europe/Madrid', 'Tue 2 Dec, 10:00'],
    ['2025-12-02T09:00:00Z', es, 'Europe/Madrid', 'mar 2 dic, 10:00'],
    ['2025-12-02T09:00:00Z', es, 'America/Mexico_City', 'mar 2 dic, 03:00'],
    ['2025-07-01T22:30:00Z', en, 'Europe/Madrid', 'Wed 2 Jul, 00:30'],
    ['2025-12-02T09:00:00Z', en, 'Not/AZone', 'Tue 2 Dec, 09:00'],
  ] as const)('%s is written "%s" in the clinic\'s zone', (iso, texts, zone, expected) => {
    expect(formatWhen(new Date(iso), texts, zone)).toBe(expected)
  })

  it('lists changed fields in the clinic\'s language, once each, unknown ones readable', () => {
    expect(describeChanges(['phone', 'email', 'phone'], en)).toBe('Changed: phone, email')
    expect(describeChanges(['national_id', 'custom_field'], es)).toBe('Cambios: documento de identidad, custom field')
  })

  it('formats amounts in the clinic\'s currency, and keeps what it cannot format', () => {
    expect(formatAmount('120.5', 'EUR', en)).toBe('€120.50')
    expect(formatAmount(7, 'EUR', es)).toBe('7,00\u00A0€')
    expect(formatAmount('abc', 'EUR', en)).toBe('abc')
    expect(formatAmount('10', 'NOPE', en)).toBe('10 NOPE')
  })
})
