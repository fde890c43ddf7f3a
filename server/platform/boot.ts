import { consola } from 'consola'
import { coreMigrations } from '../../migrations'
import { closeDatabase, setDatabase, useDb } from '../db'
import { openDatabase } from '../db/database'
import { DataDirLockedError } from '../db/lock'
import { migrateUp, pendingMigrations } from '../db/migrator'
import { setRegistryRelay } from './cluster'
import { eventBus } from './events/bus'
import { PostgresEventRelay } from './events/relay'

const log = consola.withTag('dentalpin:boot')

export type BootState = 'starting' | 'ready' | 'failed' | 'stopping'

interface BootStatus {
  state: BootState
  error: string | null
  startedAt: Date
  readyAt: Date | null
}

let relay: PostgresEventRelay | null = null

const status: BootStatus = { state: 'starting', error: null, startedAt: new Date(), readyAt: null }

export function bootStatus(): Readonly<BootStatus> {
  return status
}

export function isReady(): boolean {
  return status.state === 'ready'
}

export interface BootOptions {
  /** Steps that run after the core migrations and before traffic is admitted. */
  afterMigrate?: Array<() => Promise<void>>
}

/**
 * Opens the database, applies the core migrations and runs the registered
 * start-up steps; until it finishes every request but liveness answers 503.
 * A database that cannot be reached is retried with backoff; a data folder
 * owned by another process is fatal (the process exits with a clear message).
 */
export async function boot(options: BootOptions = {}): Promise<void> {
  let delay = 500
  for (;;) {
    try {
      const handle = await openDatabase()
      setDatabase(handle)
      const result = await migrateUp(handle.db, coreMigrations)
      if (result.applied.length > 0) log.info(`core migrations applied: ${result.applied.join(', ')}`)
      if (handle.kind === 'postgres' && process.env.DATABASE_URL) {
        relay = new PostgresEventRelay(process.env.DATABASE_URL, eventBus)
        await relay.start()
        setRegistryRelay(relay)
      }
      for (const step of options.afterMigrate ?? []) await step()
      status.state = 'ready'
      status.error = null
      status.readyAt = new Date()
      return
    }
    catch (error) {
      if (error instanceof DataDirLockedError) {
        log.error(error.message)
        status.state = 'failed'
        status.error = error.message
        process.exitCode = 1
        // Nothing else can work without the database: stop instead of serving 503 forever.
        setTimeout(() => process.exit(1), 50)
        return
      }
      status.state = 'starting'
      status.error = (error as Error).message
      log.error(`start-up failed, retrying in ${Math.round(delay / 1000)}s:`, (error as Error).message)
      setRegistryRelay(null)
      await relay?.close()
      relay = null
      await closeDatabase().catch(() => {})
      await new Promise(r => setTimeout(r, delay))
      delay = Math.min(delay * 2, 10_000)
    }
  }
}

export async function shutdown(): Promise<void> {
  status.state = 'stopping'
  // Let running event handlers finish before the database goes away.
  await eventBus.drain()
  setRegistryRelay(null)
  await relay?.close()
  relay = null
  await closeDatabase()
}

/** Readiness: the database answers and no core migration is pending. */
// The reason is generic on purpose: anyone may ask, and a driver message names
// hosts and ports. The details are in the server log.
export async function readiness(): Promise<{ ready: boolean, pending: string[], error: string | null }> {
  if (status.state !== 'ready') return { ready: false, pending: [], error: status.error ? 'database unreachable' : `server is ${status.state}` }
  try {
    const pending = await pendingMigrations(useDb(), coreMigrations)
    return { ready: pending.length === 0, pending, error: pending.length ? 'migrations pending' : null }
  }
  catch (error) {
    log.warn(`readiness: the database is unreachable: ${(error as Error).message}`)
    return { ready: false, pending: [], error: 'database unreachable' }
  }
}
