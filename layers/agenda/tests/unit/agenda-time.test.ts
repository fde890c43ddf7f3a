import { describe, expect, it } from 'vitest'
import {
  addDays, clinicInstant, clinicIso, clinicOffsetMinutes, clinicToday, formatMinutes, isIsoDate, isoWeekday,
  parseMinutes, startOfWeek, toClinicDateTime,
} from '../../lib/agenda-time'

describe('clinic time', () => {
  it.each([
    // instant, timezone, clinic date, clinic minutes
    ['2026-11-27T09:00:00Z', 'Europe/Madrid', '2026-11-27', 10 * 60],
    ['2026-07-01T09:00:00Z', 'Europe/Madrid', '2026-07-01', 11 * 60],
    ['2026-11-27T23:30:00Z', 'Europe/Madrid', '2026-11-28', 30],
    ['2026-11-27T03:15:00Z', 'America/New_York', '2026-11-26', 22 * 60 + 15],
    ['2026-11-27T10:00:00+01:00', 'UTC', '2026-11-27', 9 * 60],
    ['2026-11-27T10:00:00+01:00', 'Asia/Kolkata', '2026-11-27', 14 * 60 + 30],
  ])('%s in %s is %s at minute %i', (instant, tz, date, minutes) => {
    expect(toClinicDateTime(instant, tz)).toEqual({ date, minutes })
  })

  it('reads the clinic offset in winter and summer', () => {
    expect(clinicOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Madrid')).toBe(60)
    expect(clinicOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Madrid')).toBe(120)
    expect(clinicOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240)
  })

  it.each([
    ['2026-11-27', 600, 'Europe/Madrid', '2026-11-27T10:00:00+01:00'],
    ['2026-07-01', 600, 'Europe/Madrid', '2026-07-01T10:00:00+02:00'],
    ['2026-11-27', 0, 'America/New_York', '2026-11-27T00:00:00-05:00'],
    ['2026-11-27', 885, 'Asia/Kolkata', '2026-11-27T14:45:00+05:30'],
    ['2026-11-27', 600, 'UTC', '2026-11-27T10:00:00+00:00'],
  ])('clinic %s minute %i in %s is %s', (date, minutes, tz, iso) => {
    expect(clinicIso(date, minutes, tz)).toBe(iso)
    expect(clinicInstant(date, minutes, tz)).toBe(Date.parse(iso))
  })

  it('round-trips every quarter hour of a DST-change day', () => {
    // 2026-03-29: Madrid jumps from 02:00 to 03:00.
    for (let m = 0; m < 1440; m += 15) {
      const back = toClinicDateTime(clinicInstant('2026-03-29', m, 'Europe/Madrid'), 'Europe/Madrid')
      if (m >= 120 && m < 180) expect(back.minutes).toBe(m + 60)
      else expect(back).toEqual({ date: '2026-03-29', minutes: m })
    }
  })

  it('does not depend on the browser timezone: same answer from the instant alone', () => {
    const now = Date.parse('2026-11-27T23:30:00Z')
    expect(clinicToday('Europe/Madrid', now)).toBe('2026-11-28')
    expect(clinicToday('America/Los_Angeles', now)).toBe('2026-11-27')
  })

  it('does calendar arithmetic on plain dates', () => {
    expect(addDays('2026-11-27', 5)).toBe('2026-12-02')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(isoWeekday('2026-11-23')).toBe(0) // Monday
    expect(isoWeekday('2026-11-29')).toBe(6) // Sunday
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23')
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23')
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28')
  })

  it('formats and parses HH:MM', () => {
    expect(formatMinutes(0)).toBe('00:00')
    expect(formatMinutes(615)).toBe('10:15')
    expect(formatMinutes(1440)).toBe('24:00')
    expect(parseMinutes('9:30')).toBe(570)
    expect(parseMinutes('23:59')).toBe(1439)
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
