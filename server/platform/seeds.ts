import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { formatPath } from '#shared/validation'
import { parseDependency } from './manifest'
import type { RegisteredModule } from './registry'
import { tenantTables } from './schema-introspection'

const IDENT = /^[a-z_][a-z0-9_]*$/

const seedRecord = z.strictObject({
  id: z.string().min(1).max(200),
  table: z.string().regex(IDENT, 'must be a plain table name'),
  values: z.record(z.string().regex(IDENT, 'must be a plain column name'), z.unknown()),
  noupdate: z.boolean().optional(),
})
export type SeedRecord = z.infer<typeof seedRecord>

export class SeedError extends Error {
  constructor(module: string, file: string, message: string) {
    super(`[${module}] ${file}: ${message}`)
    this.name = 'SeedError'
  }
}

/** Parses every data file of the manifest, in order; ids are unique per module. */
export function parseSeeds(m: RegisteredModule): { file: string, records: SeedRecord[] }[] {
  const seen = new Set<string>()
  return (m.manifest.data_files ?? []).map((file) => {
    let doc: unknown
    try {
      doc = parseYaml(m.dataFiles[file] ?? '')
    }
    catch (error) {
      throw new SeedError(m.name, file, `not valid YAML: ${(error as Error).message}`)
    }
    const result = z.array(seedRecord).safeParse(doc ?? [])
    if (!result.success) {
      throw new SeedError(m.name, file, result.error.issues.map(i => `${formatPath(i.path)}: ${i.message}`).join('; '))
    }
    for (const r of result.data) {
      if (seen.has(r.id)) throw new SeedError(m.name, file, `record id "${r.id}" is used twice`)
      seen.add(r.id)
    }
    return { file, records: result.data }
  })
}

const NO_CLINIC = '00000000-0000-0000-0000-000000000000'

async function trackedRecord(db: Kysely<any>, module: string, externalId: string, clinicId: string | null) {
  return db.selectFrom('core_module_record').selectAll()
    .where('module', '=', module).where('external_id', '=', externalId)
    .where(sql`coalesce(clinic_id, ${NO_CLINIC}::uuid)`, '=', clinicId ?? NO_CLINIC)
    .executeTakeFirst()
}

async function resolveValues(db: Kysely<any>, m: RegisteredModule, values: Record<string, unknown>, clinicId: string | null): Promise<Record<string, unknown>> {
  const allowed = new Set([m.name, ...m.manifest.depends.map(d => parseDependency(d).name)])
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    const ref = (value as { $ref?: unknown })?.$ref
    if (typeof ref === 'string') {
      const dot = ref.indexOf('.')
      const refModule = ref.slice(0, dot)
      const refId = ref.slice(dot + 1)
      if (dot < 1 || !allowed.has(refModule)) throw new Error(`$ref ${ref}: only this module's records and its dependencies' can be referenced`)
      const target = await trackedRecord(db, refModule, refId, clinicId) ?? await trackedRecord(db, refModule, refId, null)
      if (!target || target.deleted) throw new Error(`$ref ${ref}: no such seeded record`)
      out[key] = target.record_id
    }
    else {
      out[key] = value !== null && typeof value === 'object' ? JSON.stringify(value) : value
    }
  }
  return out
}

export interface SeedSummary {
  inserted: number
  updated: number
  kept: number
  skipped_deleted: number
}

/**
 * Applies a module's seed data: insert when new, update unless `noupdate`,
 * never re-create a record a user deleted. Tenant tables (with `clinic_id`)
 * get one copy per clinic: every clinic, or only `clinicIds` when given.
 */
export async function applySeeds(db: Kysely<any>, m: RegisteredModule, clinicIds?: string[]): Promise<SeedSummary> {
  const summary: SeedSummary = { inserted: 0, updated: 0, kept: 0, skipped_deleted: 0 }
  const files = parseSeeds(m)
  if (files.length === 0) return summary
  const tenant = await tenantTables(db)
  const clinics = clinicIds ?? (await db.selectFrom('clinics').select('id').orderBy('created_at').execute()).map(r => r.id as string)
  for (const { file, records } of files) {
    for (const record of records) {
      const scopes = tenant.has(record.table) ? clinics : (clinicIds ? [] : [null])
      for (const clinicId of scopes) {
        try {
          const values = await resolveValues(db, m, record.values, clinicId)
          if (clinicId) values.clinic_id = clinicId
          const tracked = await trackedRecord(db, m.name, record.id, clinicId)
          if (tracked?.deleted) {
            summary.skipped_deleted++
            continue
          }
          if (tracked) {
            const exists = await db.selectFrom(record.table).select('id').where('id', '=', tracked.record_id).executeTakeFirst()
            if (!exists) {
              // The user deleted it: remember that and never bring it back.
              await db.updateTable('core_module_record').set({ deleted: true, updated_at: sql`now()` }).where('id', '=', tracked.id).execute()
              summary.skipped_deleted++
              continue
            }
            if (record.noupdate) {
              summary.kept++
              continue
            }
            await db.updateTable(record.table).set(values).where('id', '=', tracked.record_id).execute()
            await db.updateTable('core_module_record').set({ noupdate: Boolean(record.noupdate), updated_at: sql`now()` }).where('id', '=', tracked.id).execute()
            summary.updated++
            continue
          }
          const row = await db.insertInto(record.table).values(values).returning('id').executeTakeFirstOrThrow()
          await db.insertInto('core_module_record').values({
            module: m.name,
            external_id: record.id,
            clinic_id: clinicId,
            table_name: record.table,
            record_id: String(row.id),
            noupdate: Boolean(record.noupdate),
          }).execute()
          summary.inserted++
        }
        catch (error) {
          throw new SeedError(m.name, file, `record "${record.id}": ${(error as Error).message}`)
        }
      }
    }
  }
  return summary
}

/** Deletes what the module seeded (newest first) and forgets it. */
export async function deleteSeeded(db: Kysely<any>, module: string): Promise<number> {
  const records = await db.selectFrom('core_module_record').selectAll().where('module', '=', module)
    .orderBy('seq', 'desc').execute()
  const tables = new Set((await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)).rows.map(r => r.name))
  let deleted = 0
  for (const r of records) {
    if (r.deleted || !tables.has(r.table_name)) continue
    const res = await db.deleteFrom(r.table_name).where('id', '=', r.record_id).executeTakeFirst()
    deleted += Number(res.numDeletedRows ?? 0)
  }
  await db.deleteFrom('core_module_record').where('module', '=', module).execute()
  return deleted
}
