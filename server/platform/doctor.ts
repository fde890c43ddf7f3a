// The doctor: every finding about the installed modules, the database and the
// storage folder, each with a stable code and params (the admin screen words
// them); findings an admin can acknowledge carry a stable key.
import type { Kysely } from 'kysely'
import type { ModuleDoctor } from '#shared/types/modules'
import type { Database } from '../db/types'
import { checkStorage } from './backup'
import { coreRangeProblem, ModuleOperationError } from './errors'
import { dependencyProblems, findCycles } from './graph'
import { interruptedOperations, stuckOperations } from './journal'
import type { ModuleReadModel } from './read-model'
import { brokenError, problemCode } from './read-model'
import type { ModuleRegistry } from './registry'
import { CORE_VERSION } from './version'

type Db = Kysely<Database>

export class ModuleDoctorService {
  constructor(readonly db: Db, readonly registry: ModuleRegistry, readonly readModel: ModuleReadModel) {}

  async doctor(databaseKind: string | null, production: boolean): Promise<ModuleDoctor> {
    const infos = await this.readModel.listModules()
    const graph = this.registry.graph()
    const installedOrPending = infos.filter(i => i.state !== 'uninstalled')
    // Every module on disk: an uninstalled one with a missing dependency cannot be installed either.
    const missing_dependencies = dependencyProblems(graph).map(p => ({
      module: p.module,
      dependency: p.dependency,
      state: infos.find(i => i.name === p.module)?.state ?? 'uninstalled',
      problem: p.kind === 'missing' ? 'not available' : `${p.found} does not satisfy ${p.range}`,
      ...problemCode(p),
    }))
    const drift = infos.filter(i => i.in_disk && i.state === 'installed' && i.applied_migrations.some(n => !i.migrations_on_disk.includes(n)))
    const embedded = databaseKind === 'pglite' && production
    const acknowledged = await this.#acknowledgedKeys()
    // Acknowledged findings stay listed but no longer fail the doctor.
    const ack = <T extends { key: string }>(f: T) => ({ ...f, acknowledged: acknowledged.has(f.key) })
    const storage = await checkStorage()
    const result: Omit<ModuleDoctor, 'ok'> = {
      orphans: installedOrPending.filter(i => !i.in_disk).map(i => i.name),
      missing_dependencies,
      cycles: findCycles(graph).map(c => c.join(' -> ')),
      manifest_errors: this.registry.broken.map(b => ({ source: b.source, name: b.name, error: brokenError(b), issues: b.issues })),
      errored_modules: infos.flatMap(i => i.error
        ? [ack({ key: `errored:${i.name}:${i.error_at ?? ''}`, name: i.name, error: { ...i.error, params: { module: i.name, ...i.error.params } }, error_at: i.error_at })]
        : []),
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
        : { ...ack({ key: `storage:${storage.path}`, path: storage.path, ok: false, problem: storage.problem }), code: 'storage.unavailable', params: { path: storage.path } },
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
}
