// The core's clinic-time module (shared/clinic-time.ts), table-driven across
// DST changes: Europe/Madrid (spring-forward gap 2026-03-29 02:00→03:00,
// fall-back overlap 2026-10-25 03:00→02:00), America/New_York (2026-03-08,
// 2026-11-01), Australia/Lord_Howe (half-hour DST: +10:30 ↔ +11:00 on
// 2026-04-05 and 2026-10-04), UTC and an unknown zone.
import { describe, expect, it } from 'vitest'
import {
  addDays, clinicDate, clinicInstant, clinicIso, clinicToday, formatCalendarDate, formatInstant, formatMinutes, formatOffset,
  iso, isIsoDate, isoInZone, isoWeekday, isValidTimeZone, knownTimeZone, offsetMinutes, parseMinutes, startOfWeek,
  toClinicDateTime, wallClock,
} from '../../shared/clinic-time'

const INVALID = 'Mars/Olympus'

describe('zones', () => {
  it.each([
    ['Europe/Madrid', true],
    ['America/New_York', true],
    ['Australia/Lord_Howe', true],
    ['UTC', true],
    [INVALID, false],
    ['', false],
    ['Europe/Nowhere', false],
  ])('%s is valid: %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid)
    expect(knownTimeZone(zone)).toBe(valid ? zone : undefined)
  })

  it('has no zone for null or undefined', () => {
    expect(knownTimeZone(null)).toBeUndefined()
    expect(knownTimeZone(undefined)).toBeUndefined()
  })
})

describe('instant → wall clock (isoInZone)', () => {
  it.each([
    // Madrid: CET (+01:00) in winter, CEST (+02:00) in summer.
    ['2026-01-15T09:30:00Z', 'Europe/Madrid', '2026-01-15T10:30:00+01:00'],
    ['2026-07-01T10:00:00Z', 'Europe/Madrid', '2026-07-01T12:00:00+02:00'],
    // Spring forward at 01:00Z: 01:59:59 CET is followed by 03:00:00 CEST.
    ['2026-03-29T00:59:59Z', 'Europe/Madrid', '2026-03-29T01:59:59+01:00'],
    ['2026-03-29T01:00:00Z', 'Europe/Madrid', '2026-03-29T03:00:00+02:00'],
    // Fall back at 01:00Z: 02:59:59 CEST is followed by 02:00:00 CET (the hour repeats).
    ['2026-10-25T00:59:59Z', 'Europe/Madrid', '2026-10-25T02:59:59+02:00'],
    ['2026-10-25T01:00:00Z', 'Europe/Madrid', '2026-10-25T02:00:00+01:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Madrid', '2026-10-25T02:30:00+02:00'],
    ['2026-10-25T01:30:00Z', 'Europe/Madrid', '2026-10-25T02:30:00+01:00'],
    ['2026-07-01T10:00:00Z', 'Atlantic/Canary', '2026-07-01T11:00:00+01:00'],
    // West of UTC, with the date changing.
    ['2026-03-08T06:59:59Z', 'America/New_York', '2026-03-08T01:59:59-05:00'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08T03:00:00-04:00'],
    ['2026-11-01T05:59:59Z', 'America/New_York', '2026-11-01T01:59:59-04:00'],
    ['2026-11-01T06:00:00Z', 'America/New_York', '2026-11-01T01:00:00-05:00'],
    ['2026-01-01T03:00:00Z', 'America/New_York', '2025-12-31T22:00:00-05:00'],
    // Lord Howe moves its clocks by half an hour.
    ['2026-04-04T14:59:59Z', 'Australia/Lord_Howe', '2026-04-05T01:59:59+11:00'],
    ['2026-04-04T15:00:00Z', 'Australia/Lord_Howe', '2026-04-05T01:30:00+10:30'],
    ['2026-10-03T15:29:59Z', 'Australia/Lord_Howe', '2026-10-04T01:59:59+10:30'],
    ['2026-10-03T15:30:00Z', 'Australia/Lord_Howe', '2026-10-04T02:30:00+11:00'],
    ['2026-06-01T00:00:00Z', 'Asia/Kathmandu', '2026-06-01T05:45:00+05:45'],
    ['2026-07-01T10:00:00Z', 'UTC', '2026-07-01T10:00:00+00:00'],
    // Midnight is 00, never 24.
    ['2026-07-01T22:00:00Z', 'Europe/Madrid', '2026-07-02T00:00:00+02:00'],
    // An unknown zone reads as UTC rather than failing.
    ['2026-07-01T10:00:00Z', INVALID, '2026-07-01T10:00:00+00:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(isoInZone(instant, zone)).toBe(expected)
    expect(isoInZone(new Date(instant), zone)).toBe(expected)
    expect(Date.parse(expected)).toBe(Date.parse(instant))
  })

  it('drops milliseconds', () => {
    expect(isoInZone(new Date('2026-07-01T10:00:00.999Z'), 'Europe/Madrid')).toBe('2026-07-01T12:00:00+02:00')
  })

  it.each([
    ['2026-11-27T09:00:00Z', 'Europe/Madrid', '2026-11-27', 10 * 60],
    ['2026-11-27T23:30:00Z', 'Europe/Madrid', '2026-11-28', 30],
    ['2026-11-27T03:15:00Z', 'America/New_York', '2026-11-26', 22 * 60 + 15],
    ['2026-04-04T15:00:00Z', 'Australia/Lord_Howe', '2026-04-05', 90],
    ['2026-11-27T10:00:00+01:00', 'UTC', '2026-11-27', 9 * 60],
    ['2026-11-27T23:30:00Z', INVALID, '2026-11-27', 23 * 60 + 30],
  ])('%s in %s is on %s at minute %i', (instant, zone, date, minutes) => {
    expect(toClinicDateTime(instant, zone)).toEqual({ date, minutes })
    expect(clinicDate(instant, zone)).toBe(date)
  })

  it('reads the wall clock fields', () => {
    expect(wallClock('2026-10-25T01:30:00Z', 'Europe/Madrid')).toEqual({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 })
  })
})

describe('offsetMinutes', () => {
  it.each([
    ['2026-01-15T12:00:00Z', 'Europe/Madrid', 60],
    ['2026-07-15T12:00:00Z', 'Europe/Madrid', 120],
    ['2026-03-29T00:59:59Z', 'Europe/Madrid', 60],
    ['2026-03-29T01:00:00Z', 'Europe/Madrid', 120],
    ['2026-10-25T00:59:59Z', 'Europe/Madrid', 120],
    ['2026-10-25T01:00:00Z', 'Europe/Madrid', 60],
    ['2026-07-15T12:00:00Z', 'America/New_York', -240],
    ['2026-01-15T12:00:00Z', 'America/New_York', -300],
    ['2026-01-15T12:00:00Z', 'Australia/Lord_Howe', 660],
    ['2026-07-15T12:00:00Z', 'Australia/Lord_Howe', 630],
    ['2026-07-15T12:00:00.500Z', 'Asia/Kathmandu', 345],
    ['2026-07-15T12:00:00Z', 'UTC', 0],
    ['2026-07-15T12:00:00Z', INVALID, 0],
  ])('%s in %s: %i', (instant, zone, minutes) => {
    expect(offsetMinutes(instant, zone)).toBe(minutes)
  })

  it.each([[0, '+00:00'], [60, '+01:00'], [-300, '-05:00'], [630, '+10:30'], [-570, '-09:30'], [840, '+14:00']])('%i → %s', (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text)
  })
})

describe('wall clock → instant (clinicIso, clinicInstant)', () => {
  it.each([
    ['2026-11-27', 600, 'Europe/Madrid', '2026-11-27T10:00:00+01:00'],
    ['2026-07-01', 600, 'Europe/Madrid', '2026-07-01T10:00:00+02:00'],
    // Madrid spring forward: 02:00–02:59 does not exist; 02:30 is read with the winter offset (→ 03:30 CEST).
    ['2026-03-29', 60, 'Europe/Madrid', '2026-03-29T01:00:00+01:00'],
    ['2026-03-29', 150, 'Europe/Madrid', '2026-03-29T03:30:00+02:00'],
    ['2026-03-29', 180, 'Europe/Madrid', '2026-03-29T03:00:00+02:00'],
    // Madrid fall back: 02:00–02:59 happens twice; the first (summer) one is meant.
    ['2026-10-25', 150, 'Europe/Madrid', '2026-10-25T02:30:00+02:00'],
    ['2026-10-25', 180, 'Europe/Madrid', '2026-10-25T03:00:00+01:00'],
    // New York, west of UTC: the same rules.
    ['2026-03-08', 150, 'America/New_York', '2026-03-08T03:30:00-04:00'],
    ['2026-11-01', 90, 'America/New_York', '2026-11-01T01:30:00-04:00'],
    ['2026-11-27', 0, 'America/New_York', '2026-11-27T00:00:00-05:00'],
    // Lord Howe's half-hour gap (02:00–02:29 on 2026-10-04) and overlap (01:30–01:59 on 2026-04-05).
    ['2026-10-04', 135, 'Australia/Lord_Howe', '2026-10-04T02:45:00+11:00'],
    ['2026-10-04', 150, 'Australia/Lord_Howe', '2026-10-04T02:30:00+11:00'],
    ['2026-04-05', 105, 'Australia/Lord_Howe', '2026-04-05T01:45:00+11:00'],
    ['2026-04-05', 120, 'Australia/Lord_Howe', '2026-04-05T02:00:00+10:30'],
    ['2026-11-27', 885, 'Asia/Kolkata', '2026-11-27T14:45:00+05:30'],
    ['2026-03-29', 150, 'UTC', '2026-03-29T02:30:00+00:00'],
    ['2026-03-29', 150, INVALID, '2026-03-29T02:30:00+00:00'],
  ])('%s minute %i in %s is %s', (date, minutes, zone, expected) => {
    expect(clinicIso(date, minutes, zone)).toBe(expected)
    expect(clinicInstant(date, minutes, zone)).toBe(Date.parse(expected))
  })

  it.each([
    ['Europe/Madrid', '2026-03-29', [120, 180]],
    ['Europe/Madrid', '2026-10-25', null],
    ['America/New_York', '2026-03-08', [120, 180]],
    ['America/New_York', '2026-11-01', null],
    ['Australia/Lord_Howe', '2026-10-04', [120, 150]],
    ['Australia/Lord_Howe', '2026-04-05', null],
    ['UTC', '2026-03-29', null],
  ] as const)('%s on %s: every quarter hour round-trips (skipped times move forward)', (zone, date, gap) => {
    for (let m = 0; m < 1440; m += 15) {
      const back = toClinicDateTime(clinicInstant(date, m, zone), zone)
      const inGap = gap !== null && m >= gap[0] && m < gap[1]
      expect(back, `${date} ${formatMinutes(m)}`).toEqual({ date, minutes: inGap ? m + gap[1] - gap[0] : m })
    }
  })
})

describe('formatting in a locale', () => {
  const at = '2026-03-29T01:00:00Z'
  it.each([
    ['en-GB', 'Europe/Madrid', '29 Mar 2026, 03:00'],
    ['es-ES', 'Europe/Madrid', '29 mar 2026, 3:00'],
    ['en-GB', 'America/New_York', '28 Mar 2026, 21:00'],
    ['en-GB', 'Australia/Lord_Howe', '29 Mar 2026, 12:00'],
    ['en-GB', 'UTC', '29 Mar 2026, 01:00'],
    ['en-GB', INVALID, '29 Mar 2026, 01:00'],
  ])('%s in %s: %s', (locale, zone, expected) => {
    expect(formatInstant(at, locale, zone, { dateStyle: 'medium', timeStyle: 'short' })).toBe(expected)
  })

  it('formats plain dates without shifting the day', () => {
    expect(formatCalendarDate('2026-11-27', 'en-GB', { weekday: 'short', day: 'numeric', month: 'short' })).toBe('Fri 27 Nov')
    expect(formatCalendarDate('2026-11-27', 'es-ES', { dateStyle: 'long' })).toBe('27 de noviembre de 2026')
  })
})

describe('the clinic calendar', () => {
  it('knows the clinic date of now from the instant alone', () => {
    const now = Date.parse('2026-11-27T23:30:00Z')
    expect(clinicToday('Europe/Madrid', now)).toBe('2026-11-28')
    expect(clinicToday('America/Los_Angeles', now)).toBe('2026-11-27')
    expect(clinicToday('Australia/Lord_Howe', now)).toBe('2026-11-28')
  })

  it('does calendar arithmetic on plain dates', () => {
    expect(addDays('2026-11-27', 5)).toBe('2026-12-02')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(isoWeekday('2026-11-23')).toBe(0) // Monday
    expect(isoWeekday('2026-11-29')).toBe(6) // Sunday
  })

  it.each([
    ['2026-11-29', 1, '2026-11-23'],
    ['2026-11-23', 1, '2026-11-23'],
    ['2027-01-01', 1, '2026-12-28'],
    ['2026-11-28', 7, '2026-11-22'],
    ['2026-11-22', 7, '2026-11-22'],
    ['2026-11-27', 6, '2026-11-21'],
  ])('the week of %s starting on day %i begins %s', (date, firstDay, expected) => {
    expect(startOfWeek(date, firstDay)).toBe(expected)
  })

  it('formats and parses HH:MM', () => {
    expect(formatMinutes(0)).toBe('00:00')
    expect(formatMinutes(615)).toBe('10:15')
    expect(formatMinutes(1440)).toBe('24:00')
    expect(parseMinutes('9:30')).toBe(570)
    expect(parseMinutes(' 23:59 ')).toBe(1439)
    expect(parseMinutes('24:00')).toBeNull()
    expect(parseMinutes('10:60')).toBeNull()
    expect(parseMinutes('ten')).toBeNull()
  })

  it('accepts only real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('2026-2-3')).toBe(false)
    expect(isIsoDate(undefined)).toBe(false)
  })
})

describe('iso', () => {
  it.each([
    [new Date('2026-07-01T12:00:00+02:00'), '2026-07-01T10:00:00.000Z'],
    ['2026-07-01T12:00:00+02:00', '2026-07-01T10:00:00.000Z'],
    [Date.UTC(2026, 6, 1, 10), '2026-07-01T10:00:00.000Z'],
    [null, null],
    [undefined, null],
  ])('%s → %s', (value, expected) => {
    expect(iso(value)).toBe(expected)
  })
})
