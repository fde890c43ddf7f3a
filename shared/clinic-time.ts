// Clinic time: the core's one module for wall clocks and time zones, pure
// and isomorphic (Intl only, no Vue, no Node), so the server and the browser
// compute the same thing. Instants are stored in UTC and shown on the
// CLINIC's wall clock, which may differ from the browser's. Calendar dates are
// plain `YYYY-MM-DD` strings and times of day are minutes from the clinic's
// midnight, so nothing here depends on the runtime's own zone unless asked to.
//
// Zones: a `timeZone` of `undefined` means the runtime's own zone (the
// browser's); an unknown name falls back to UTC, so a bad setting never
// breaks a read or a screen. `knownTimeZone()` tells the two apart first
// when a caller wants another fallback.
//
// Modules import it from `#dentalpin` (server) or `#dentalpin/client` (browser).

/** An instant: a `Date`, milliseconds since the epoch, or an ISO 8601 string. */
export type Instant = Date | number | string

/** An instant's reading on a wall clock (month 1–12, hour 0–23). */
export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** An instant on the clinic's calendar. */
export interface ClinicDateTime {
  /** `YYYY-MM-DD` in the clinic's time zone. */
  date: string
  /** Minutes since the clinic's midnight (0–1439). */
  minutes: number
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let f = formatters.get(key)
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
    formatters.set(key, f)
  }
  return f
}

const validity = new Map<string, boolean>()

/** Whether Intl knows the IANA zone name (`Europe/Madrid`: yes; `Mars/Olympus`, `''`: no). */
export function isValidTimeZone(timeZone: string): boolean {
  let valid = validity.get(timeZone)
  if (valid === undefined) {
    try {
      valid = timeZone !== '' && Boolean(partsFormatter(timeZone))
    }
    catch {
      valid = false
    }
    validity.set(timeZone, valid)
  }
  return valid
}

/** The zone when Intl knows it, `undefined` otherwise (missing or unknown). */
export function knownTimeZone(timeZone: string | null | undefined): string | undefined {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : undefined
}

/** The zone Intl is given: the runtime's for `undefined`, UTC for an unknown name. */
function zone(timeZone: string | undefined): string | undefined {
  return timeZone === undefined || isValidTimeZone(timeZone) ? timeZone : 'UTC'
}

function toMs(instant: Instant): number {
  return instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
}

/** What a wall clock in `timeZone` reads at `instant` (seconds precision). */
export function wallClock(instant: Instant, timeZone: string | undefined): WallClock {
  const parts: Record<string, number> = {}
  for (const p of partsFormatter(zone(timeZone)).formatToParts(new Date(toMs(instant)))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  // Some engines still print midnight as 24 with h23.
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! }
}

/** The zone's offset from UTC in minutes at `instant` (Europe/Madrid: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Instant, timeZone: string | undefined): number {
  const ms = toMs(instant)
  const w = wallClock(ms, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000)
}

/** `±HH:MM` for an offset in minutes (330 → `+05:30`). */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/**
 * `instant` as ISO 8601 with the offset `timeZone` has at that instant
 * (`2026-07-01T12:00:00+02:00`), as the API speaks; seconds precision.
 */
export function isoInZone(instant: Instant, timeZone: string | undefined): string {
  const ms = toMs(instant)
  const w = wallClock(ms, timeZone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${formatOffset(offsetMinutes(ms, timeZone))}`
}

/** Where an instant falls on the clinic's calendar: its date and minute of the day. */
export function toClinicDateTime(instant: Instant, timeZone: string | undefined): ClinicDateTime {
  const w = wallClock(instant, timeZone)
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, minutes: w.hour * 60 + w.minute }
}

/** The clinic's calendar date (`YYYY-MM-DD`) of an instant. */
export function clinicDate(instant: Instant, timeZone: string | undefined): string {
  return toClinicDateTime(instant, timeZone).date
}

/** Today's date in the clinic. */
export function clinicToday(timeZone: string | undefined, now: Instant = Date.now()): string {
  return clinicDate(now, timeZone)
}

const DAY_MS = 86_400_000

/**
 * The instant (ms) of a wall-clock time in the clinic: `date` at `minutes`
 * after its midnight. Around a DST change it follows the usual rule (the one
 * of Temporal's `compatible`): a time skipped by the change (02:30 when
 * clocks jump from 02:00 to 03:00) is read with the offset before the change,
 * so it lands as far after the jump (03:30); a time that happens twice (01:30
 * when clocks fall back from 02:00 to 01:00) is its first, earlier occurrence.
 */
export function clinicInstant(date: string, minutes: number, timeZone: string | undefined): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const local = Date.UTC(y, m - 1, d, 0, minutes)
  // The offsets a day either side: the only ones this wall time can have (zones change at most once a day).
  const before = offsetMinutes(local - DAY_MS, timeZone)
  const after = offsetMinutes(local + DAY_MS, timeZone)
  const fits = [before, after].map(o => local - o * 60_000).filter(ms => local - offsetMinutes(ms, timeZone) * 60_000 === ms)
  return fits.length > 0 ? Math.min(...fits) : local - before * 60_000
}

/** A clinic wall-clock time as ISO 8601 with the clinic's offset (`2026-11-27T10:00:00+01:00`). */
export function clinicIso(date: string, minutes: number, timeZone: string | undefined): string {
  return isoInZone(clinicInstant(date, minutes, timeZone), timeZone)
}

/**
 * An instant in a language, on the zone's wall clock (`27 Nov 2026, 10:02`):
 * `Intl.DateTimeFormat` with `timeZone` applied (the runtime's when undefined,
 * UTC when unknown).
 */
export function formatInstant(instant: Instant, locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone(timeZone) }).format(new Date(toMs(instant)))
}

// ---- plain calendar dates and times of day (no zone involved) --------------

/** Whether `value` is a real `YYYY-MM-DD` date (`2026-02-30` is not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

/** A plain date in a language (`Mon 27 Nov`); formatted as UTC so the day never shifts. */
export function formatCalendarDate(date: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}

/** Calendar arithmetic on a plain date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** 0 = Monday … 6 = Sunday. */
export function isoWeekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
}

/** The first day of the date's week; `firstDay` in ISO numbering (1 = Monday … 7 = Sunday). */
export function startOfWeek(date: string, firstDay = 1): string {
  return addDays(date, -((isoWeekday(date) + 1 - firstDay + 7) % 7))
}

/** `HH:MM` of minutes since midnight (24 h; 1440 prints as 24:00). */
export function formatMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** Minutes since midnight of an `HH:MM` (or `H:MM`) string, or null. */
export function parseMinutes(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 23 || min > 59) return null
  return h * 60 + min
}

// ---- DTO timestamps --------------------------------------------------------

/** A stored timestamp as the API's UTC ISO string (`2026-07-01T10:00:00.000Z`); null stays null. */
export function iso(value: Instant): string
export function iso(value: Instant | null | undefined): string | null
export function iso(value: Instant | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(toMs(value)).toISOString()
}
