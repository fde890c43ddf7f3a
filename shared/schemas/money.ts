import { z } from 'zod'
import { compareMoney, isMoney, normalizeMoney } from '../money'

// Money and rates the API takes: decimal STRINGS (a JSON number could already
// have lost a cent on the way), answered in the canonical two-decimal form.

/** Largest amount a `numeric(12,2)` column holds. */
export const MAX_AMOUNT = '9999999999.99'

/** A non-negative amount with at most two decimals ("100", "100.5", "100.50") → "100.50". */
export const moneySchema = z.string('validation.money')
  .trim()
  .refine(v => isMoney(v) && !v.startsWith('-') && compareMoney(v, MAX_AMOUNT) <= 0, { message: 'validation.money', abort: true })
  .transform(normalizeMoney)

/** A percentage from 0 to 100 with at most two decimals ("21", "21.00", "10.5") → "21.00". */
export const rateSchema = z.string('validation.rate')
  .trim()
  .refine(v => isMoney(v) && !v.startsWith('-') && compareMoney(v, '100.00') <= 0, { message: 'validation.rate', abort: true })
  .transform(normalizeMoney)
