// The module lifecycle as the REST routes and the boot use it: one object in
// front of the read model (read-model.ts), the doctor (doctor.ts) and the
// scheduling of operations (scheduling.ts). Applying lives in apply.ts.
import type { Kysely } from 'kysely'
import type { ModuleDoctor, ModuleInfo, ModuleStatus, ScheduleResult } from '#shared/types/modules'
import type { Database } from '../db/types'
import { ModuleDoctorService } from './doctor'
import { ModuleReadModel } from './read-model'
import type { ModuleRegistry } from './registry'
import { ModuleRepository } from './repository'
import { ModuleScheduler } from './scheduling'

export type { ModuleInfo, ScheduleResult } from '#shared/types/modules'

type Db = Kysely<Database>

export class ModuleService {
  readonly #reads: ModuleReadModel
  readonly #doctor: ModuleDoctorService
  readonly #scheduler: ModuleScheduler

  constructor(readonly db: Db, readonly registry: ModuleRegistry) {
    this.#reads = new ModuleReadModel(db, new ModuleRepository(db), registry)
    this.#doctor = new ModuleDoctorService(db, registry, this.#reads)
    this.#scheduler = new ModuleScheduler(db, registry)
  }

  /** Rows for newly discovered modules; refreshed metadata for known ones. Never touches state or installed_version. */
  reconcileWithDb(): Promise<{ added: string[] }> {
    return this.#scheduler.reconcileWithDb()
  }

  /** Reconcile inside a caller's transaction (rows must exist before states change). */
  async reconcileWithDbIn(trx: Db): Promise<void> {
    await this.#scheduler.reconcileWithDb(new ModuleRepository(trx))
  }

  listModules(): Promise<ModuleInfo[]> {
    return this.#reads.listModules()
  }

  getInfo(name: string): Promise<ModuleInfo> {
    return this.#reads.getInfo(name)
  }

  status(): Promise<Omit<ModuleStatus, 'applying'>> {
    return this.#reads.status()
  }

  doctor(databaseKind: string | null, production: boolean): Promise<ModuleDoctor> {
    return this.#doctor.doctor(databaseKind, production)
  }

  acknowledgeableKeys(): Promise<Set<string>> {
    return this.#doctor.acknowledgeableKeys()
  }

  /** Acknowledges current doctor findings by their keys (404 `modules.unknown_finding` for any other). */
  acknowledge(keys: string[], userId: string | null): Promise<void> {
    return this.#doctor.acknowledge(keys, userId)
  }

  /** Forgets a module that is no longer on disk. */
  orphan(name: string): Promise<void> {
    return this.#scheduler.orphan(name)
  }

  installPlan(name: string, options: { force?: boolean } = {}): string[] {
    return this.#scheduler.installPlan(name, options)
  }

  install(name: string, options: { force?: boolean } = {}): Promise<ScheduleResult> {
    return this.#scheduler.install(name, options)
  }

  uninstallPlan(name: string, options: { force?: boolean } = {}, db: Db = this.db): Promise<string[]> {
    return this.#scheduler.uninstallPlan(name, options, new ModuleRepository(db))
  }

  uninstall(name: string, options: { force?: boolean } = {}): Promise<ScheduleResult> {
    return this.#scheduler.uninstall(name, options)
  }

  upgrade(name: string): Promise<ScheduleResult> {
    return this.#scheduler.upgrade(name)
  }

  disable(name: string): Promise<void> {
    return this.#scheduler.disable(name)
  }

  enable(name: string): Promise<void> {
    return this.#scheduler.enable(name)
  }
}
