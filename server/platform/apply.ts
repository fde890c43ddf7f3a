import { consola } from 'consola'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { ErrorItem } from '#shared/types/envelope'
import type { Database, ModuleOperationKind, ModuleState, OperationStep } from '../db/types'
import { appliedMigrations, migrateDown, migrateUp, pendingMigrations } from '../db/migrator'
import { transaction } from '../db/transaction'
import { backupModuleTables } from './backup'
import { coreRangeProblem, ModuleOperationError, operationFailed, skippedAfterFailure, skippedMissingDependency } from './errors'
import { eventBus } from './events/bus'
import type { GraphModule } from './graph'
import { dependentsOf, installChain, orderForInstall, orderForRemoval } from './graph'
import { closeOperation, openOperation, recordSkipped } from './journal'
import type { ModuleContext } from './module'
import type { ModuleRegistry, RegisteredModule } from './registry'
import type { ModuleRuntime } from './runtime'
import { parseDependency } from './manifest'
import { listTables, ownsTable } from './schema-introspection'
import { applySeeds, deleteSeeded, parseSeeds } from './seeds'
import { CORE_VERSION } from './version'

type Db = Kysely<Database>

export interface AppliedOperation {
  module: string
  operation: ModuleOperationKind
  status: 'succeeded' | 'failed' | 'skipped'
  error: string | null
  /** `error` as a stable code and params, for clients that word it themselves. */
  error_item: ErrorItem | null
  failed_step: string | null
}

export interface ApplyReport {
  operations: AppliedOperation[]
}

const log = consola.withTag('dentalpin:modules')

const STABLE: Record<string, ModuleState> = { to_install: 'uninstalled', to_upgrade: 'installed', to_remove: 'installed' }
const KIND: Record<string, ModuleOperationKind> = { to_install: 'install', to_upgrade: 'upgrade', to_remove: 'uninstall' }

class StepFailure extends Error {
  constructor(readonly step: OperationStep['step'], readonly original: unknown) {
    super((original as Error)?.message ?? String(original))
  }
}

function contextFor(m: RegisteredModule, trx: Kysely<any>): ModuleContext {
  return { moduleName: m.name, db: trx, eventBus, logger: consola.withTag(`app.modules.${m.name}`) }
}

/**
 * Applies pending operations (module-platform §3): installs and upgrades in
 * dependency order, then removals in reverse order; each module's operation
 * is one transaction, recorded in the journal; dependents of a failed
 * operation are skipped with the reason. One batch at a time.
 */
export class ModuleApplier {
  #running: Promise<ApplyReport> | null = null

  constructor(readonly db: Db, readonly registry: ModuleRegistry, readonly runtime: ModuleRuntime) {}

  get busy(): boolean {
    return this.#running !== null
  }

  async applyPending(): Promise<ApplyReport> {
    if (this.#running) throw new ModuleOperationError('conflict', 'modules.busy', 'Pending operations are already being applied')
    this.#running = this.#apply()
    let changed = true
    try {
      const report = await this.#running
      changed = report.operations.some(o => o.status === 'succeeded')
      return report
    }
    finally {
      this.#running = null
      await this.runtime.refresh(this.db, { announce: changed })
    }
  }

  async #apply(): Promise<ApplyReport> {
    const rows = await this.db.selectFrom('core_module').select(['name', 'state']).where('state', 'in', ['to_install', 'to_upgrade', 'to_remove']).execute()
    const graph = this.registry.graph()
    const onDisk = rows.filter(r => this.registry.get(r.name))
    const ups = orderForInstall(onDisk.filter(r => r.state !== 'to_remove').map(r => r.name), graph)
    const downs = orderForRemoval(onDisk.filter(r => r.state === 'to_remove').map(r => r.name), graph)
    const stateOf = new Map(rows.map(r => [r.name, r.state]))
    const failed = new Set<string>()
    const operations: AppliedOperation[] = []

    for (const name of [...ups, ...downs]) {
      const state = stateOf.get(name)!
      const m = this.registry.get(name)!
      const blockedBy = state === 'to_remove'
        ? dependentsOf(name, graph, { transitive: true }).find(d => failed.has(d))
        : safeChain(name, graph).find(d => d !== name && failed.has(d))
      // Installs and upgrades need a core in the module's range (auto-install at boot
      // included) and every dependency installed (or installed earlier in this batch).
      const outOfRange = state === 'to_remove' || blockedBy ? null : coreRangeProblem(m.manifest, CORE_VERSION)
      const missing = state === 'to_remove' || blockedBy || outOfRange
        ? undefined
        : await this.#missingDependency(m)
      if (blockedBy || outOfRange || missing) {
        const reason = blockedBy ? skippedAfterFailure(blockedBy) : outOfRange ?? skippedMissingDependency(missing!)
        await this.#revert(name, state, reason)
        await recordSkipped(this.db, { module: name, operation: KIND[state]!, from_version: null, to_version: m.manifest.version }, reason.message)
        operations.push({ module: name, operation: KIND[state]!, status: 'skipped', error: reason.message, error_item: reason, failed_step: null })
        failed.add(name)
        continue
      }
      const result = await this.#applyOne(m, state)
      operations.push(result)
      if (result.status === 'failed') failed.add(name)
    }
    return { operations }
  }

  async #missingDependency(m: RegisteredModule): Promise<string | undefined> {
    const names = m.manifest.depends.map(d => parseDependency(d).name)
    if (names.length === 0) return undefined
    const rows = await this.db.selectFrom('core_module').select(['name', 'state']).where('name', 'in', names).execute()
    const installed = new Set(rows.filter(r => r.state === 'installed' || r.state === 'to_upgrade').map(r => r.name))
    return names.find(n => !installed.has(n) || !this.registry.get(n))
  }

  async #revert(name: string, state: ModuleState, error: ErrorItem): Promise<void> {
    await this.db.updateTable('core_module').set({
      state: STABLE[state]!,
      pending_force: false,
      error_message: error.message,
      error_at: sql<Date>`now()`,
      last_state_change: sql<Date>`now()`,
    }).where('name', '=', name).where('state', '=', state).execute()
  }

  async #applyOne(m: RegisteredModule, state: ModuleState): Promise<AppliedOperation> {
    const operation = KIND[state]!
    const row = await this.db.selectFrom('core_module').select(['installed_version']).where('name', '=', m.name).executeTakeFirstOrThrow()
    const plan = await this.plan(m.name, operation)
    const opId = await openOperation(this.db, { module: m.name, operation, from_version: row.installed_version, to_version: operation === 'uninstall' ? null : m.manifest.version, plan: plan as unknown as Record<string, unknown> })
    const steps: OperationStep[] = []
    const step = async <T>(name: OperationStep['step'], fn: () => Promise<T>, details?: (r: T) => Record<string, unknown>): Promise<T> => {
      const started = new Date()
      try {
        const result = await fn()
        steps.push({ step: name, status: 'succeeded', started_at: started.toISOString(), duration_ms: Date.now() - started.getTime(), details: details?.(result) })
        return result
      }
      catch (error) {
        steps.push({ step: name, status: 'failed', started_at: started.toISOString(), duration_ms: Date.now() - started.getTime(), error: (error as Error)?.message ?? String(error) })
        throw new StepFailure(name, error)
      }
    }

    try {
      await transaction(this.db, async (trx) => {
        // Serialises operations across instances; a row no longer pending was done elsewhere.
        await sql`select pg_advisory_xact_lock(hashtext('dentalpin:modules:apply'))`.execute(trx)
        const current = await trx.selectFrom('core_module').select('state').where('name', '=', m.name).executeTakeFirst()
        if (current?.state !== state) throw new ModuleOperationError('conflict', 'modules.changed', `${m.name} is no longer ${state}`, { module: m.name })
        const ctx = contextFor(m, trx)
        if (operation === 'install' || operation === 'upgrade') {
          await step('migrate', () => this.#migrateOwned(trx, m), r => ({ applied: r.applied, tables_created: r.created }))
          await step('seed', () => applySeeds(trx, m), r => ({ ...r }))
          if (operation === 'install') await step('hook', () => m.instance.install(ctx))
          else await step('hook', () => m.instance.postUpgrade(ctx, row.installed_version ?? '0.0.0'), () => ({ from_version: row.installed_version }))
          await step('finalize', () => trx.updateTable('core_module').set({
            state: 'installed',
            installed_version: m.manifest.version,
            installed_manifest: JSON.stringify(m.manifest),
            ...(operation === 'install' ? { installed_at: sql<Date>`now()` } : {}),
            last_state_change: sql<Date>`now()`,
            error_message: null,
            error_at: null,
            pending_force: false,
          }).where('name', '=', m.name).execute())
        }
        else {
          const backup = await step('backup', () => backupModuleTables(trx, m.name, row.installed_version), r => ({ file: r.file, tables: r.tables }))
          await step('hook', () => m.instance.uninstall(ctx))
          await step('delete_data', () => deleteSeeded(trx, m.name), n => ({ rows_deleted: n, backup: backup.file }))
          await step('migrate_down', async () => {
            const applied = await appliedMigrations(trx, m.name)
            const result = await migrateDown(trx, m.migrations, applied)
            await this.#checkOwnership(trx, m.name, null)
            return result
          }, r => ({ reverted: r.applied }))
          await step('finalize', () => trx.updateTable('core_module').set({
            state: 'uninstalled',
            installed_version: null,
            installed_manifest: null,
            installed_at: null,
            last_state_change: sql<Date>`now()`,
            error_message: null,
            error_at: null,
            pending_force: false,
          }).where('name', '=', m.name).execute())
        }
      })
      await closeOperation(this.db, opId, { status: 'succeeded', steps })
      log.success(`${operation} ${m.name} ${m.manifest.version}: done`)
      return { module: m.name, operation, status: 'succeeded', error: null, error_item: null, failed_step: null }
    }
    catch (error) {
      const failedStep = error instanceof StepFailure ? error.step : null
      const message = error instanceof StepFailure ? error.message : (error as Error)?.message ?? String(error)
      log.error(`${operation} ${m.name} failed${failedStep ? ` at ${failedStep}` : ''}: ${message}`)
      await this.#revert(m.name, state, operationFailed(operation, failedStep, message))
      await closeOperation(this.db, opId, { status: 'failed', steps, error: message, failed_step: failedStep })
      return { module: m.name, operation, status: 'failed', error: message, error_item: operationFailed(operation, failedStep, message), failed_step: failedStep }
    }
  }

  async #migrateOwned(trx: Kysely<any>, m: RegisteredModule) {
    const before = new Set(await listTables(trx))
    const result = await migrateUp(trx, m.migrations)
    const created = await this.#checkOwnership(trx, m.name, before)
    return { applied: result.applied, created }
  }

  /** After a migration run: the module created or dropped no table outside its names. */
  async #checkOwnership(trx: Kysely<any>, module: string, before: Set<string> | null): Promise<string[]> {
    if (!before) return []
    const after = new Set(await listTables(trx))
    const created = [...after].filter(t => !before.has(t))
    const dropped = [...before].filter(t => !after.has(t))
    const foreign = [...created, ...dropped].filter(t => !ownsTable(module, t))
    if (foreign.length > 0) {
      throw new Error(`migrations of ${module} touched tables it does not own: ${foreign.join(', ')} (tables must be named ${module} or ${module}_*)`)
    }
    return created
  }

  /**
   * What an operation on one module would do, computed without changing
   * anything: migrations to run (and the tables they would create, found by
   * running them in a transaction that is rolled back), seeds, tables dropped.
   */
  async plan(name: string, operation: ModuleOperationKind) {
    const m = this.registry.get(name)
    if (!m) throw new ModuleOperationError('not_found', 'modules.unknown', `Unknown module: ${name}`, { module: name })
    const row = await this.db.selectFrom('core_module').select('installed_version').where('name', '=', name).executeTakeFirst()
    const seeds = (() => {
      try {
        return parseSeeds(m).map(f => ({ file: f.file, records: f.records.length }))
      }
      catch (error) {
        return [{ file: 'invalid', records: 0, error: (error as Error).message }]
      }
    })()
    if (operation === 'uninstall') {
      const owned = (await listTables(this.db)).filter(t => ownsTable(name, t))
      return {
        module: name,
        operation,
        from_version: row?.installed_version ?? null,
        to_version: null,
        migrations: [...await appliedMigrations(this.db, name)].reverse(),
        tables_created: [],
        tables_dropped: owned,
        seeds: [],
        backup: { tables: owned },
      }
    }
    const migrations = await pendingMigrations(this.db, m.migrations)
    let tablesCreated: string[] = []
    let simulationError: string | null = null
    const ROLLBACK = Symbol('dry-run')
    try {
      await this.db.transaction().execute(async (trx) => {
        const before = new Set(await listTables(trx))
        try {
          await migrateUp(trx, m.migrations)
          tablesCreated = (await listTables(trx)).filter(t => !before.has(t))
        }
        catch (error) {
          simulationError = (error as Error).message
        }
        throw ROLLBACK
      })
    }
    catch (error) {
      if (error !== ROLLBACK) throw error
    }
    return {
      module: name,
      operation,
      from_version: row?.installed_version ?? null,
      to_version: m.manifest.version,
      migrations,
      tables_created: tablesCreated,
      tables_dropped: [],
      seeds,
      backup: null,
      ...(simulationError ? { error: simulationError } : {}),
    }
  }
}

function safeChain(name: string, graph: GraphModule[]): string[] {
  try {
    return installChain(name, graph)
  }
  catch {
    return [name]
  }
}
