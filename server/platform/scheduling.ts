// Scheduling module operations (docs/core-api.md, "Module lifecycle REST"):
// every check of an install, uninstall, upgrade, disable or enable, and the
// state change that marks it pending. Applying lives in apply.ts.
import semver from 'semver'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { ErrorParams } from '#shared/types/envelope'
import type { ModuleState, ScheduleResult } from '#shared/types/modules'
import type { Database } from '../db/types'
import { coreRangeProblem, ModuleOperationError } from './errors'
import { dependencyProblems, dependentsOf, GraphError, installChain, orderForRemoval } from './graph'
import { parseDependency } from './manifest'
import type { ModuleRegistry, RegisteredModule } from './registry'
import { ModuleRepository, PENDING_STATES } from './repository'
import { CORE_VERSION } from './version'

type Db = Kysely<Database>
type Change = (repo: ModuleRepository, states: Map<string, ModuleState>) => Promise<{ scheduled: string[], message?: string }>

export class ModuleScheduler {
  readonly repo: ModuleRepository

  constructor(readonly db: Db, readonly registry: ModuleRegistry) {
    this.repo = new ModuleRepository(db)
  }

  /** Rows for newly discovered modules; refreshed metadata for known ones. Never touches state or installed_version. */
  async reconcileWithDb(repo: ModuleRepository = this.repo): Promise<{ added: string[] }> {
    const added: string[] = []
    for (const m of this.registry.all()) {
      if (await repo.upsertSeen(m.manifest)) added.push(m.name)
    }
    // A newly seen auto_install module brings its dependencies along, like install() does.
    for (const name of added) {
      if (!this.registry.get(name)!.manifest.auto_install) continue
      let chain: string[]
      try {
        chain = installChain(name, this.registry.graph())
      }
      catch {
        continue // reported by doctor(); apply skips it with the reason
      }
      await repo.setState(chain, 'to_install', { onlyFrom: 'uninstalled' })
    }
    return { added }
  }

  async orphan(name: string): Promise<void> {
    if (this.registry.get(name)) throw new ModuleOperationError('conflict', 'modules.on_disk', `${name} is still on disk; uninstall it instead`, { module: name })
    if (!await this.repo.forget(name)) throw new ModuleOperationError('not_found', 'modules.unknown', `Unknown module: ${name}`, { module: name })
  }

  require(name: string): RegisteredModule {
    const m = this.registry.get(name)
    if (m) return m
    const broken = this.registry.broken.find(b => b.name === name || b.id === name)
    if (broken) throw new ModuleOperationError('conflict', 'modules.broken', `${name} cannot be used: ${broken.error}`, { module: name, detail: broken.error })
    throw new ModuleOperationError('not_found', 'modules.unknown', `Unknown module: ${name}`, { module: name })
  }

  /** The install chain in install order: installable (or forced), dependencies resolvable, every member in its core range. */
  installPlan(name: string, options: { force?: boolean } = {}): string[] {
    const target = this.require(name)
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

  /** Schedules the install of a module and its missing dependencies. */
  async install(name: string, options: { force?: boolean } = {}): Promise<ScheduleResult> {
    const chain = this.installPlan(name, options)
    return this.#schedule(async (repo, states) => {
      const state = states.get(name)
      if (state === 'installed') return { scheduled: [], message: `${name} is already installed` }
      if (state && PENDING_STATES.includes(state)) throw new ModuleOperationError('conflict', 'modules.pending', `${name} already has a pending operation (${state})`, { module: name, state })
      const scheduled = chain.filter(m => (states.get(m) ?? 'uninstalled') === 'uninstalled')
      await repo.setState(scheduled, 'to_install', { clearError: true })
      return { scheduled }
    })
  }

  /** The modules an uninstall removes, dependents first. */
  async uninstallPlan(name: string, options: { force?: boolean } = {}, repo: ModuleRepository = this.repo): Promise<string[]> {
    const m = this.require(name)
    const states = await repo.states()
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
    return this.#schedule(async (repo) => {
      const scheduled = await this.uninstallPlan(name, options, repo)
      await repo.setState(scheduled, 'to_remove', { force: Boolean(options.force) })
      return { scheduled }
    })
  }

  /** Scheduled when the disk version is newer; `scheduled: []` when already current; refused for a downgrade. */
  async upgrade(name: string): Promise<ScheduleResult> {
    const m = this.require(name)
    return this.#schedule(async (repo, states) => {
      const row = await repo.get(name)
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
      await repo.setState([name], 'to_upgrade', { clearError: true })
      return { scheduled: [name], message: `${name} will be upgraded from ${installed} to ${disk}` }
    })
  }

  /** Switches an installed module off without touching its schema or data: routes, UI, permissions and handlers stop at once. */
  async disable(name: string): Promise<void> {
    this.require(name)
    await this.#schedule(async (repo, states) => {
      if (states.get(name) !== 'installed') throw new ModuleOperationError('conflict', 'modules.not_installed', `${name} can only be disabled while installed`, { module: name, state: states.get(name) ?? 'uninstalled' })
      const dependents = dependentsOf(name, this.registry.graph(), { transitive: true }).filter(d => states.get(d) === 'installed')
      if (dependents.length > 0) throw new ModuleOperationError('conflict', 'modules.has_dependents', `${name} is needed by installed modules: ${dependents.join(', ')}`, { module: name, dependents }, { dependents })
      await repo.setState([name], 'disabled')
      return { scheduled: [] }
    })
  }

  /** Switches a disabled module back on (its dependencies must be installed). */
  async enable(name: string): Promise<void> {
    const m = this.require(name)
    await this.#schedule(async (repo, states) => {
      if (states.get(name) !== 'disabled') throw new ModuleOperationError('conflict', 'modules.not_disabled', `${name} is not disabled`, { module: name })
      const missing = m.manifest.depends.map(d => parseDependency(d).name).filter(d => states.get(d) !== 'installed')
      if (missing.length > 0) throw new ModuleOperationError('conflict', 'modules.dependency_missing', `${name} needs ${missing.join(', ')} installed and enabled first`, { module: name, dependency: missing })
      await repo.setState([name], 'installed')
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

  /**
   * Runs a scheduling change under the operations lock (one batch or change at
   * a time; a concurrent one answers 409), after reconciling the rows with disk.
   */
  async #schedule(fn: Change): Promise<ScheduleResult> {
    return this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('dentalpin:modules')) as locked`.execute(trx)
      if (!rows[0]?.locked) throw new ModuleOperationError('conflict', 'modules.busy', 'Another module operation is in progress; try again in a moment')
      const repo = this.repo.in(trx)
      await this.reconcileWithDb(repo)
      const result = await fn(repo, await repo.states())
      return { ...result, requires_restart: result.scheduled.length > 0 }
    })
  }
}
