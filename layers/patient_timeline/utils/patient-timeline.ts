// Pure helpers of the Timeline tab: day grouping (Today / This week /
// Earlier) in the clinic's time zone, relative times, and how each category
// looks. No Vue, no Nuxt: unit-tested as plain functions.
import { clinicDate, formatInstant, knownTimeZone, startOfWeek } from '#dentalpin/client'
import type { Tone } from '#dentalpin/client'
import type { TimelineCategory } from '../models'

export const PATIENT_TIMELINE_GROUPS = ['today', 'week', 'earlier'] as const
export type PatientTimelineGroupKey = (typeof PATIENT_TIMELINE_GROUPS)[number]

export interface PatientTimelineGroup<T> {
  key: PatientTimelineGroupKey
  entries: T[]
}

export interface GroupingOptions {
  /** IANA zone whose calendar decides what "today" is (the clinic's); the runtime's when absent. */
  timeZone?: string
  /** First day of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
  weekStartsOn?: number
}

const DAY_MS = 86_400_000

/**
 * Splits entries (newest first, as the API sends them) into Today, This week
 * (earlier days of the current week) and Earlier, keeping their order and
 * leaving out empty groups. An entry dated after `now` counts as today.
 */
export function groupPatientTimeline<T extends { occurred_at: string }>(entries: readonly T[], now: Date, options: GroupingOptions = {}): PatientTimelineGroup<T>[] {
  const zone = knownTimeZone(options.timeZone)
  const weekStart = options.weekStartsOn && options.weekStartsOn >= 1 && options.weekStartsOn <= 7 ? options.weekStartsOn : 1
  // Plain `YYYY-MM-DD` dates compare as strings.
  const today = clinicDate(now, zone)
  const firstDayOfWeek = startOfWeek(today, weekStart)
  const groups: Record<PatientTimelineGroupKey, T[]> = { today: [], week: [], earlier: [] }
  for (const entry of entries) {
    const day = clinicDate(entry.occurred_at, zone)
    groups[day >= today ? 'today' : day >= firstDayOfWeek ? 'week' : 'earlier'].push(entry)
  }
  return PATIENT_TIMELINE_GROUPS.filter(key => groups[key].length > 0).map(key => ({ key, entries: groups[key] }))
}

/** The first day of the week in `locale` (ISO numbering), Monday when the runtime cannot tell. */
export function patientTimelineWeekStart(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }, weekInfo?: { firstDay: number } }
    return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1
  }
  catch {
    return 1
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "5 minutes ago", "yesterday", "hace 3 días": the largest unit that fits; under a minute is "now". */
export function formatPatientTimelineRelative(date: Date, now: Date, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const diff = date.getTime() - now.getTime()
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit)
  }
  return rtf.format(0, 'second')
}

/** The date and time in the clinic's time zone ("2 Dec 2025, 10:00"). */
export function formatPatientTimelineAbsolute(date: Date, locale: string, timeZone?: string): string {
  return formatInstant(date, locale, knownTimeZone(timeZone), { dateStyle: 'medium', timeStyle: 'short' })
}

/** Icon and colour of each category (Lucide icons, @nuxt/ui colours). */
export const PATIENT_TIMELINE_CATEGORY_STYLE: Record<TimelineCategory, Required<Tone>> = {
  visit: { icon: 'i-lucide-calendar-check', color: 'info' },
  treatment: { icon: 'i-lucide-stethoscope', color: 'success' },
  financial: { icon: 'i-lucide-receipt', color: 'warning' },
  communication: { icon: 'i-lucide-message-square', color: 'secondary' },
  medical: { icon: 'i-lucide-heart-pulse', color: 'error' },
  document: { icon: 'i-lucide-file-text', color: 'primary' },
  note: { icon: 'i-lucide-notebook-pen', color: 'neutral' },
}
