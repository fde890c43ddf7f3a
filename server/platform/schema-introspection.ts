import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/** Tables of the current schema. */
export async function listTables(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  return rows.map(r => r.name)
}

/** Tables that have a clinic_id column (tenant-scoped). */
export async function tenantTables(db: Kysely<any>): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'clinic_id'`.execute(db)
  return new Set(rows.map(r => r.name))
}
