import { consola } from 'consola'
import modulesEntries from '#dentalpin/modules'
import type { Kysely } from 'kysely'
import { coreHooks } from '../auth/hooks'
import type { Database } from '../db/types'
import { ModuleApplier } from './apply'
import { checkStorage } from './backup'
import { setRegistryReload } from './cluster'
import { markInterrupted } from './journal'
import type { ModuleEntry } from './module'
import { ModuleRegistry } from './registry'
import { ModuleRuntime } from './runtime'
import { applySeeds } from './seeds'
import { ModuleService } from './service'

const log = consola.withTag('dentalpin:modules')

export interface Platform {
  registry: ModuleRegistry
  runtime: ModuleRuntime
  service: ModuleService
  applier: ModuleApplier
}

let current: Platform | null = null
let unhookClinicCreated: (() => void) | null = null

export function usePlatform(): Platform {
  if (!current) throw new Error('The module platform is not started yet')
  return current
}

/** Withdraws the running platform (tests, shutdown). */
export function stopPlatform(): void {
  setRegistryReload(null)
  current?.runtime.dispose()
  unhookClinicCreated?.()
  unhookClinicCreated = null
  current = null
}

export function platformStarted(): boolean {
  return current !== null
}

/**
 * Boot: loads every module on disk (broken ones are kept out and reported),
 * records new ones, applies pending operations (auto-install included) and
 * serves the installed set.
 */
export async function startPlatform(db: Kysely<Database>, entries: ModuleEntry[] = modulesEntries): Promise<Platform> {
  current?.runtime.dispose()
  const registry = new ModuleRegistry()
  await registry.load(entries)
  const runtime = new ModuleRuntime(registry)
  const platform: Platform = { registry, runtime, service: new ModuleService(db, registry), applier: new ModuleApplier(db, registry, runtime) }
  current = platform
  // Another instance on the same database changed what is served: follow it.
  setRegistryReload(() => runtime.refresh(db))
  // A crash mid-operation left `running` entries: they become `interrupted` (the doctor lists them).
  const interrupted = await markInterrupted(db)
  if (interrupted.ids.length) log.warn(`${interrupted.ids.length} module operation(s) were interrupted by a stop; see the doctor`)
  const storage = await checkStorage()
  if (!storage.ok) log.warn(`the storage folder cannot be used (${storage.path}): ${storage.problem}; module removals will fail until it is fixed`)
  const { added } = await platform.service.reconcileWithDb()
  if (added.length) log.info(`new modules: ${added.join(', ')}`)
  const report = await platform.applier.applyPending()
  for (const op of report.operations) {
    if (op.status !== 'succeeded') log.warn(`${op.operation} ${op.module}: ${op.status}${op.error ? ` (${op.error})` : ''}`)
  }
  // Per-clinic seed data of installed modules for every new clinic, in the clinic's own transaction.
  unhookClinicCreated?.()
  unhookClinicCreated = coreHooks.hook('clinic:created', async ({ clinic_id, db: trx }) => {
    for (const m of runtime.active()) {
      if (m.manifest.data_files?.length) await applySeeds(trx, m, [clinic_id])
    }
  })
  log.info(`modules: ${runtime.active().map(m => m.name).join(', ') || 'none installed'}`)
  return platform
}
