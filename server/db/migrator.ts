import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'

/**
 * One migration. Migrations are frozen once shipped: `up`/`down` work on
 * `Kysely<any>` and import nothing but `kysely`.
 */
export interface Migration {
  up(db: Kysely<any>): Promise<void>
  down?(db: Kysely<any>): Promise<void>
}

/**
 * A named migration history: the core has one (`core`), every module has its
 * own (its name). Migration names sort in the order they apply
 * (timestamp prefix, e.g. `20261127090000_create_users`).
 */
export interface MigrationSet {
  history: string
  migrations: Record<string, Migration>
}

export interface MigrationRunResult {
  history: string
  applied: string[]
}

// Serialises every migration run across processes sharing one database.
const MIGRATION_LOCK_KEY = 'dentalpin:migrations'

async function ensureHistoryTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_migration')
    .ifNotExists()
    .addColumn('history', 'text', c => c.notNull())
    .addColumn('name', 'text', c => c.notNull())
    .addColumn('applied_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('core_migration_pkey', ['history', 'name'])
    .execute()
}

function sortedNames(set: MigrationSet): string[] {
  return Object.keys(set.migrations).sort()
}

/** Runs `fn` inside a transaction: the given one, or a new one. */
async function inTransaction<T>(db: Kysely<any>, fn: (trx: Transaction<any>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<any>)
  return db.transaction().execute(fn)
}

async function lock(trx: Transaction<any>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${MIGRATION_LOCK_KEY}))`.execute(trx)
}

/** Names of the migrations of `history` that are applied, in applied order. */
export async function appliedMigrations(db: Kysely<any>, history: string): Promise<string[]> {
  await ensureHistoryTable(db)
  const rows = await db
    .selectFrom('core_migration')
    .select('name')
    .where('history', '=', history)
    .orderBy('name')
    .execute()
  return rows.map(r => r.name as string)
}

/** Migrations on disk that are not applied yet, in the order they would run. */
export async function pendingMigrations(db: Kysely<any>, set: MigrationSet): Promise<string[]> {
  const applied = new Set(await appliedMigrations(db, set.history))
  return sortedNames(set).filter(n => !applied.has(n))
}

/**
 * Applies every pending migration of the set in one transaction (the caller's,
 * when `db` is already a transaction, so a module operation can add seeds,
 * hooks and its state change to the same unit of work). All or nothing.
 */
export async function migrateUp(db: Kysely<any>, set: MigrationSet): Promise<MigrationRunResult> {
  await ensureHistoryTable(db)
  return inTransaction(db, async (trx) => {
    await lock(trx)
    const applied = new Set(await appliedMigrations(trx, set.history))
    const unknown = [...applied].filter(n => !(n in set.migrations))
    if (unknown.length > 0) {
      throw new MigrationError(
        set.history,
        `database has migrations that are not on disk: ${unknown.join(', ')}`,
      )
    }
    const ran: string[] = []
    for (const name of sortedNames(set)) {
      if (applied.has(name)) continue
      try {
        await set.migrations[name]!.up(trx)
      }
      catch (error) {
        throw new MigrationError(set.history, `migration ${name} failed: ${(error as Error).message}`, name, error)
      }
      await trx.insertInto('core_migration').values({ history: set.history, name }).execute()
      ran.push(name)
    }
    return { history: set.history, applied: ran }
  })
}

/**
 * Reverts exactly the named migrations (or every applied one of the set when
 * omitted), newest first, in one transaction. A migration without `down`
 * makes the whole run fail before anything changes.
 */
export async function migrateDown(db: Kysely<any>, set: MigrationSet, names?: string[]): Promise<MigrationRunResult> {
  await ensureHistoryTable(db)
  return inTransaction(db, async (trx) => {
    await lock(trx)
    const applied = await appliedMigrations(trx, set.history)
    const target = (names ?? applied).filter(n => applied.includes(n)).sort().reverse()
    const missing = target.filter(n => !set.migrations[n]?.down)
    if (missing.length > 0) {
      throw new MigrationError(set.history, `no down migration for: ${missing.join(', ')}`)
    }
    for (const name of target) {
      try {
        await set.migrations[name]!.down!(trx)
      }
      catch (error) {
        throw new MigrationError(set.history, `down migration ${name} failed: ${(error as Error).message}`, name, error)
      }
      await trx.deleteFrom('core_migration').where('history', '=', set.history).where('name', '=', name).execute()
    }
    return { history: set.history, applied: target }
  })
}

export class MigrationError extends Error {
  constructor(
    readonly history: string,
    message: string,
    readonly migration?: string,
    cause?: unknown,
  ) {
    super(`[${history}] ${message}`, { cause })
    this.name = 'MigrationError'
  }
}
