// Applies one module's pending operation: one transaction, each step timed
// and recorded in the journal; a failure rolls everything back and is stored
// on the module row and the journal entry as a code and params.
import { consola } from 'consola'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { AppliedOperation, ModuleOperationKind, ModuleState } from '#shared/types/modules'
import type { Database, OperationStep } from '../db/types'
import { appliedMigrations, migrateDown, migrateUp } from '../db/migrator'
import { transaction } from '../db/transaction'
import { backupModuleTables } from './backup'
import { ModuleOperationError, operationFailed, RuleViolation, stepFailed } from './errors'
import { eventBus } from './events/bus'
import { closeOperation, openOperation } from './journal'
import type { ModuleContext } from './module'
import { declaredTables, moduleTables, planOperation } from './preview'
import type { ModuleRegistry, RegisteredModule } from './registry'
import { ModuleRepository } from './repository'
import { checkModels, ownerOf, ownsTable } from './rules'
import { listTables } from './schema-introspection'
import { applySeeds, deleteSeeded } from './seeds'

type Db = Kysely<Database>

const log = consola.withTag('dentalpin:modules')

/** The state a pending module returns to when its operation fails or is skipped. */
export const STABLE: Record<string, ModuleState> = { to_install: 'uninstalled', to_upgrade: 'installed', to_remove: 'installed' }
export const KIND: Record<string, ModuleOperationKind> = { to_install: 'install', to_upgrade: 'upgrade', to_remove: 'uninstall' }

class StepFailure extends Error {
  constructor(readonly step: OperationStep['step'], readonly original: unknown) {
    super((original as Error)?.message ?? String(original))
  }
}

function contextFor(m: RegisteredModule, trx: Kysely<any>): ModuleContext {
  return { moduleName: m.name, db: trx, eventBus, logger: consola.withTag(`app.modules.${m.name}`) }
}

/** Runs the operation `state` asks for on one module (install, upgrade or uninstall). */
export async function runOperation(db: Db, registry: ModuleRegistry, m: RegisteredModule, state: ModuleState): Promise<AppliedOperation> {
  const operation = KIND[state]!
  const repo = new ModuleRepository(db)
  const fromVersion = (await repo.get(m.name))?.installed_version ?? null
  // The plan comes from the pending migrations; the migrate step records what the run really created.
  const plan = await planOperation(db, registry, m, operation)
  const opId = await openOperation(db, { module: m.name, operation, from_version: fromVersion, to_version: plan.to_version, plan: plan as unknown as Record<string, unknown> })
  const steps: OperationStep[] = []
  const step = async <T>(name: OperationStep['step'], fn: () => Promise<T>, details?: (r: T) => Record<string, unknown>): Promise<T> => {
    const started = new Date()
    const timing = () => ({ step: name, started_at: started.toISOString(), duration_ms: Date.now() - started.getTime() })
    try {
      const result = await fn()
      steps.push({ ...timing(), status: 'succeeded', details: details?.(result) })
      return result
    }
    catch (error) {
      const item = stepFailed(operation, name, error)
      steps.push({ ...timing(), status: 'failed', error_code: item.code, error_params: item.params })
      throw new StepFailure(name, error)
    }
  }

  try {
    await transaction(db, async (trx) => {
      // Serialises operations across instances; a row no longer pending was done elsewhere.
      await sql`select pg_advisory_xact_lock(hashtext('dentalpin:modules:apply'))`.execute(trx)
      const rows = repo.in(trx)
      const current = await rows.get(m.name)
      if (current?.state !== state) throw new ModuleOperationError('conflict', 'modules.changed', `${m.name} is no longer ${state}`, { module: m.name })
      const ctx = contextFor(m, trx)
      if (operation === 'install' || operation === 'upgrade') {
        await step('migrate', () => migrateOwned(trx, registry, m), r => ({ applied: r.applied, tables_created: r.created }))
        await step('seed', () => applySeeds(trx, m), r => ({ ...r }))
        if (operation === 'install') await step('hook', () => m.instance.install(ctx))
        else await step('hook', () => m.instance.postUpgrade(ctx, fromVersion ?? '0.0.0'), () => ({ from_version: fromVersion }))
        await step('finalize', () => rows.markInstalled(m.manifest, operation === 'install'))
      }
      else {
        const backup = await step('backup', async () => backupModuleTables(trx, m.name, fromVersion, await moduleTables(trx, registry, m)), r => ({ file: r.file, tables: r.tables }))
        await step('hook', () => m.instance.uninstall(ctx))
        await step('delete_data', () => deleteSeeded(trx, m.name), n => ({ rows_deleted: n, backup: backup.file }))
        await step('migrate_down', async () => migrateDown(trx, m.migrations, await appliedMigrations(trx, m.name)), r => ({ reverted: r.applied }))
        await step('finalize', () => rows.markUninstalled(m.name))
      }
    })
    await closeOperation(db, opId, { status: 'succeeded', steps })
    log.success(`${operation} ${m.name} ${m.manifest.version}: done`)
    return { module: m.name, operation, status: 'succeeded', error: null, failed_step: null }
  }
  catch (error) {
    const failedStep = error instanceof StepFailure ? error.step : null
    const item = error instanceof StepFailure ? stepFailed(operation, error.step, error.original) : operationFailed(operation, null, (error as Error)?.message ?? String(error))
    log.error(item.message)
    await repo.revert(m.name, state, STABLE[state]!, item)
    await closeOperation(db, opId, { status: 'failed', steps, error: item, failed_step: failedStep })
    return { module: m.name, operation, status: 'failed', error: item, failed_step: failedStep }
  }
}

/**
 * Runs the module's pending migrations once, in the operation's transaction,
 * and checks what they did against the rules: no table created or dropped
 * outside the module's names, and getModels() naming exactly its tables.
 */
async function migrateOwned(trx: Kysely<any>, registry: ModuleRegistry, m: RegisteredModule): Promise<{ applied: string[], created: string[] }> {
  const before = new Set(await listTables(trx))
  const result = await migrateUp(trx, m.migrations)
  const after = await listTables(trx)
  const created = after.filter(t => !before.has(t))
  const dropped = [...before].filter(t => !after.includes(t))
  const foreign = [...created, ...dropped].filter(t => !ownsTable(m.name, t))
  if (foreign.length > 0) {
    throw new RuleViolation('modules.tables_not_owned', `migrations of ${m.name} touched tables it does not own: ${foreign.join(', ')} (tables must be named ${m.name} or ${m.name}_*)`, { module: m.name, tables: foreign })
  }
  const names = registry.all().map(r => r.name)
  const models = checkModels(m.name, declaredTables(m), after.filter(t => ownerOf(t, names) === m.name))
  if (models) throw new RuleViolation(models.code, models.message, models.params)
  return { applied: result.applied, created }
}
