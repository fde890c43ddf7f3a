// Clinic-time arithmetic for the agenda. Appointments are instants (ISO 8601
// with an offset); the calendar lays them out on the CLINIC's wall clock, which
// may differ from the browser's. Dates are plain `YYYY-MM-DD` strings and times
// are minutes from the clinic's midnight, so nothing here depends on the
// browser's timezone.

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormatters.set(timeZone, f)
  }
  return f
}

/** An instant on the clinic's wall clock. */
export interface ClinicDateTime {
  /** `YYYY-MM-DD` in the clinic's timezone. */
  date: string
  /** Minutes since the clinic's midnight (0–1439). */
  minutes: number
}

function wallClock(utcMs: number, timeZone: string) {
  const parts: Record<string, string> = {}
  for (const p of partsFormatter(timeZone).formatToParts(new Date(utcMs))) parts[p.type] = p.value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    // Some engines still print midnight as 24 with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Where an instant falls on the clinic's calendar. */
export function toClinicDateTime(instant: string | number | Date, timeZone: string): ClinicDateTime {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
  const w = wallClock(ms, timeZone)
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, minutes: w.hour * 60 + w.minute }
}

/** The clinic's UTC offset at an instant, in minutes (Madrid in winter: 60). */
export function clinicOffsetMinutes(utcMs: number, timeZone: string): number {
  const w = wallClock(utcMs, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000)
}

/** The instant of a clinic wall-clock time. A time skipped by a DST change resolves to the same clock time after the change. */
export function clinicInstant(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const local = Date.UTC(y, m - 1, d, 0, minutes)
  const first = clinicOffsetMinutes(local, timeZone)
  const guess = local - first * 60_000
  const second = clinicOffsetMinutes(guess, timeZone)
  return second === first ? guess : local - second * 60_000
}

/** ISO 8601 with the clinic's offset (`2026-11-27T10:00:00+01:00`), as the API speaks it. */
export function clinicIso(date: string, minutes: number, timeZone: string): string {
  const ms = clinicInstant(date, minutes, timeZone)
  const offset = clinicOffsetMinutes(ms, timeZone)
  const w = wallClock(ms, timeZone)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** Today's date in the clinic. */
export function clinicToday(timeZone: string, now: number = Date.now()): string {
  return toClinicDateTime(now, timeZone).date
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

/** Calendar arithmetic on plain dates (no timezone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** 0 = Monday … 6 = Sunday. */
export function isoWeekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
}

/** The Monday of the date's week. */
export function startOfWeek(date: string): string {
  return addDays(date, -isoWeekday(date))
}

/** `HH:MM` of minutes since midnight (24 h; 1440 prints as 24:00). */
export function formatMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** Minutes of an `HH:MM` string, or null. */
export function parseMinutes(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 23 || min > 59) return null
  return h * 60 + min
}

/** Formats a plain date in a language (`Mon 27 Nov`); UTC so the date never shifts. */
export function formatDate(date: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}
