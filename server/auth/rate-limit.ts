import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Database } from '../db/types'
import { transaction } from '../db/transaction'
import { DomainError } from '../utils/errors'

type Db = Kysely<Database>

export interface LoginLimits {
  /** Password checks allowed per key and window (failed ones; a success gives its slot back). */
  maxFailures: number
  windowSeconds: number
}

/** The attempt slots held by one sign-in while its password is checked. */
export interface LoginReservation {
  ids: string[]
}

/**
 * The keys one sign-in counts against: the caller's address and the account
 * (the lower-cased e-mail, whether or not it exists, so the answer does not
 * tell which e-mails have an account).
 */
export function loginKeys(ip: string, email: string): string[] {
  return [`ip:${ip}`, `account:${email.trim().toLowerCase()}`]
}

function tooManyAttempts(retryAfterSeconds: number): DomainError {
  return new DomainError('rate_limited', 'auth.too_many_attempts', 'Too many failed sign-in attempts. Try again later.', {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  })
}

/**
 * Reserves one attempt slot under every key BEFORE the password is checked,
 * or throws 429 with Retry-After when any key has used up its window. Keys are
 * locked with transaction-scoped advisory locks (in a fixed order, so two
 * sign-ins never wait on each other crosswise): concurrent sign-ins on a key
 * count one after the other, so a burst gets at most `maxFailures` password
 * checks per key and window. The slot stays as a failure unless released.
 */
export async function reserveLoginAttempt(db: Db, keys: string[], limits: LoginLimits): Promise<LoginReservation> {
  const unique = [...new Set(keys)].sort()
  return transaction(db, async (trx) => {
    for (const key of unique) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`dentalpin.login:${key}`}, 0))`.execute(trx)
    }
    const window = sql<Date>`now() - make_interval(secs => ${limits.windowSeconds})`
    const rows = await trx.selectFrom('login_attempts')
      .select(['key', sql<number>`count(*)::int`.as('n'), sql<number>`extract(epoch from (min(attempted_at) - ${window}))::float8`.as('left')])
      .where('key', 'in', unique)
      .where('attempted_at', '>', window)
      .groupBy('key')
      .execute()
    const full = rows.filter(r => r.n >= limits.maxFailures)
    if (full.length > 0) {
      // Free again when the oldest attempt of the fullest key leaves the window.
      throw tooManyAttempts(Math.max(1, ...full.map(r => Math.ceil(Number(r.left)))))
    }
    const inserted = await trx.insertInto('login_attempts')
      .values(unique.map(key => ({ key })))
      .returning('id')
      .execute()
    // Keep the table small: anything older than the window no longer counts.
    await trx.deleteFrom('login_attempts').where('attempted_at', '<', window).execute()
    return { ids: inserted.map(r => r.id) }
  })
}

/** Gives the slots back: a successful sign-in does not count as a failure. */
export async function releaseLoginAttempt(db: Db, reservation: LoginReservation): Promise<void> {
  if (reservation.ids.length === 0) return
  await db.deleteFrom('login_attempts').where('id', 'in', reservation.ids).execute()
}
