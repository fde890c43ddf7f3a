import type { Kysely } from 'kysely'
import type { DatabaseHandle, DatabaseKind } from './database'
import type { Database } from './types'

export type { Database } from './types'

let current: DatabaseHandle | null = null

/** Installs the process-wide database handle (done once by the boot sequence). */
export function setDatabase(handle: DatabaseHandle): void {
  current = handle
}

/** The one accessor server code uses for the database. */
export function useDb(): Kysely<Database> {
  if (!current) throw new Error('The database is not open yet (the server is still starting).')
  return current.db
}

export function currentDatabaseKind(): DatabaseKind | null {
  return current?.kind ?? null
}

/** Closes the database (idempotent); called on shutdown. */
export async function closeDatabase(): Promise<void> {
  const handle = current
  current = null
  if (handle) await handle.close()
}
