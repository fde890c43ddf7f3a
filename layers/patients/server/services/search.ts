// Pure helpers of the patient search: how a patient's searchable text is kept
// (the `search_text` column) and how a query is cut into terms. The column and
// the terms go through the same normalisation, so "garcia" finds "García" and
// "GARCÍA" finds "Garcia". scripts/bench-patients.mjs repeats `normalise` and
// `buildSearchText` in plain JS: keep them in step.

/** Lower-cased, accents and other combining marks removed ("Núñez" → "nunez"). */
export function normalise(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** Only the digits ("+34 600-123 456" → "34600123456"). */
export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '')
}

/** Only letters and digits, normalised ("12.345.678-Z" → "12345678z"). */
function compact(value: string): string {
  return normalise(value).replace(/[^\p{L}\p{N}]+/gu, '')
}

export interface SearchableFields {
  first_name: string
  last_name: string
  phone?: string | null
  email?: string | null
  national_id?: string | null
}

/**
 * The `search_text` of a patient: first and last name (so the full name), the
 * phone as written and as digits, the email and the national id as written and
 * compacted, normalised and joined by single spaces. Query terms never contain
 * whitespace, so a term cannot match across two fields.
 */
export function buildSearchText(p: SearchableFields): string {
  const parts = [p.first_name, p.last_name]
  if (p.phone) parts.push(p.phone, digitsOnly(p.phone))
  if (p.email) parts.push(p.email)
  if (p.national_id) parts.push(p.national_id, compact(p.national_id))
  return normalise(parts.filter(Boolean).join(' ')).split(/\s+/).filter(Boolean).join(' ')
}

// A term written like a phone number ("+34", "600-123", "(91)") is searched as
// its digits, which search_text holds for every phone.
const PHONE_LIKE = /^[+\d().\-/]*\d[+\d().\-/]*$/

/**
 * The terms of a search box: normalised, split on whitespace, phone-like terms
 * reduced to their digits, duplicates removed. At most 10 are used.
 */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return []
  const terms = normalise(query).split(/\s+/).filter(Boolean).map(t => (PHONE_LIKE.test(t) ? digitsOnly(t) : t))
  return [...new Set(terms)].slice(0, 10)
}

/** A LIKE pattern matching `term` anywhere, with `\`, `%` and `_` taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, c => `\\${c}`)}%`
}
