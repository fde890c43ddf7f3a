import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Kysely } from 'kysely'
import { listTables, ownsTable } from './schema-introspection'

/** Where backups and other files live (local storage; DENTALPIN_STORAGE_DIR overrides). */
export function storageDir(): string {
  return resolve(process.env.DENTALPIN_STORAGE_DIR || join(process.cwd(), '.storage'))
}

/**
 * Exports every table the module owns, with all rows, as one JSON file:
 * `{module, version, created_at, tables: {name: rows[]}}`. Returns its path.
 */
export async function backupModuleTables(db: Kysely<any>, module: string, version: string | null): Promise<{ file: string, tables: Record<string, number> }> {
  const owned = (await listTables(db)).filter(t => ownsTable(module, t))
  const tables: Record<string, unknown[]> = {}
  const counts: Record<string, number> = {}
  for (const table of owned) {
    tables[table] = await db.selectFrom(table).selectAll().execute()
    counts[table] = tables[table]!.length
  }
  const dir = join(storageDir(), 'backups')
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = join(dir, `${module}-${version ?? 'unknown'}-${stamp}.json`)
  writeFileSync(file, JSON.stringify({ module, version, created_at: new Date().toISOString(), tables }, null, 1))
  return { file, tables: counts }
}
