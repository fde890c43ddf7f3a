import { describe, expect, it } from 'vitest'
import { formatPatientTimelineAbsolute, formatPatientTimelineRelative, groupPatientTimeline, patientTimelineWeekStart } from '../../utils/patient-timeline'

const at = (occurred_at: string, id = occurred_at) => ({ id, occurred_at })
const keys = (groups: ReturnType<typeof groupPatientTimeline<{ id: string, occurred_at: string }>>) =>
  groups.map(g => [g.key, g.entries.map(e => e.id)])

describe('groupPatientTimeline', () => {
  // Thursday 4 Dec 2025, 11:00 in Madrid.
  const now = new Date('2025-12-04T10:00:00Z')

  it.each([
    // [occurred_at, group] with the week starting on Monday in Madrid
    ['2025-12-04T10:00:00Z', 'today'],
    ['2025-12-03T23:30:00Z', 'today'], // 00:30 on the 4th in Madrid
    ['2025-12-03T22:59:00Z', 'week'], // 23:59 on the 3rd
    ['2025-12-01T00:00:00Z', 'week'], // Monday 01:00
    ['2025-11-30T23:30:00Z', 'week'], // Sunday 23:30 UTC is Monday 00:30 in Madrid
    ['2025-11-30T22:00:00Z', 'earlier'], // Sunday 23:00 in Madrid
    ['2024-12-04T10:00:00Z', 'earlier'],
    ['2025-12-05T09:00:00Z', 'today'], // a clock ahead of ours still reads as today
  ])('%s is %s', (occurred, group) => {
    expect(keys(groupPatientTimeline([at(occurred)], now, { timeZone: 'Europe/Madrid', weekStartsOn: 1 }))).toEqual([[group, [occurred]]])
  })

  it('keeps the order of the entries and leaves out empty groups', () => {
    const entries = [at('2025-12-04T09:00:00Z', 'a'), at('2025-12-04T08:00:00Z', 'b'), at('2025-11-01T08:00:00Z', 'c'), at('2025-10-01T08:00:00Z', 'd')]
    expect(keys(groupPatientTimeline(entries, now, { timeZone: 'Europe/Madrid' }))).toEqual([['today', ['a', 'b']], ['earlier', ['c', 'd']]])
    expect(groupPatientTimeline([], now)).toEqual([])
  })

  it('starts the week on the day the locale says', () => {
    // Sunday 30 Nov: this week when weeks start on Sunday, earlier when on Monday.
    const sunday = [at('2025-11-30T12:00:00Z', 'sun')]
    expect(keys(groupPatientTimeline(sunday, now, { timeZone: 'UTC', weekStartsOn: 7 }))).toEqual([['week', ['sun']]])
    expect(keys(groupPatientTimeline(sunday, now, { timeZone: 'UTC', weekStartsOn: 1 }))).toEqual([['earlier', ['sun']]])
    // On a Monday nothing but today belongs to a Monday-first week.
    const monday = new Date('2025-12-01T12:00:00Z')
    expect(keys(groupPatientTimeline([at('2025-11-30T12:00:00Z', 'sun')], monday, { timeZone: 'UTC', weekStartsOn: 1 }))).toEqual([['earlier', ['sun']]])
  })

  it('decides "today" in the clinic\'s time zone, not the runtime\'s', () => {
    const lateEvening = new Date('2025-12-04T05:30:00Z') // 23:30 on the 3rd in Mexico City, 06:30 on the 4th in Madrid
    const entry = [at('2025-12-04T04:00:00Z', 'x')] // 22:00 on the 3rd in Mexico City
    expect(keys(groupPatientTimeline(entry, lateEvening, { timeZone: 'America/Mexico_City' }))).toEqual([['today', ['x']]])
    expect(keys(groupPatientTimeline(entry, lateEvening, { timeZone: 'Europe/Madrid' }))).toEqual([['today', ['x']]])
    expect(keys(groupPatientTimeline([at('2025-12-03T22:00:00Z', 'y')], lateEvening, { timeZone: 'Europe/Madrid' }))).toEqual([['week', ['y']]])
    // An unknown zone falls back to the runtime's instead of throwing.
    expect(groupPatientTimeline(entry, lateEvening, { timeZone: 'Not/AZone' })).toHaveLength(1)
  })
})

describe('time formatting', () => {
  const now = new Date('2025-12-04T10:00:00Z')
  it.each([
    ['2025-12-04T09:59:40Z', 'en', 'now'],
    ['2025-12-04T09:55:00Z', 'en', '5 minutes ago'],
    ['2025-12-04T07:00:00Z', 'en', '3 hours ago'],
    ['2025-12-03T10:00:00Z', 'en', 'yesterday'],
    ['2025-12-03T10:00:00Z', 'es', 'ayer'],
    ['2025-11-20T10:00:00Z', 'es', 'hace 2 semanas'],
    ['2024-12-04T10:00:00Z', 'en', 'last year'],
  ])('%s in %s is "%s"', (date, locale, expected) => {
    expect(formatPatientTimelineRelative(new Date(date), now, locale)).toBe(expected)
  })

  it('shows the absolute time in the clinic\'s time zone', () => {
    expect(formatPatientTimelineAbsolute(new Date('2025-12-02T09:00:00Z'), 'en-GB', 'Europe/Madrid')).toBe('2 Dec 2025, 10:00')
    expect(formatPatientTimelineAbsolute(new Date('2025-12-02T09:00:00Z'), 'es-ES', 'America/Mexico_City')).toBe('2 dic 2025, 3:00')
  })

  it('knows where weeks start', () => {
    expect(patientTimelineWeekStart('es-ES')).toBe(1)
    expect([1, 7]).toContain(patientTimelineWeekStart('en-US'))
    expect(patientTimelineWeekStart('not a locale')).toBe(1)
  })
})
