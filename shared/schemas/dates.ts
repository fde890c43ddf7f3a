import { z } from 'zod'

// Dates the API takes: years 1900–2200. Outside that range PostgreSQL either
// refuses them (year 0000 → a 500) or they come back in a form that is not
// ISO 8601 any more (years past 9999), and no dental record needs them.
export const MIN_YEAR = 1900
export const MAX_YEAR = 2200

/**
 * The year as written (`2026-…`); the offset of a date-time does not move it.
 * A value that is not a date at all already has its format error: one per field.
 */
function yearInRange(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return true
  const year = Number(value.slice(0, 4))
  return year >= MIN_YEAR && year <= MAX_YEAR
}

// `abort`: a value that is not a date, or is out of range, gets that one error,
// not also the field's own rules (past date…).
const inRange = { message: 'validation.date_range', abort: true } as const

/** `YYYY-MM-DD` between 1900-01-01 and 2200-12-31. */
export const isoDateSchema = z.iso.date({ message: 'validation.date', abort: true }).refine(yearInRange, inRange)

/** ISO 8601 date-time with an explicit offset or Z, in the years 1900–2200. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'validation.datetime', abort: true }).refine(yearInRange, inRange)
