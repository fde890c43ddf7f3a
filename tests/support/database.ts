import type { Kysely } from 'kysely'
import { coreMigrations } from '../../migrations'
import { openDatabase } from '../../server/db/database'
import type { DatabaseHandle } from '../../server/db/database'
import { migrateUp } from '../../server/db/migrator'
import type { Database } from '../../server/db/types'
import { createTestDatabase } from './server'
import type { TestDatabase } from './server'

export interface OpenTestDb {
  db: Kysely<Database>
  handle: DatabaseHandle
  database: TestDatabase
  close(): Promise<void>
}

/**
 * A fresh database of the suite's kind (PGlite in a temp folder, or a new
 * PostgreSQL database when DENTALPIN_TEST_DB=postgres), opened in-process
 * with the core migrations applied.
 */
export async function openTestDb(): Promise<OpenTestDb> {
  const database = await createTestDatabase()
  // openDatabase() reads the environment: point it at this database for the call.
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DENTALPIN_DATA_DIR: process.env.DENTALPIN_DATA_DIR }
  process.env.DATABASE_URL = database.env.DATABASE_URL ?? ''
  process.env.DENTALPIN_DATA_DIR = database.env.DENTALPIN_DATA_DIR ?? ''
  let handle: DatabaseHandle
  try {
    handle = await openDatabase()
  }
  finally {
    process.env.DATABASE_URL = saved.DATABASE_URL ?? ''
    process.env.DENTALPIN_DATA_DIR = saved.DENTALPIN_DATA_DIR ?? ''
  }
  await migrateUp(handle.db, coreMigrations)
  return {
    db: handle.db,
    handle,
    database,
    async close() {
      await handle.close()
      await database.drop()
    },
  }
}
