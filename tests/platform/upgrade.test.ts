// Upgrades (docs/creating-modules.md "Migrations", "Seed data"): the installed version is what the
// database holds, never what is on disk; an upgrade runs only the new
// migrations, passes the true previous version to postUpgrade and re-runs the
// seeds respecting noupdate and user deletions; downgrades are refused.
import { describe, expect, it } from 'vitest'
import type { SeedRecord } from '../support/platform-fixtures'
import { defineTestModule, errorOf, expectOperationError, journal, moduleRow, tableNames, usePlatformSuite } from '../support/platform-fixtures'

function seeds(tag: string, extra: SeedRecord[] = []): SeedRecord[] {
  return [
    { id: 'keep', table: 'up_mod', values: { code: 'KEEP', label: `${tag} keep` }, noupdate: true },
    { id: 'reset', table: 'up_mod', values: { code: 'RESET', label: `${tag} reset` } },
    { id: 'gone', table: 'up_mod', values: { code: 'GONE', label: `${tag} gone` } },
    ...extra,
  ]
}

const v100 = defineTestModule({ name: 'up_mod', version: '1.0.0', tables: ['up_mod'], data: { 'data/defaults.yaml': seeds('v1') } })
const v110 = defineTestModule({
  name: 'up_mod',
  version: '1.1.0',
  tables: ['up_mod', 'up_mod_extra'],
  data: { 'data/defaults.yaml': seeds('v2', [{ id: 'fresh', table: 'up_mod', values: { code: 'FRESH', label: 'v2 fresh' } }]) },
})
const v120 = defineTestModule({
  name: 'up_mod',
  version: '1.2.0',
  tables: ['up_mod', 'up_mod_extra'],
  data: { 'data/defaults.yaml': seeds('v3', [{ id: 'fresh', table: 'up_mod', values: { code: 'FRESH', label: 'v3 fresh' } }]) },
})
const other = defineTestModule({ name: 'up_other', tables: ['up_other'] })

const t = usePlatformSuite()

async function labels(): Promise<Record<string, string>> {
  const rows = await t.db.selectFrom('up_mod' as any).select(['code', 'label']).execute()
  return Object.fromEntries(rows.map(r => [r.code, r.label]))
}

describe('upgrade', () => {
  it('installs 1.0.0 with one migration; the user edits and deletes seeded records', async () => {
    await t.boot(v100, other)
    expect((await t.platform.service.install('up_mod')).scheduled).toEqual(['up_mod'])
    expect((await t.platform.applier.applyPending()).operations.map(o => o.status)).toEqual(['succeeded'])
    expect(await moduleRow(t.db, 'up_mod')).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    expect(await labels()).toEqual({ KEEP: 'v1 keep', RESET: 'v1 reset', GONE: 'v1 gone' })
    expect((await t.db.selectFrom('core_migration').select('name').where('history', '=', 'up_mod').execute()).map(r => r.name))
      .toEqual(['20260101000000_create_up_mod'])

    await t.db.updateTable('up_mod' as any).set({ label: 'user edit' }).where('code', 'in', ['KEEP', 'RESET']).execute()
    await t.db.deleteFrom('up_mod' as any).where('code', '=', 'GONE').execute()
  })

  it('a new version on disk is reported as an upgrade, never applied by boot', async () => {
    await t.boot(v110, other)
    const info = await t.platform.service.getInfo('up_mod')
    expect(info).toMatchObject({ version: '1.1.0', installed_version: '1.0.0', upgrade_available: true, state: 'installed' })
    expect(await moduleRow(t.db, 'up_mod')).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    expect(await tableNames(t.db)).not.toContain('up_mod_extra')
    expect(v110.calls).toEqual([])
  })

  it('upgrade + apply runs only the new migration, passes 1.0.0 to postUpgrade and re-seeds respecting noupdate and deletions', async () => {
    await expectOperationError(t.platform.service.upgrade('up_other'), 409, 'up_other')
    const result = await t.platform.service.upgrade('up_mod')
    expect(result.scheduled).toEqual(['up_mod'])
    expect(result.requires_restart).toBe(true)
    expect(result.message).toContain('1.0.0')
    expect(result.message).toContain('1.1.0')
    expect((await moduleRow(t.db, 'up_mod'))?.state).toBe('to_upgrade')

    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.operation, o.status])).toEqual([['up_mod', 'upgrade', 'succeeded']])
    const entry = (await journal(t.db, 'up_mod')).at(-1)!
    expect(entry).toMatchObject({ operation: 'upgrade', status: 'succeeded', from_version: '1.0.0', to_version: '1.1.0' })
    expect(entry.steps.map(s => s.step)).toEqual(['migrate', 'seed', 'hook', 'finalize'])
    expect(entry.steps[0]!.details).toEqual({ applied: ['20260101000001_create_up_mod_extra'], tables_created: ['up_mod_extra'] })
    expect(entry.steps[1]!.details).toEqual({ inserted: 1, updated: 1, kept: 1, skipped_deleted: 1 })
    expect(entry.steps[2]!.details).toEqual({ from_version: '1.0.0' })
    expect(v110.calls).toEqual([{ hook: 'postUpgrade', fromVersion: '1.0.0' }])

    expect(await labels()).toEqual({ KEEP: 'user edit', RESET: 'v2 reset', FRESH: 'v2 fresh' })
    expect(await tableNames(t.db)).toContain('up_mod_extra')
    const row = await moduleRow(t.db, 'up_mod')
    expect(row).toMatchObject({ state: 'installed', installed_version: '1.1.0', error_code: null })
    expect((row?.installed_manifest as { version: string }).version).toBe('1.1.0')
    expect((await t.platform.service.getInfo('up_mod')).upgrade_available).toBe(false)
  })

  it('the same version answers scheduled: [] with an "already at" message', async () => {
    const result = await t.platform.service.upgrade('up_mod')
    expect(result.scheduled).toEqual([])
    expect(result.requires_restart).toBe(false)
    expect(result.message).toMatch(/already at/)
    expect(result.message).toContain('1.1.0')
    expect((await moduleRow(t.db, 'up_mod'))?.state).toBe('installed')
  })

  it('a second upgrade passes the true previous version (1.1.0) and has no migration left to run', async () => {
    await t.boot(v120, other)
    await t.platform.service.upgrade('up_mod')
    await t.platform.applier.applyPending()
    expect(v120.calls).toEqual([{ hook: 'postUpgrade', fromVersion: '1.1.0' }])
    const entry = (await journal(t.db, 'up_mod')).at(-1)!
    expect(entry).toMatchObject({ status: 'succeeded', from_version: '1.1.0', to_version: '1.2.0' })
    expect(entry.steps[0]!.details).toEqual({ applied: [], tables_created: [] })
    // The deleted record stays deleted; the noupdate one stays as the user left it.
    expect(await labels()).toEqual({ KEEP: 'user edit', RESET: 'v3 reset', FRESH: 'v3 fresh' })
    expect(await moduleRow(t.db, 'up_mod')).toMatchObject({ state: 'installed', installed_version: '1.2.0' })
  })

  it('a lower version on disk is a 409 (downgrades are refused) and boot keeps the installed version', async () => {
    await t.boot(v110, other)
    expect(await moduleRow(t.db, 'up_mod')).toMatchObject({ state: 'installed', installed_version: '1.2.0' })
    const info = await t.platform.service.getInfo('up_mod')
    expect(info).toMatchObject({ version: '1.1.0', installed_version: '1.2.0', upgrade_available: false })
    await expectOperationError(t.platform.service.upgrade('up_mod'), 409, 'up_mod', '1.1.0', '1.2.0')
    expect(await moduleRow(t.db, 'up_mod')).toMatchObject({ state: 'installed', installed_version: '1.2.0' })
    expect(v110.calls).toEqual([{ hook: 'postUpgrade', fromVersion: '1.0.0' }])
  })
})

describe('upgrade outside the core range', () => {
  const v130Future = defineTestModule({
    name: 'up_mod',
    version: '1.3.0',
    min_core_version: '99.0.0',
    tables: ['up_mod', 'up_mod_extra', 'up_mod_future'],
    data: { 'data/defaults.yaml': seeds('v4') },
  })

  it('refuses to schedule an upgrade to a version that needs a newer core (409, same code as install)', async () => {
    await t.boot(v130Future, other)
    expect(await moduleRow(t.db, 'up_mod')).toMatchObject({ state: 'installed', installed_version: '1.2.0' })
    const error = await expectOperationError(t.platform.service.upgrade('up_mod'), 409, 'up_mod', '99.0.0')
    expect(error.code).toBe('modules.core_too_old')
    expect(await moduleRow(t.db, 'up_mod')).toMatchObject({ state: 'installed', installed_version: '1.2.0' })
    // The doctor reports the version on disk that this core cannot run.
    const doctor = await t.platform.service.doctor('pglite', false)
    expect(doctor.incompatible_modules).toEqual([expect.objectContaining({ name: 'up_mod', version: '1.3.0', code: 'modules.core_too_old', params: expect.objectContaining({ required: '99.0.0' }) })])
    expect(doctor.ok).toBe(false)
  })

  it('an upgrade scheduled before the disk changed is not applied: reported on the row and in the journal', async () => {
    // Scheduled while 1.2.x was on disk; the files were then replaced by an incompatible 1.3.0.
    await t.db.updateTable('core_module').set({ state: 'to_upgrade' }).where('name', '=', 'up_mod').execute()
    const before = (await journal(t.db, 'up_mod')).length
    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.operation, o.status])).toEqual([['up_mod', 'upgrade', 'skipped']])
    expect(report.operations[0]!.error?.code).toBe('modules.core_too_old')
    const row = await moduleRow(t.db, 'up_mod')
    expect(row).toMatchObject({ state: 'installed', installed_version: '1.2.0' })
    expect(errorOf(row)?.message).toContain('needs core 99.0.0')
    expect(await tableNames(t.db)).not.toContain('up_mod_future')
    expect(v130Future.calls).toEqual([])
    const added = (await journal(t.db, 'up_mod')).slice(before)
    expect(added.map(e => [e.operation, e.status])).toEqual([['upgrade', 'skipped']])
    expect(errorOf(added[0])?.message).toContain('needs core 99.0.0')
    const info = await t.platform.service.getInfo('up_mod')
    expect(info.error).toMatchObject({ code: 'modules.core_too_old', params: { module: 'up_mod', required: '99.0.0' } })
  })
})
