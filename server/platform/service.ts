import semver from 'semver'
import { sql } from 'kysely'
import type { Kysely, Selectable } from 'kysely'
import { iso } from '#shared/clinic-time'
import type { ErrorItem, ErrorParams } from '#shared/types/envelope'
import type { CoreModuleTable, Database, ModuleState } from '../db/types'
import { coreRangeProblem, ModuleOperationError, readRunError } from './errors'
import { dependencyProblems, dependentsOf, describeCycle, describeProblem, findCycles, GraphError, installChain, orderForRemoval } from './graph'
import type { DependencyProblem } from './graph'
import { checkStorage } from './backup'
import { interruptedOperations, stuckOperations } from './journal'
import { parseDependency } from './manifest'
import type { BrokenModule, ModuleRegistry, RegisteredModule } from './registry'
import { CORE_VERSION } from './version'

type Db = Kysely<Database>

export interface ModuleInfo {
  name: string
  version: string | null
  installed_version: string | null
  upgrade_available: boolean
  in_disk: boolean
  installable: boolean
  depends: string[]
  dependents: string[]
  summary: string | null
  author: string | null
  license: string | null
  category: 'official' | 'community' | null
  removable: boolean
  auto_install: boolean
  state: ModuleState
  legacy: boolean
  source: string | null
  installed_at: string | null
  last_state_change: string | null
  error_message: string | null
  /** `error_message` as a stable code and params (`modules.step_failed.migrate`, `{ operation, step, detail }`). */
  error_item: ErrorItem | null
  error_at: string | null
  /** Why a module on disk is kept out (failed to load or validate). */
  load_error: string | null
  /** `load_error` as a stable code and params; the manifest's problems are in `load_issues`. */
  load_error_item: ErrorItem | null
  /** Dependency problems that make it uninstallable now (missing, unsatisfied range, cycle). */
  problems: string[]
  /** `problems`, one item each, as stable codes and params. */
  problem_items: ErrorItem[]
  load_issues: { path: string, message: string }[]
  applied_migrations: string[]
  migrations_on_disk: string[]
}

export interface ScheduleResult {
  scheduled: string[]
  requires_restart: boolean
  message?: string
}

const PENDING: ModuleState[] = ['to_install', 'to_upgrade', 'to_remove']

/** Module lifecycle (spec §8): reads, diagnostics and scheduling. Applying lives in apply.ts. */
export class ModuleService {
  constructor(readonly db: Db, readonly registry: ModuleRegistry) {}

  /** Rows for newly discovered modules; refreshed metadata for known ones. Never touches state or installed_version. */
  async reconcileWithDb(): Promise<{ added: string[] }> {
    const added: string[] = []
    for (const m of this.registry.all()) {
      const values = { category: m.manifest.category, removable: m.manifest.removable, auto_install: m.manifest.auto_install, manifest: JSON.stringify(m.manifest) }
      const inserted = await this.db.insertInto('core_module')
        .values({ name: m.name, state: m.manifest.auto_install ? 'to_install' : 'uninstalled', ...values })
        .onConflict(oc => oc.column('name').doUpdateSet(values))
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .executeTakeFirstOrThrow()
      if (inserted.inserted) added.push(m.name)
    }
    // A newly seen auto_install module brings its dependencies along, like install() does.
    for (const name of added) {
      const m = this.registry.get(name)!
      if (!m.manifest.auto_install) continue
      let chain: string[]
      try {
        chain = installChain(name, this.registry.graph())
      }
      catch {
        continue // reported by doctor(); apply skips it with the reason
      }
      await this.db.updateTable('core_module').set({ state: 'to_install', last_state_change: sql<Date>`now()` })
        .where('name', 'in', chain).where('state', '=', 'uninstalled').execute()
    }
    return { added }
  }

  async listModules(): Promise<ModuleInfo[]> {
    const rows = await this.db.selectFrom('core_module').selectAll().execute()
    const byName = new Map(rows.map(r => [r.name, r]))
    const names = new Set<string>([...byName.keys(), ...this.registry.all().map(m => m.name)])
    const applied = new Map<string, string[]>()
    for (const r of await this.db.selectFrom('core_migration').select(['history', 'name']).where('history', 'in', [...names, '']).orderBy('name').execute()) {
      applied.set(r.history, [...(applied.get(r.history) ?? []), r.name])
    }
    const infos = [...names].map(name => this.#info(name, byName.get(name), applied.get(name) ?? []))
    for (const b of this.registry.broken) {
      if (b.name && names.has(b.name)) {
        const info = infos.find(i => i.name === b.name)!
        info.load_error = b.error
        info.load_error_item = brokenItem(b)
        info.load_issues = b.issues
        continue
      }
      infos.push(this.#brokenInfo(b))
    }
    return infos.sort((a, b) => a.name.localeCompare(b.name))
  }

  async getInfo(name: string): Promise<ModuleInfo> {
    const info = (await this.listModules()).find(i => i.name === name)
    if (!info) throw new ModuleOperationError('not_found', 'modules.unknown', `Unknown module: ${name}`, { module: name })
    return info
  }

  async status() {
    const infos = await this.listModules()
    const byState: Record<string, number> = {}
    for (const i of infos) byState[i.state] = (byState[i.state] ?? 0) + 1
    return {
      by_state: byState,
      pending: infos.filter(i => PENDING.includes(i.state)).map(i => ({ name: i.name, state: i.state })),
      errored: infos.filter(i => i.error_message || i.load_error).map((i) => {
        const item = i.error_item ?? i.load_error_item
        return { name: i.name, error: i.error_message ?? i.load_error, error_at: i.error_at, code: item?.code ?? null, params: item?.params ?? {} }
      }),
      total: infos.length,
    }
  }

  async doctor(databaseKind: string | null, production: boolean) {
    const infos = await this.listModules()
    const graph = this.registry.graph()
    const installedOrPending = infos.filter(i => i.state !== 'uninstalled')
    // Every module on disk: an uninstalled one with a missing dependency cannot be installed either.
    // Each finding that is more than a name carries a stable `code` and its `params` (the admin screen words them).
    const missing_dependencies = dependencyProblems(graph).map(p => ({
      module: p.module,
      dependency: p.dependency,
      state: infos.find(i => i.name === p.module)?.state ?? 'uninstalled',
      problem: p.kind === 'missing' ? 'not available' : `${p.found} does not satisfy ${p.range}`,
      ...problemCode(p),
    }))
    const cycles = findCycles(graph)
    const errored = infos.filter(i => i.error_message)
    const drift = infos.filter(i => i.in_disk && i.state === 'installed' && i.applied_migrations.some(n => !i.migrations_on_disk.includes(n)))
    const embedded = databaseKind === 'pglite' && production
    const acknowledged = await this.#acknowledgedKeys()
    // Findings an admin can acknowledge carry a stable `key`; acknowledged ones stay listed but no longer fail the doctor.
    const ack = <T extends { key: string }>(f: T) => ({ ...f, acknowledged: acknowledged.has(f.key) })
    const storage = await checkStorage()
    const storageKey = `storage:${storage.path}`
    const result = {
      orphans: installedOrPending.filter(i => !i.in_disk).map(i => i.name),
      missing_dependencies,
      cycles: cycles.map(c => c.join(' -> ')),
      manifest_errors: this.registry.broken.map(b => ({ source: b.source, name: b.name, error: b.error, issues: b.issues, code: b.code, params: b.params })),
      errored_modules: errored.map(i => ack({ key: `errored:${i.name}:${i.error_at ?? ''}`, name: i.name, error: i.error_message, error_at: i.error_at, code: i.error_item!.code, params: { module: i.name, ...i.error_item!.params } })),
      legacy_modules: infos.filter(i => i.legacy).map(i => i.name),
      migration_drift: drift.map((i) => {
        const notOnDisk = i.applied_migrations.filter(n => !i.migrations_on_disk.includes(n))
        return ack({ key: `drift:${i.name}:${notOnDisk.join(',')}`, name: i.name, not_on_disk: notOnDisk, code: 'modules.migration_drift', params: { module: i.name, migrations: notOnDisk } })
      }),
      stuck_operations: (await stuckOperations(this.db)).map(o => ({ ...o, code: 'modules.stuck_operation', params: { module: o.module, operation: o.operation, since: o.started_at ?? '' } })),
      interrupted_operations: (await interruptedOperations(this.db)).map(o => ack({ key: `interrupted:${o.id}`, ...o, code: 'modules.interrupted_operation', params: { module: o.module, operation: o.operation, since: o.started_at ?? '' } })),
      incompatible_modules: infos.flatMap((i) => {
        const m = this.registry.get(i.name)
        const problem = m && (i.state !== 'uninstalled' || i.auto_install) ? coreRangeProblem(m.manifest, CORE_VERSION) : null
        return problem ? [ack({ key: `incompatible:${i.name}:${i.version}`, name: i.name, version: i.version, state: i.state, code: problem.code, params: problem.params ?? {} })] : []
      }),
      storage: storage.ok
        ? { path: storage.path, ok: true, problem: null, key: null, acknowledged: false, code: null, params: {} }
        : { ...ack({ key: storageKey, path: storage.path, ok: false, problem: storage.problem }), code: 'storage.unavailable', params: { path: storage.path } },
      database: {
        kind: databaseKind,
        warning: embedded ? 'the embedded database is not meant for production; set DATABASE_URL' : null,
        code: embedded ? 'modules.embedded_database' : null,
        params: embedded ? { kind: databaseKind ?? '' } : {},
      },
    }
    const open = (list: { acknowledged: boolean }[]) => list.filter(f => !f.acknowledged).length
    const ok = result.orphans.length === 0 && result.missing_dependencies.length === 0 && result.cycles.length === 0
      && result.manifest_errors.length === 0 && open(result.errored_modules) === 0 && result.legacy_modules.length === 0
      && open(result.migration_drift) === 0 && result.stuck_operations.length === 0 && open(result.interrupted_operations) === 0
      && open(result.incompatible_modules) === 0 && (result.storage.ok || result.storage.acknowledged) && result.database.warning === null
    return { ok, ...result }
  }

  /** Keys of the doctor's current findings that an admin can acknowledge. */
  async acknowledgeableKeys(): Promise<Set<string>> {
    const d = await this.doctor(null, false)
    const keys = [...d.errored_modules, ...d.migration_drift, ...d.interrupted_operations, ...d.incompatible_modules].map(f => f.key)
    if (d.storage.key) keys.push(d.storage.key)
    return new Set(keys)
  }

  /**
   * Records that an admin has seen these findings: they stay listed (as
   * acknowledged) but no longer make the doctor fail. Only keys of current
   * findings are accepted; a new error of the same module has a new key.
   */
  async acknowledge(keys: string[], userId: string | null): Promise<void> {
    const current = await this.acknowledgeableKeys()
    const unknown = keys.filter(k => !current.has(k))
    if (unknown.length > 0) throw new ModuleOperationError('not_found', 'modules.unknown_finding', `No current doctor finding has the key ${unknown.join(', ')}`, { keys: unknown })
    if (keys.length === 0) return
    await this.db.insertInto('core_doctor_acknowledgement')
      .values(keys.map(key => ({ key, acknowledged_by: userId })))
      .onConflict(oc => oc.column('key').doNothing())
      .execute()
  }

  async #acknowledgedKeys(): Promise<Set<string>> {
    const rows = await this.db.selectFrom('core_doctor_acknowledgement').select('key').execute()
    return new Set(rows.map(r => r.key))
  }

  async orphan(name: string): Promise<void> {
    if (this.registry.get(name)) throw new ModuleOperationError('conflict', 'modules.on_disk', `${name} is still on disk; uninstall it instead`, { module: name })
    const res = await this.db.updateTable('core_module').set({ state: 'uninstalled', installed_version: null, last_state_change: sql<Date>`now()` })
      .where('name', '=', name).executeTakeFirst()
    if (Number(res.numUpdatedRows) === 0) throw new ModuleOperationError('not_found', 'modules.unknown', `Unknown module: ${name}`, { module: name })
  }

  #require(name: string): RegisteredModule {
    const m = this.registry.get(name)
    if (m) return m
    const broken = this.registry.broken.find(b => b.name === name || b.id === name)
    if (broken) throw new ModuleOperationError('conflict', 'modules.broken', `${name} cannot be used: ${broken.error}`, { module: name, detail: broken.error })
    throw new ModuleOperationError('not_found', 'modules.unknown', `Unknown module: ${name}`, { module: name })
  }

  async #states(db: Db = this.db): Promise<Map<string, ModuleState>> {
    const rows = await db.selectFrom('core_module').select(['name', 'state']).execute()
    return new Map(rows.map(r => [r.name, r.state]))
  }

  /** The install chain in install order, after every check of module-platform §3. */
  installPlan(name: string, options: { force?: boolean } = {}): string[] {
    const target = this.#require(name)
    if (!target.manifest.installable && !options.force) {
      throw new ModuleOperationError('conflict', 'modules.not_installable', `${name} is not installable (use force to install it anyway)`, { module: name })
    }
    let chain: string[]
    try {
      chain = installChain(name, this.registry.graph())
    }
    catch (error) {
      if (error instanceof GraphError) throw new ModuleOperationError('conflict', `modules.dependency_${error.kind}`, error.message, this.#graphErrorParams(error))
      throw error
    }
    for (const member of chain) {
      const problem = coreRangeProblem(this.registry.get(member)!.manifest, CORE_VERSION)
      if (problem) throw new ModuleOperationError('conflict', problem.code, problem.message, problem.params)
    }
    return chain
  }

  /** Schedules the install of a module and its missing dependencies (spec §8). */
  async install(name: string, options: { force?: boolean } = {}): Promise<ScheduleResult> {
    const chain = this.installPlan(name, options)
    return this.#schedule(async (trx, states) => {
      const state = states.get(name)
      if (state === 'installed') return { scheduled: [], message: `${name} is already installed` }
      if (state && PENDING.includes(state)) throw new ModuleOperationError('conflict', 'modules.pending', `${name} already has a pending operation (${state})`, { module: name, state })
      const scheduled = chain.filter(m => (states.get(m) ?? 'uninstalled') === 'uninstalled')
      await this.#setState(trx, scheduled, 'to_install', { error_message: null, error_at: null })
      return { scheduled }
    })
  }

  /** The modules an uninstall removes, dependents first. */
  async uninstallPlan(name: string, options: { force?: boolean } = {}, db: Db = this.db): Promise<string[]> {
    const m = this.#require(name)
    const states = await this.#states(db)
    const state = states.get(name) ?? 'uninstalled'
    if (state === 'uninstalled') throw new ModuleOperationError('conflict', 'modules.not_installed', `${name} is not installed; nothing to do`, { module: name, state })
    if (state !== 'installed' && state !== 'disabled') throw new ModuleOperationError('conflict', 'modules.pending', `${name} already has a pending operation (${state})`, { module: name, state })
    if (!m.manifest.removable && !options.force) {
      throw new ModuleOperationError('conflict', 'modules.not_removable', `${name} is not removable (use force to remove it anyway)`, { module: name })
    }
    const dependents = dependentsOf(name, this.registry.graph(), { transitive: true })
      .filter(d => ['installed', 'disabled', 'to_install', 'to_upgrade'].includes(states.get(d) ?? 'uninstalled'))
    if (dependents.length > 0 && !options.force) {
      throw new ModuleOperationError('conflict', 'modules.has_dependents', `${name} is needed by installed modules: ${dependents.join(', ')} (use force to remove them too)`, { module: name, dependents }, { dependents })
    }
    return orderForRemoval([name, ...dependents], this.registry.graph())
  }

  async uninstall(name: string, options: { force?: boolean } = {}): Promise<ScheduleResult> {
    return this.#schedule(async (trx) => {
      const scheduled = await this.uninstallPlan(name, options, trx)
      await this.#setState(trx, scheduled, 'to_remove', { pending_force: Boolean(options.force) })
      return { scheduled }
    })
  }

  /** 202-style result when the disk version is newer; `scheduled: []` when already current; 409 for downgrades. */
  async upgrade(name: string): Promise<ScheduleResult> {
    const m = this.#require(name)
    return this.#schedule(async (trx, states) => {
      const row = await trx.selectFrom('core_module').select(['state', 'installed_version']).where('name', '=', name).executeTakeFirst()
      if (!row || row.state !== 'installed') throw new ModuleOperationError('conflict', 'modules.not_installed', `${name} can only be upgraded from installed (it is ${row?.state ?? 'uninstalled'})`, { module: name, state: row?.state ?? 'uninstalled' })
      const installed = row.installed_version ?? '0.0.0'
      const disk = m.manifest.version
      if (semver.lt(disk, installed)) throw new ModuleOperationError('conflict', 'modules.downgrade', `${name} ${disk} on disk is older than the installed ${installed}; downgrades are refused`, { module: name, version: disk, installed })
      if (semver.eq(disk, installed)) return { scheduled: [], message: `${name} is already at version ${disk}` }
      const outOfRange = coreRangeProblem(m.manifest, CORE_VERSION)
      if (outOfRange) throw new ModuleOperationError('conflict', outOfRange.code, outOfRange.message, outOfRange.params)
      for (const dep of m.manifest.depends) {
        const { name: depName } = parseDependency(dep)
        if ((states.get(depName) ?? 'uninstalled') === 'uninstalled') throw new ModuleOperationError('conflict', 'modules.dependency_missing', `${name} ${disk} needs ${depName}, which is not installed`, { module: name, dependency: depName })
      }
      await this.#setState(trx, [name], 'to_upgrade', { error_message: null, error_at: null })
      return { scheduled: [name], message: `${name} will be upgraded from ${installed} to ${disk}` }
    })
  }

  /**
   * Switches an installed module off without touching its schema or data
   * (beyond the spec): routes, UI, permissions and handlers stop at once.
   */
  async disable(name: string): Promise<void> {
    this.#require(name)
    await this.#schedule(async (trx, states) => {
      if (states.get(name) !== 'installed') throw new ModuleOperationError('conflict', 'modules.not_installed', `${name} can only be disabled while installed`, { module: name, state: states.get(name) ?? 'uninstalled' })
      const dependents = dependentsOf(name, this.registry.graph(), { transitive: true }).filter(d => states.get(d) === 'installed')
      if (dependents.length > 0) throw new ModuleOperationError('conflict', 'modules.has_dependents', `${name} is needed by installed modules: ${dependents.join(', ')}`, { module: name, dependents }, { dependents })
      await this.#setState(trx, [name], 'disabled')
      return { scheduled: [] }
    })
  }

  /** Switches a disabled module back on (its dependencies must be installed). */
  async enable(name: string): Promise<void> {
    const m = this.#require(name)
    await this.#schedule(async (trx, states) => {
      if (states.get(name) !== 'disabled') throw new ModuleOperationError('conflict', 'modules.not_disabled', `${name} is not disabled`, { module: name })
      const missing = m.manifest.depends.map(d => parseDependency(d).name).filter(d => states.get(d) !== 'installed')
      if (missing.length > 0) throw new ModuleOperationError('conflict', 'modules.dependency_missing', `${name} needs ${missing.join(', ')} installed and enabled first`, { module: name, dependency: missing })
      await this.#setState(trx, [name], 'installed')
      return { scheduled: [] }
    })
  }

  /** The params of a refused install chain: who needs what (and, for a range, what is on disk). */
  #graphErrorParams(error: GraphError): ErrorParams {
    if (error.kind === 'cycle') return { module: error.module ?? '', cycle: (error.path ?? []).join(' → ') }
    if (error.kind === 'range') {
      const p = dependencyProblems(this.registry.graph()).find(d => d.module === error.module && d.dependency === error.dependency)
      return { module: error.module ?? '', dependency: error.dependency ?? '', range: p?.range ?? '', found: p?.found ?? '' }
    }
    return { module: error.module ?? '', ...(error.dependency ? { dependency: error.dependency } : {}) }
  }

  async #setState(db: Db, names: string[], state: ModuleState, extra: Record<string, unknown> = {}): Promise<void> {
    if (names.length === 0) return
    await db.updateTable('core_module').set({ state, last_state_change: sql<Date>`now()`, ...extra }).where('name', 'in', names).execute()
  }

  /**
   * Runs a scheduling change under the operations lock (one batch or change at
   * a time; a concurrent one answers 409).
   */
  async #schedule(fn: (trx: Db, states: Map<string, ModuleState>) => Promise<{ scheduled: string[], message?: string }>): Promise<ScheduleResult> {
    return this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('dentalpin:modules')) as locked`.execute(trx)
      if (!rows[0]?.locked) throw new ModuleOperationError('conflict', 'modules.busy', 'Another module operation is in progress; try again in a moment')
      await this.reconcileWithDbIn(trx)
      const result = await fn(trx, await this.#states(trx))
      return { ...result, requires_restart: result.scheduled.length > 0 }
    })
  }

  /** Reconcile inside a caller's transaction (rows must exist before states change). */
  async reconcileWithDbIn(trx: Db): Promise<void> {
    await new ModuleService(trx, this.registry).reconcileWithDb()
  }

  #info(name: string, row: Selectable<CoreModuleTable> | undefined, appliedMigrations: string[]): ModuleInfo {
    const m = this.registry.get(name)
    const manifest = m?.manifest ?? (row?.manifest as RegisteredModule['manifest'] | undefined)
    const graph = this.registry.graph()
    const installedVersion: string | null = row?.installed_version ?? null
    const diskVersion = m?.manifest.version ?? null
    return {
      name,
      version: diskVersion,
      installed_version: installedVersion,
      upgrade_available: Boolean(diskVersion && installedVersion && semver.gt(diskVersion, installedVersion)),
      in_disk: Boolean(m),
      installable: manifest?.installable ?? false,
      depends: manifest?.depends ?? [],
      dependents: m ? dependentsOf(name, graph) : [],
      summary: manifest?.summary ?? null,
      author: manifest?.author ?? null,
      license: manifest?.license ?? null,
      category: manifest?.category ?? null,
      removable: manifest?.removable ?? false,
      auto_install: manifest?.auto_install ?? false,
      state: row?.state ?? 'uninstalled',
      legacy: m?.legacy ?? false,
      source: m?.source ?? null,
      installed_at: iso(row?.installed_at),
      last_state_change: iso(row?.last_state_change),
      error_message: row?.error_message ?? null,
      error_item: readRunError(row?.error_message),
      error_at: iso(row?.error_at),
      load_error: null,
      load_error_item: null,
      load_issues: [],
      problems: m ? this.#problemsOf(name).map(p => p.message) : [],
      problem_items: m ? this.#problemsOf(name) : [],
      applied_migrations: row ? appliedMigrations : [],
      migrations_on_disk: m ? Object.keys(m.migrations.migrations).sort() : [],
    }
  }

  #problemsOf(name: string): ErrorItem[] {
    const graph = this.registry.graph()
    return [
      ...dependencyProblems(graph).filter(p => p.module === name).map(p => ({ message: describeProblem(p), ...problemCode(p) })),
      ...findCycles(graph).filter(c => c.includes(name)).map(c => ({ code: 'modules.dependency_cycle', message: describeCycle(c), params: { module: name, cycle: c.join(' → ') } })),
    ]
  }

  #brokenInfo(b: BrokenModule): ModuleInfo {
    return {
      name: b.name ?? b.id,
      version: null,
      installed_version: null,
      upgrade_available: false,
      in_disk: true,
      installable: false,
      depends: [],
      dependents: [],
      summary: null,
      author: null,
      license: null,
      category: null,
      removable: false,
      auto_install: false,
      state: 'uninstalled',
      legacy: false,
      source: b.source,
      installed_at: null,
      last_state_change: null,
      error_message: null,
      error_item: null,
      error_at: null,
      load_error: b.error,
      load_error_item: brokenItem(b),
      load_issues: b.issues,
      problems: [],
      problem_items: [],
      applied_migrations: [],
      migrations_on_disk: [],
    }
  }
}

/** A dependency problem as a code and params (the same codes as a refused install). */
function problemCode(p: DependencyProblem): { code: string, params: ErrorParams } {
  return p.kind === 'missing'
    ? { code: 'modules.dependency_missing', params: { module: p.module, dependency: p.dependency } }
    : { code: 'modules.dependency_range', params: { module: p.module, dependency: p.dependency, range: p.range ?? '', found: p.found ?? '' } }
}

function brokenItem(b: BrokenModule): ErrorItem {
  return { code: b.code, message: b.error, params: b.params }
}
