import { describe, expect, it } from 'vitest'
import { formatInTimeZone, formatOffset, isValidTimeZone, offsetMinutes } from '../../server/domain/timezone'

describe('formatInTimeZone', () => {
  it.each([
    // Europe/Madrid: CET (+01:00) in winter, CEST (+02:00) in summer.
    ['2026-01-15T09:30:00Z', 'Europe/Madrid', '2026-01-15T10:30:00+01:00'],
    ['2026-07-01T10:00:00Z', 'Europe/Madrid', '2026-07-01T12:00:00+02:00'],
    // Spring forward 2026-03-29 01:00Z: 01:59:59 CET is followed by 03:00:00 CEST.
    ['2026-03-29T00:59:59Z', 'Europe/Madrid', '2026-03-29T01:59:59+01:00'],
    ['2026-03-29T01:00:00Z', 'Europe/Madrid', '2026-03-29T03:00:00+02:00'],
    // Fall back 2026-10-25 01:00Z: 02:59:59 CEST is followed by 02:00:00 CET (the hour repeats).
    ['2026-10-25T00:59:59Z', 'Europe/Madrid', '2026-10-25T02:59:59+02:00'],
    ['2026-10-25T01:00:00Z', 'Europe/Madrid', '2026-10-25T02:00:00+01:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Madrid', '2026-10-25T02:30:00+02:00'],
    ['2026-10-25T01:30:00Z', 'Europe/Madrid', '2026-10-25T02:30:00+01:00'],
    // The Canaries are an hour behind the peninsula.
    ['2026-07-01T10:00:00Z', 'Atlantic/Canary', '2026-07-01T11:00:00+01:00'],
    // West of UTC, with the date changing; US DST begins 2026-03-08.
    ['2026-03-08T06:59:59Z', 'America/New_York', '2026-03-08T01:59:59-05:00'],
    ['2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08T03:00:00-04:00'],
    ['2026-01-01T03:00:00Z', 'America/New_York', '2025-12-31T22:00:00-05:00'],
    // Half and three-quarter hour offsets; the southern hemisphere's summer.
    ['2026-06-01T00:00:00Z', 'Asia/Kolkata', '2026-06-01T05:30:00+05:30'],
    ['2026-06-01T00:00:00Z', 'Asia/Kathmandu', '2026-06-01T05:45:00+05:45'],
    ['2026-01-10T12:00:00Z', 'Australia/Sydney', '2026-01-10T23:00:00+11:00'],
    ['2026-07-10T12:00:00Z', 'Australia/Sydney', '2026-07-10T22:00:00+10:00'],
    ['2026-07-01T10:00:00Z', 'UTC', '2026-07-01T10:00:00+00:00'],
    // Midnight is 00, never 24.
    ['2026-07-01T22:00:00Z', 'Europe/Madrid', '2026-07-02T00:00:00+02:00'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(formatInTimeZone(new Date(iso), zone)).toBe(expected)
  })

  it('names the same instant it was given', () => {
    for (const iso of ['2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-12-31T23:59:59Z']) {
      for (const zone of ['Europe/Madrid', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Auckland']) {
        expect(new Date(formatInTimeZone(new Date(iso), zone)).toISOString(), `${iso} ${zone}`).toBe(new Date(iso).toISOString())
      }
    }
  })

  it('drops milliseconds', () => {
    expect(formatInTimeZone(new Date('2026-07-01T10:00:00.999Z'), 'Europe/Madrid')).toBe('2026-07-01T12:00:00+02:00')
  })

  it('falls back to UTC for an unknown zone', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isValidTimeZone('Europe/Madrid')).toBe(true)
    expect(formatInTimeZone(new Date('2026-07-01T10:00:00Z'), 'Mars/Olympus')).toBe('2026-07-01T10:00:00+00:00')
  })
})

describe('offsetMinutes and formatOffset', () => {
  it('reads the offset at the instant', () => {
    expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/Madrid')).toBe(60)
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/Madrid')).toBe(120)
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-420)
    expect(offsetMinutes(new Date('2026-07-15T12:00:00.500Z'), 'Asia/Kathmandu')).toBe(345)
  })

  it.each([[0, '+00:00'], [60, '+01:00'], [-300, '-05:00'], [330, '+05:30'], [-570, '-09:30'], [840, '+14:00']])('%i → %s', (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text)
  })
})
