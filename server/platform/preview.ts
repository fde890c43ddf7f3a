// What an operation on one module would do, without changing anything: the
// plan a dry run shows and the journal records before the real run.
import type { Kysely } from 'kysely'
import type { ModuleOperationKind, ModulePlan } from '#shared/types/modules'
import type { Database } from '../db/types'
import { appliedMigrations, migrateUp, pendingMigrations } from '../db/migrator'
import { operationFailed } from './errors'
import type { ModuleRegistry, RegisteredModule } from './registry'
import { ModuleRepository } from './repository'
import { ownerOf } from './rules'
import { listTables } from './schema-introspection'
import { parseSeeds } from './seeds'

type Db = Kysely<Database>

/** The tables a module's getModels() declares. */
export function declaredTables(m: RegisteredModule): string[] {
  return m.instance.getModels().map(model => model.table)
}

/**
 * The module's tables that exist now: those getModels() declares, and any
 * other table it owns (named after it, and not after a module with a longer
 * name) — so a backup never leaves one behind.
 */
export async function moduleTables(db: Kysely<any>, registry: ModuleRegistry, m: RegisteredModule): Promise<string[]> {
  const names = registry.all().map(r => r.name)
  const existing = await listTables(db)
  const declared = new Set(declaredTables(m))
  return existing.filter(t => declared.has(t) || ownerOf(t, names) === m.name)
}

function seedsOf(m: RegisteredModule): ModulePlan['seeds'] {
  try {
    return parseSeeds(m).map(f => ({ file: f.file, records: f.records.length }))
  }
  catch (error) {
    return [{ file: 'invalid', records: 0, error: (error as Error).message }]
  }
}

/**
 * The plan of an operation. Install and upgrade: the pending migrations and
 * the declared tables they will create; with `simulate` (a dry run the admin
 * asked for) the migrations run in a transaction that is rolled back, and
 * the tables they really create are listed. Uninstall: the migrations to
 * revert and the tables dropped, which are backed up first.
 */
export async function planOperation(db: Db, registry: ModuleRegistry, m: RegisteredModule, operation: ModuleOperationKind, options: { simulate?: boolean } = {}): Promise<ModulePlan> {
  const row = await new ModuleRepository(db).get(m.name)
  const base = { module: m.name, operation, from_version: row?.installed_version ?? null }
  if (operation === 'uninstall') {
    const tables = await moduleTables(db, registry, m)
    return {
      ...base,
      to_version: null,
      migrations: [...await appliedMigrations(db, m.name)].reverse(),
      tables_created: [],
      tables_dropped: tables,
      seeds: [],
      backup: { tables },
    }
  }
  const migrations = await pendingMigrations(db, m.migrations)
  const existing = new Set(await listTables(db))
  let tablesCreated = migrations.length ? declaredTables(m).filter(t => !existing.has(t)) : []
  let error: ModulePlan['error']
  if (options.simulate && migrations.length) {
    const simulated = await simulateMigrations(db, m)
    tablesCreated = simulated.created
    if (simulated.error) error = operationFailed(operation, 'migrate', simulated.error)
  }
  return {
    ...base,
    to_version: m.manifest.version,
    migrations,
    tables_created: tablesCreated,
    tables_dropped: [],
    seeds: seedsOf(m),
    backup: null,
    ...(error ? { error } : {}),
  }
}

/** Runs the module's pending migrations in a transaction that is always rolled back. */
async function simulateMigrations(db: Db, m: RegisteredModule): Promise<{ created: string[], error: string | null }> {
  let created: string[] = []
  let failure: string | null = null
  const ROLLBACK = Symbol('dry-run')
  try {
    await db.transaction().execute(async (trx) => {
      const before = new Set(await listTables(trx))
      try {
        await migrateUp(trx, m.migrations)
        created = (await listTables(trx)).filter(t => !before.has(t))
      }
      catch (error) {
        failure = (error as Error).message
      }
      throw ROLLBACK
    })
  }
  catch (error) {
    if (error !== ROLLBACK) throw error
  }
  return { created, error: failure }
}
