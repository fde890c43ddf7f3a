import { z } from 'zod'

// Dates the API takes: years 1900–2200. Outside that range PostgreSQL either
// refuses them (year 0000 → a 500) or they come back in a form that is not
// ISO 8601 any more (years past 9999), and no dental record needs them.
export const MIN_YEAR = 1900
export const MAX_YEAR = 2200

/** The year as written (`2026-…`); the offset of a date-time does not move it. */
function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4))
  return year >= MIN_YEAR && year <= MAX_YEAR
}

/** `YYYY-MM-DD` between 1900-01-01 and 2200-12-31. */
export const isoDateSchema = z.iso.date('validation.date').refine(yearInRange, 'validation.date_range')

/** ISO 8601 date-time with an explicit offset or Z, in the years 1900–2200. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'validation.datetime' }).refine(yearInRange, 'validation.date_range')
