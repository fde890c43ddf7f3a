// What the admin screen reads about modules: every module on disk, in the
// database or kept out as broken, with its state, last error and problems.
import semver from 'semver'
import type { Kysely } from 'kysely'
import type { ErrorItem, ErrorParams } from '#shared/types/envelope'
import type { ModuleInfo, ModuleState, ModuleStatus } from '#shared/types/modules'
import type { Database } from '../db/types'
import { ModuleOperationError, storedError } from './errors'
import { dependencyProblems, dependentsOf, describeCycle, describeProblem, findCycles } from './graph'
import type { DependencyProblem } from './graph'
import type { BrokenModule, ModuleRegistry, RegisteredModule } from './registry'
import { PENDING_STATES } from './repository'
import type { ModuleRepository, ModuleRow } from './repository'
import { iso } from '#shared/clinic-time'

type Db = Kysely<Database>

export class ModuleReadModel {
  constructor(readonly db: Db, readonly repo: ModuleRepository, readonly registry: ModuleRegistry) {}

  async listModules(): Promise<ModuleInfo[]> {
    const byName = new Map((await this.repo.all()).map(r => [r.name, r]))
    const names = new Set<string>([...byName.keys(), ...this.registry.all().map(m => m.name)])
    const applied = new Map<string, string[]>()
    for (const r of await this.db.selectFrom('core_migration').select(['history', 'name']).where('history', 'in', [...names, '']).orderBy('name').execute()) {
      applied.set(r.history, [...(applied.get(r.history) ?? []), r.name])
    }
    const infos = [...names].map(name => this.#info(name, byName.get(name), applied.get(name) ?? []))
    for (const b of this.registry.broken) {
      const known = b.name && names.has(b.name) ? infos.find(i => i.name === b.name) : undefined
      if (known) Object.assign(known, { load_error: brokenError(b), load_issues: b.issues })
      else infos.push(brokenInfo(b))
    }
    return infos.sort((a, b) => a.name.localeCompare(b.name))
  }

  async getInfo(name: string): Promise<ModuleInfo> {
    const info = (await this.listModules()).find(i => i.name === name)
    if (!info) throw new ModuleOperationError('not_found', 'modules.unknown', `Unknown module: ${name}`, { module: name })
    return info
  }

  async status(): Promise<Omit<ModuleStatus, 'applying'>> {
    const infos = await this.listModules()
    const byState: Record<string, number> = {}
    for (const i of infos) byState[i.state] = (byState[i.state] ?? 0) + 1
    return {
      by_state: byState,
      pending: infos.filter(i => PENDING_STATES.includes(i.state)).map(i => ({ name: i.name, state: i.state })),
      errored: infos.flatMap((i) => {
        const error = i.error ?? i.load_error
        return error ? [{ name: i.name, error, error_at: i.error_at }] : []
      }),
      total: infos.length,
    }
  }

  #info(name: string, row: ModuleRow | undefined, appliedMigrations: string[]): ModuleInfo {
    const m = this.registry.get(name)
    const manifest = m?.manifest ?? (row?.manifest as RegisteredModule['manifest'] | undefined)
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
      dependents: m ? dependentsOf(name, this.registry.graph()) : [],
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
      error: storedError(row?.error_code, row?.error_params),
      error_at: iso(row?.error_at),
      load_error: null,
      load_issues: [],
      problems: m ? this.#problemsOf(name) : [],
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
}

/** A dependency problem as a code and params (the same codes as a refused install). */
export function problemCode(p: DependencyProblem): { code: string, params: ErrorParams } {
  return p.kind === 'missing'
    ? { code: 'modules.dependency_missing', params: { module: p.module, dependency: p.dependency } }
    : { code: 'modules.dependency_range', params: { module: p.module, dependency: p.dependency, range: p.range ?? '', found: p.found ?? '' } }
}

/** Why a module on disk is kept out. */
export function brokenError(b: BrokenModule): ErrorItem {
  return { code: b.code, message: b.error, params: b.params }
}

function brokenInfo(b: BrokenModule): ModuleInfo {
  const state: ModuleState = 'uninstalled'
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
    state,
    legacy: false,
    source: b.source,
    installed_at: null,
    last_state_change: null,
    error: null,
    error_at: null,
    load_error: brokenError(b),
    load_issues: b.issues,
    problems: [],
    applied_migrations: [],
    migrations_on_disk: [],
  }
}
