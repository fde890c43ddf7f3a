import { describe, expect, it } from 'vitest'
import { describeChanges, formatAmount, formatWhen, TIMELINE_TEXTS, timelineLanguage } from '../../server/services/texts'
import { payloadTeeth } from '../../server/services/texts-clinical'

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

describe('clinical texts', () => {
  it('reads the teeth of a payload in either shape, FDI numbers only, once each', () => {
    expect(payloadTeeth([16, 17])).toEqual([16, 17])
    expect(payloadTeeth([{ tooth: 14, role: 'pillar' }, { tooth: 15 }, { tooth: 14 }])).toEqual([14, 15])
    expect(payloadTeeth([{ tooth: '16' }, 99, 3.5, null, 'x'])).toEqual([])
    expect(payloadTeeth('16')).toEqual([])
  })

  it('says the teeth and the note types in English and Spanish', () => {
    expect(en.clinical.teeth([16])).toBe('tooth 16')
    expect(en.clinical.teeth([14, 15, 16])).toBe('teeth 14, 15 and 16')
    expect(es.clinical.teeth([36])).toBe('el diente 36')
    expect(es.clinical.teeth([11, 21])).toBe('los dientes 11 y 21')
    expect(en.clinical.noteAdded('treatment')).toBe('Treatment note added')
    expect(es.clinical.noteAdded('diagnosis')).toBe('Nota de diagnóstico añadida')
    expect(en.clinical.noteAdded('unknown')).toBe('Note added')
    expect(es.clinical.noteAmended(null)).toBe('Nota enmendada')
  })

  it('has a Spanish name for every clinical type that has an English one', () => {
    expect(Object.keys(es.clinical.clinicalTypes).sort()).toEqual(Object.keys(en.clinical.clinicalTypes).sort())
    expect(Object.keys(en.clinical.clinicalTypes)).toHaveLength(20)
  })
})

describe('plan texts', () => {
  it('has every close reason in both languages', () => {
    expect(Object.keys(en.plans.reasons)).toEqual(['rejected_by_patient', 'expired', 'cancelled_by_clinic', 'patient_abandoned', 'other'])
    expect(Object.keys(es.plans.reasons)).toEqual(Object.keys(en.plans.reasons))
  })

  it('names the plan when its number is known', () => {
    expect(en.plans.accepted('PLAN-2026-0001')).toBe('Treatment plan PLAN-2026-0001 accepted')
    expect(en.plans.closed(null)).toBe('Treatment plan closed')
    expect(es.plans.completed(null)).toBe('Plan de tratamiento completado')
    expect(en.plans.summary(1, null)).toBe('1 treatment')
    expect(es.plans.summary(3, '90,00 €')).toBe('3 tratamientos · Total: 90,00 €')
  })
})
