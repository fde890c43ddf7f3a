// Applies the pending operations of a batch (docs/core-api.md, "Module
// lifecycle REST"): installs and upgrades in dependency order, then removals
// in reverse order; each module's operation is one transaction (operation.ts),
// recorded in the journal; dependents of a failed operation are skipped with
// the reason. One batch at a time.
import type { Kysely } from 'kysely'
import type { ErrorItem } from '#shared/types/envelope'
import type { AppliedOperation, ApplyReport, ModuleOperationKind, ModulePlan, ModuleState } from '#shared/types/modules'
import type { Database } from '../db/types'
import { coreRangeProblem, ModuleOperationError, skippedAfterFailure, skippedMissingDependency } from './errors'
import type { GraphModule } from './graph'
import { dependentsOf, installChain, orderForInstall, orderForRemoval } from './graph'
import { recordSkipped } from './journal'
import { parseDependency } from './manifest'
import { KIND, runOperation, STABLE } from './operation'
import { planOperation } from './preview'
import type { ModuleRegistry, RegisteredModule } from './registry'
import { ModuleRepository } from './repository'
import type { ModuleRuntime } from './runtime'
import { CORE_VERSION } from './version'

export type { AppliedOperation, ApplyReport } from '#shared/types/modules'

type Db = Kysely<Database>

export class ModuleApplier {
  #running: Promise<ApplyReport> | null = null
  readonly #repo: ModuleRepository

  constructor(readonly db: Db, readonly registry: ModuleRegistry, readonly runtime: ModuleRuntime) {
    this.#repo = new ModuleRepository(db)
  }

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

  /**
   * A dry run of one module's operation, computed without changing anything:
   * its migrations run in a transaction that is rolled back, to list the
   * tables they would create.
   */
  async plan(name: string, operation: ModuleOperationKind): Promise<ModulePlan> {
    const m = this.registry.get(name)
    if (!m) throw new ModuleOperationError('not_found', 'modules.unknown', `Unknown module: ${name}`, { module: name })
    return planOperation(this.db, this.registry, m, operation, { simulate: true })
  }

  async #apply(): Promise<ApplyReport> {
    const rows = await this.#repo.pending()
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
      const reason = await this.#skipReason(m, state, graph, failed)
      if (reason) {
        await this.#repo.revert(name, state, STABLE[state]!, reason)
        await recordSkipped(this.db, { module: name, operation: KIND[state]!, from_version: null, to_version: m.manifest.version }, reason)
        operations.push({ module: name, operation: KIND[state]!, status: 'skipped', error: reason, failed_step: null })
        failed.add(name)
        continue
      }
      const result = await runOperation(this.db, this.registry, m, state)
      operations.push(result)
      if (result.status === 'failed') failed.add(name)
    }
    return { operations }
  }

  /**
   * Why an operation cannot run in this batch: a module it needs (or, for a
   * removal, a dependent) failed earlier; an install or upgrade needs a core
   * in the module's range (auto-install at boot included) and every
   * dependency installed (or installed earlier in this batch).
   */
  async #skipReason(m: RegisteredModule, state: ModuleState, graph: GraphModule[], failed: Set<string>): Promise<ErrorItem | null> {
    const blockedBy = state === 'to_remove'
      ? dependentsOf(m.name, graph, { transitive: true }).find(d => failed.has(d))
      : safeChain(m.name, graph).find(d => d !== m.name && failed.has(d))
    if (blockedBy) return skippedAfterFailure(blockedBy)
    if (state === 'to_remove') return null
    const outOfRange = coreRangeProblem(m.manifest, CORE_VERSION)
    if (outOfRange) return outOfRange
    const missing = await this.#missingDependency(m)
    return missing ? skippedMissingDependency(missing) : null
  }

  async #missingDependency(m: RegisteredModule): Promise<string | undefined> {
    const names = m.manifest.depends.map(d => parseDependency(d).name)
    if (names.length === 0) return undefined
    const states = await this.#repo.states()
    return names.find(n => !['installed', 'to_upgrade'].includes(states.get(n) ?? 'uninstalled') || !this.registry.get(n))
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
