// Exact money for every module: amounts travel and are stored as decimal
// strings with two decimals ("100.00"), and arithmetic happens on integer
// cents (BigInt), never on floats. Servers import these from `#dentalpin`,
// the browser from `#dentalpin/client`. Rates ("21.00" %) use the same format.

// BigInt(…) rather than `100n` literals: the browser build targets ES2019, whose syntax has none.
const ZERO = BigInt(0)
const ONE = BigInt(1)
const HUNDRED = BigInt(100)
const HALF_CENT = BigInt(5000) // half of a cent × a rate (both scaled by 100)
const CENT_RATE = BigInt(10000)

/** A decimal amount as accepted on input: optional minus, digits, up to two decimals. */
export const MONEY_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/

/** True when `value` is a decimal string `parseMoney` accepts ("100", "100.5", "100.50", "-3.10"). */
export function isMoney(value: unknown): value is string {
  return typeof value === 'string' && MONEY_PATTERN.test(value)
}

/** "100.50" → 10050 cents. Throws on anything but a decimal string with at most two decimals. */
export function parseMoney(value: string): bigint {
  if (!isMoney(value)) throw new TypeError('Not a decimal amount with at most two decimals')
  const negative = value.startsWith('-')
  const [whole, fraction = ''] = (negative ? value.slice(1) : value).split('.')
  const cents = BigInt(whole!) * HUNDRED + BigInt(fraction.padEnd(2, '0'))
  return negative ? -cents : cents
}

/** 10050 cents → "100.50"; the canonical form every API answers. */
export function formatMoney(cents: bigint): string {
  const negative = cents < ZERO
  const abs = negative ? -cents : cents
  const whole = abs / HUNDRED
  const fraction = (abs % HUNDRED).toString().padStart(2, '0')
  return `${negative ? '-' : ''}${whole}.${fraction}`
}

/** "100" or "100.5" → "100.00" / "100.50" (the canonical two decimals). */
export function normalizeMoney(value: string): string {
  return formatMoney(parseMoney(value))
}

/** The exact sum of the amounts ("0.00" for none). */
export function addMoney(...amounts: string[]): string {
  return formatMoney(amounts.reduce((sum, a) => sum + parseMoney(a), ZERO))
}

/** a − b, exactly. */
export function subtractMoney(a: string, b: string): string {
  return formatMoney(parseMoney(a) - parseMoney(b))
}

/** amount × a whole number (a quantity); fractions are refused, not rounded. */
export function multiplyMoney(amount: string, times: number): string {
  if (!Number.isSafeInteger(times)) throw new TypeError('Money is multiplied by whole numbers only')
  return formatMoney(parseMoney(amount) * BigInt(times))
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const d = parseMoney(a) - parseMoney(b)
  return d < ZERO ? -1 : d > ZERO ? 1 : 0
}

/**
 * Splits an amount into `parts` amounts that sum to it exactly: the cents
 * that do not divide evenly go one each to the first parts
 * ("100.00" in 3 → "33.34", "33.33", "33.33").
 */
export function splitMoney(amount: string, parts: number): string[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw new TypeError('Split into one part or more')
  return allocateMoney(amount, Array.from({ length: parts }, () => '1'))
}

/**
 * Shares an amount out in proportion to `weights` (non-negative decimal
 * strings, e.g. a template's amounts), exactly: each share is rounded down to
 * the cent, and the cents left over go one each to the largest remainders
 * (ties: the earlier part). All-zero weights share it out evenly.
 */
export function allocateMoney(amount: string, weights: string[]): string[] {
  if (weights.length === 0) throw new TypeError('Allocate over one weight or more')
  const total = parseMoney(amount)
  const negative = total < ZERO
  const abs = negative ? -total : total
  let w = weights.map(parseMoney)
  if (w.some(x => x < ZERO)) throw new TypeError('Weights must not be negative')
  let sum = w.reduce((a, b) => a + b, ZERO)
  if (sum === ZERO) {
    w = w.map(() => ONE)
    sum = BigInt(w.length)
  }
  const shares = w.map(x => (abs * x) / sum)
  const remainders = w.map((x, i) => ({ i, r: (abs * x) % sum }))
  let left = abs - shares.reduce((a, b) => a + b, ZERO)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of remainders) {
    if (left === ZERO) break
    shares[i]! += ONE
    left -= ONE
  }
  return shares.map(s => formatMoney(negative ? -s : s))
}

/**
 * `rate` percent of `amount` ("100.00" at "21.00" → "21.00"), rounded half
 * away from zero to the cent — how VAT on a line is usually computed.
 */
export function percentOfMoney(amount: string, rate: string): string {
  const product = parseMoney(amount) * parseMoney(rate) // cents × (rate × 100)
  const negative = product < ZERO
  const abs = negative ? -product : product
  const cents = (abs + HALF_CENT) / CENT_RATE
  return formatMoney(negative ? -cents : cents)
}

/**
 * An amount for reading, in the clinic's currency and the reader's language
 * ("1234.50", "EUR", "es" → "1234,50 €"). Intl formats the decimal string
 * itself, so nothing passes through a float.
 */
export function displayMoney(amount: string, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 })
  return format.format(normalizeMoney(amount) as unknown as number)
}
