// The core migration that stores module failures as codes: rows written as
// English text before it keep that text as the `detail` param, and it reverts.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coreMigrations } from '../../migrations'
import { migrateDown, migrateUp } from '../../server/db/migrator'
import { openTestDb } from '../support/database'
import type { OpenTestDb } from '../support/database'

const MIGRATION = '20261210000000_core_module_error_codes'
let t: OpenTestDb

beforeAll(async () => {
  t = await openTestDb()
})
afterAll(async () => t?.close())

describe(MIGRATION, () => {
  it('moves stored English text into error_code + error_params, and back', async () => {
    const db = t.db as any
    await migrateDown(db, coreMigrations, [MIGRATION])
    await db.insertInto('core_module').values({ name: 'old_mod', state: 'uninstalled', category: 'official', removable: true, auto_install: false, manifest: '{}', error_message: 'install failed at seed: boom', error_at: sql`now()` }).execute()
    const steps = JSON.stringify([{ step: 'migrate', status: 'succeeded', started_at: '2026-01-01T00:00:00Z', duration_ms: 1 }, { step: 'seed', status: 'failed', started_at: '2026-01-01T00:00:00Z', duration_ms: 1, error: 'boom' }])
    await db.insertInto('core_module_operation').values([
      { module: 'old_mod', operation: 'install', status: 'failed', failed_step: 'seed', error: 'boom', steps },
      { module: 'old_mod', operation: 'install', status: 'skipped', error: 'skipped: x failed' },
      { module: 'old_mod', operation: 'upgrade', status: 'interrupted', error: 'interrupted: …' },
      { module: 'old_mod', operation: 'install', status: 'succeeded' },
    ]).execute()

    await migrateUp(db, coreMigrations)
    expect(await db.selectFrom('core_module').select(['error_code', 'error_params']).where('name', '=', 'old_mod').executeTakeFirst())
      .toEqual({ error_code: 'modules.error', error_params: { detail: 'install failed at seed: boom' } })
    const ops = await db.selectFrom('core_module_operation').select(['status', 'error_code', 'error_params', 'steps']).where('module', '=', 'old_mod').orderBy('created_at').orderBy('status').execute()
    const byStatus = Object.fromEntries(ops.map((o: any) => [o.status, o]))
    expect(byStatus.failed).toMatchObject({ error_code: 'modules.step_failed.seed', error_params: { operation: 'install', step: 'seed', detail: 'boom' } })
    expect(byStatus.failed.steps[1]).toEqual({ step: 'seed', status: 'failed', started_at: '2026-01-01T00:00:00Z', duration_ms: 1, error_code: 'modules.step_failed.seed', error_params: { operation: 'install', step: 'seed', detail: 'boom' } })
    expect(byStatus.failed.steps[0]).not.toHaveProperty('error_code')
    expect(byStatus.skipped).toMatchObject({ error_code: 'modules.error', error_params: { detail: 'skipped: x failed' } })
    expect(byStatus.interrupted).toMatchObject({ error_code: 'modules.interrupted_operation', error_params: { operation: 'upgrade' } })
    expect(byStatus.succeeded).toMatchObject({ error_code: null, error_params: null })

    await migrateDown(db, coreMigrations, [MIGRATION])
    expect(await db.selectFrom('core_module').select('error_message').where('name', '=', 'old_mod').executeTakeFirst()).toEqual({ error_message: 'install failed at seed: boom' })
    const reverted = await db.selectFrom('core_module_operation').select(['status', 'error', 'steps']).where('status', '=', 'failed').executeTakeFirst()
    expect(reverted.error).toBe('boom')
    expect(reverted.steps[1]).toMatchObject({ step: 'seed', error: 'boom' })
    await migrateUp(db, coreMigrations)
  })
})
