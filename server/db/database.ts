import { resolve, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import { isConnectionFailure } from './failures'
import { lockDataDir } from './lock'
import type { Database } from './types'

export type DatabaseKind = 'postgres' | 'pglite'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseKind
  /** Where the embedded database lives (pglite only). */
  dataDir?: string
  close(): Promise<void>
}

// Type OIDs whose default parsing would lose information or differ between drivers.
const INT8 = 20
const NUMERIC = 1700
const DATE = 1082

/**
 * How long a new PostgreSQL connection may take, and how long one statement
 * may run (server side, with a client-side guard a little longer for a
 * database that stops answering at all), so that a hung database never
 * holds a request forever. NUXT_DB_CONNECT_TIMEOUT_MS / NUXT_DB_STATEMENT_TIMEOUT_MS.
 */
export function databaseTimeouts(): { connectMs: number, statementMs: number } {
  const num = (v: string | undefined, fallback: number) => {
    const n = Number(v)
    return Number.isFinite(n) && n > 0 ? Math.round(n) : fallback
  }
  return {
    connectMs: num(process.env.NUXT_DB_CONNECT_TIMEOUT_MS, 5_000),
    statementMs: num(process.env.NUXT_DB_STATEMENT_TIMEOUT_MS, 30_000),
  }
}

/** Where the embedded database keeps its files. */
export function embeddedDataDir(): string {
  return resolve(process.env.DENTALPIN_DATA_DIR || join(process.cwd(), '.data'))
}

export function databaseKind(): DatabaseKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite'
}

/**
 * The pool as Kysely sees it, except that a client whose query failed with a
 * connection failure is destroyed on release instead of going back to the
 * pool (a connection that timed out mid-query may still get the late answer).
 */
function discardBrokenClients(pool: pg.Pool) {
  type Tracked = pg.PoolClient & { [WRAPPED]?: true, [BROKEN]?: boolean }
  return {
    async connect() {
      const client = await pool.connect() as Tracked
      if (!client[WRAPPED]) {
        const query = client.query.bind(client) as (...args: unknown[]) => unknown
        client.query = ((...args: unknown[]) => {
          const result = query(...args)
          if (result && typeof (result as Promise<unknown>).catch === 'function') {
            (result as Promise<unknown>).catch((error) => {
              if (isConnectionFailure(error)) client[BROKEN] = true
            })
          }
          return result
        }) as Tracked['query']
        client[WRAPPED] = true
      }
      // pg hands out a fresh release() at every checkout.
      const release = client.release
      client.release = (error?: Error | boolean) => release(error ?? (client[BROKEN] ? new Error('connection failed; discarded') : undefined))
      return client
    },
    end: () => pool.end(),
    // What Kysely uses for its control connections (query cancellation).
    options: pool.options,
    Client: (pool as unknown as { Client: typeof pg.Client }).Client,
  }
}

const WRAPPED = Symbol('dentalpin.wrapped')
const BROKEN = Symbol('dentalpin.broken')

/**
 * Opens the database named by the environment: PostgreSQL over `pg` when
 * DATABASE_URL is set, otherwise the embedded PGlite database in
 * DENTALPIN_DATA_DIR (default `.data/`), owned by this process alone.
 */
export async function openDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL
  if (url) {
    const types = {
      getTypeParser: (oid: number, format?: string) => {
        // Counts and big ids as numbers; money stays an exact string; dates stay calendar dates.
        if (oid === INT8) return (v: string) => Number(v)
        if (oid === DATE) return (v: string) => v
        return pg.types.getTypeParser(oid, format as 'text')
      },
    }
    const { connectMs, statementMs } = databaseTimeouts()
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_MAX || 10),
      types,
      connectionTimeoutMillis: connectMs,
      statement_timeout: statementMs,
      // A database that stops answering (network black hole): the client gives up a little after the server would.
      query_timeout: statementMs + 2_000,
      keepAlive: true,
    })
    pool.on('error', error => console.error('[db] idle PostgreSQL client error:', error.message))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardBrokenClients(pool) }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }

  const dataDir = embeddedDataDir()
  const release = lockDataDir(dataDir)
  try {
    const pglite = new PGlite(join(dataDir, 'pglite'), {
      // Extensions modules may create (`create extension if not exists ...`), as on PostgreSQL.
      extensions: { pg_trgm },
      parsers: {
        [INT8]: (v: string) => Number(v),
        [NUMERIC]: (v: string) => v,
        [DATE]: (v: string) => v,
      },
    })
    await pglite.waitReady
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
    return {
      db,
      kind: 'pglite',
      dataDir,
      close: async () => {
        try {
          await db.destroy()
        }
        finally {
          release()
        }
      },
    }
  }
  catch (error) {
    release()
    throw error
  }
}
