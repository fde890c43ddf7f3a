import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { ErrorItem } from '#shared/types/envelope'
import type { ModuleJournalEntry } from '#shared/types/modules'
import type { Database, ModuleOperationKind, OperationStep } from '../db/types'
import { storedError } from './errors'

type Db = Kysely<Database>

/** This process, as the owner of running journal entries (for stuck-entry detection). */
export const INSTANCE_ID = `${process.pid}@${Date.now().toString(36)}`

export async function openOperation(db: Db, op: { module: string, operation: ModuleOperationKind, from_version: string | null, to_version: string | null, plan: Record<string, unknown> }) {
  const row = await db.insertInto('core_module_operation').values({
    module: op.module,
    operation: op.operation,
    status: 'running',
    from_version: op.from_version,
    to_version: op.to_version,
    plan: JSON.stringify(op.plan),
    owner: INSTANCE_ID,
    started_at: sql<Date>`now()`,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

const errorColumns = (error: ErrorItem | null | undefined) => ({
  error_code: error?.code ?? null,
  error_params: error ? JSON.stringify(error.params ?? {}) : null,
})

export async function closeOperation(db: Db, id: string, result: { status: 'succeeded' | 'failed' | 'skipped', steps: OperationStep[], error?: ErrorItem | null, failed_step?: string | null }) {
  await db.updateTable('core_module_operation').set({
    status: result.status,
    steps: JSON.stringify(result.steps),
    ...errorColumns(result.error),
    failed_step: result.failed_step ?? null,
    finished_at: sql<Date>`now()`,
  }).where('id', '=', id).execute()
}

export async function recordSkipped(db: Db, op: { module: string, operation: ModuleOperationKind, from_version: string | null, to_version: string | null }, reason: ErrorItem) {
  await db.insertInto('core_module_operation').values({
    ...op,
    status: 'skipped',
    ...errorColumns(reason),
    owner: INSTANCE_ID,
    started_at: sql<Date>`now()`,
    finished_at: sql<Date>`now()`,
  }).execute()
}

export async function listOperations(db: Db, module: string, limit: number): Promise<ModuleJournalEntry[]> {
  const rows = await db.selectFrom('core_module_operation').selectAll()
    .where('module', '=', module).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return rows.map(r => ({
    id: r.id,
    module: r.module,
    operation: r.operation,
    status: r.status,
    from_version: r.from_version,
    to_version: r.to_version,
    plan: r.plan,
    // Each error as its stable code and params (the admin screen words them; the detail stays as is).
    steps: r.steps.map(({ error_code, error_params, ...step }) => ({ ...step, error: storedError(error_code, error_params) })),
    error: storedError(r.error_code, r.error_params),
    failed_step: r.failed_step,
    created_at: r.created_at.toISOString(),
    started_at: r.started_at?.toISOString() ?? null,
    finished_at: r.finished_at?.toISOString() ?? null,
    duration_ms: r.started_at && r.finished_at ? r.finished_at.getTime() - r.started_at.getTime() : null,
  }))
}

/**
 * At boot: entries left `running` by a process that is gone become
 * `interrupted`. A live owner holds the operations lock while it applies, so
 * when this instance can take that lock no other process is applying and every
 * `running` entry not ours is dead (its transaction was rolled back by the
 * database). When the lock is busy the entries are left for the next boot.
 */
export async function markInterrupted(db: Db): Promise<{ ids: string[], busy: boolean }> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('dentalpin:modules:apply')) as locked`.execute(trx)
    if (!rows[0]?.locked) return { ids: [], busy: true }
    const updated = await trx.updateTable('core_module_operation')
      .set({ status: 'interrupted', error_code: 'modules.interrupted_operation', error_params: sql`jsonb_build_object('operation', operation)`, finished_at: sql<Date>`now()` })
      .where('status', '=', 'running')
      .where(eb => eb.or([eb('owner', 'is', null), eb('owner', '!=', INSTANCE_ID)]))
      .returning('id')
      .execute()
    return { ids: updated.map(r => r.id), busy: false }
  })
}

/** Entries a crashed process left behind, as marked by markInterrupted(). */
export async function interruptedOperations(db: Db) {
  const rows = await db.selectFrom('core_module_operation').select(['id', 'module', 'operation', 'owner', 'started_at', 'finished_at'])
    .where('status', '=', 'interrupted').orderBy('created_at').execute()
  return rows.map(r => ({ id: r.id, module: r.module, operation: r.operation, owner: r.owner, started_at: r.started_at?.toISOString() ?? null, finished_at: r.finished_at?.toISOString() ?? null }))
}

/** Entries still `running` that no live process of ours owns (a crash mid-operation). */
export async function stuckOperations(db: Db) {
  const rows = await db.selectFrom('core_module_operation').select(['id', 'module', 'operation', 'owner', 'started_at'])
    .where('status', '=', 'running').where('owner', '!=', INSTANCE_ID).execute()
  return rows.map(r => ({ id: r.id, module: r.module, operation: r.operation, owner: r.owner, started_at: r.started_at?.toISOString() ?? null }))
}
