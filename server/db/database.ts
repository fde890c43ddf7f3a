import { resolve, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
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

/** Where the embedded database keeps its files. */
export function embeddedDataDir(): string {
  return resolve(process.env.DENTALPIN_DATA_DIR || join(process.cwd(), '.data'))
}

export function databaseKind(): DatabaseKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite'
}

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
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX || 10), types })
    pool.on('error', error => console.error('[db] idle PostgreSQL client error:', error.message))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
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
