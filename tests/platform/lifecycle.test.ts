// Install / uninstall / reinstall of in-memory modules on a real database
// (docs/core-api.md "Module lifecycle REST", docs/creating-modules.md "Seed
// data"): scheduling checks, dependency order, the
// journal, backups, ownership of tables and seeded records, orphans.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { CORE_VERSION } from '../../server/platform/version'
import { defineTestModule, expectOperationError, journal, moduleRow, tableNames, usePlatformSuite } from '../support/platform-fixtures'

const base = defineTestModule({
  name: 'lc_base',
  version: '1.0.0',
  tables: ['lc_base', 'lc_base_items'],
  data: {
    'data/items.yaml': [
      { id: 'first', table: 'lc_base_items', values: { code: 'B1', label: 'Base one' } },
      { id: 'second', table: 'lc_base_items', values: { code: 'B2', label: 'Base two' } },
    ],
  },
})
const mid = defineTestModule({ name: 'lc_mid', version: '1.2.0', depends: ['lc_base'], tables: ['lc_mid'] })
const top = defineTestModule({
  name: 'lc_top',
  version: '1.0.0',
  depends: ['lc_mid@^1.0', 'lc_base'],
  tables: [{ name: 'lc_top', columns: { item_id: { type: 'uuid', references: 'lc_base_items.id' } } }],
  data: {
    'data/top.yaml': [
      { id: 'top_row', table: 'lc_top', values: { code: 'T1', item_id: { $ref: 'lc_base.first' } } },
      { id: 'shared_row', table: 'lc_base_items', values: { code: 'FROM_TOP', label: 'seeded by lc_top' } },
    ],
  },
})
const other = defineTestModule({ name: 'lc_other', tables: ['lc_other'] })
const hidden = defineTestModule({ name: 'lc_hidden', installable: false, tables: ['lc_hidden'] })
const fixed = defineTestModule({ name: 'lc_fixed', removable: false, tables: ['lc_fixed'] })
const missingDep = defineTestModule({ name: 'lc_needs_absent', depends: ['lc_absent'] })
const badRange = defineTestModule({ name: 'lc_needs_base2', depends: ['lc_base@^2.0'] })
const cycA = defineTestModule({ name: 'lc_cyc_a', depends: ['lc_cyc_b'] })
const cycB = defineTestModule({ name: 'lc_cyc_b', depends: ['lc_cyc_a'] })
const future = defineTestModule({ name: 'lc_future', min_core_version: '99.0.0' })
const needsFuture = defineTestModule({ name: 'lc_needs_future', depends: ['lc_future'] })
const ancient = defineTestModule({ name: 'lc_ancient', max_core_version: '0.0.1' })
const gone = defineTestModule({ name: 'lc_gone', tables: ['lc_gone'] })
// Parent and child rows seeded in one run: the child references the parent without cascade.
const tree = defineTestModule({
  name: 'lc_tree',
  tables: ['lc_tree_parent', { name: 'lc_tree_child', columns: { parent_id: { type: 'uuid', references: 'lc_tree_parent.id' } } }],
  data: {
    'data/tree.yaml': Array.from({ length: 8 }, (_, i) => [
      { id: `parent_${i}`, table: 'lc_tree_parent', values: { code: `P${i}` } },
      { id: `child_${i}`, table: 'lc_tree_child', values: { code: `C${i}`, parent_id: { $ref: `lc_tree.parent_${i}` } } },
    ]).flat(),
  },
})

const all = [base, mid, top, other, hidden, fixed, missingDep, badRange, cycA, cycB, future, needsFuture, ancient, gone, tree]

const t = usePlatformSuite(all)

async function itemCodes(): Promise<string[]> {
  const rows = await t.db.selectFrom('lc_base_items' as any).select('code').orderBy('code').execute()
  return rows.map(r => r.code as string)
}

describe('install', () => {
  it('nothing is installed by boot when no module auto-installs', async () => {
    for (const m of all) {
      const row = await moduleRow(t.db, m.name)
      expect(row?.state, m.name).toBe('uninstalled')
      expect(row?.installed_version, m.name).toBeNull()
    }
    expect(await journal(t.db)).toEqual([])
  })

  it('schedules the dependency chain in dependency order and applyPending installs it', async () => {
    const result = await t.platform.service.install('lc_top')
    expect(result).toMatchObject({ scheduled: ['lc_base', 'lc_mid', 'lc_top'], requires_restart: true })
    for (const name of ['lc_base', 'lc_mid', 'lc_top']) expect((await moduleRow(t.db, name))?.state).toBe('to_install')
    expect((await t.platform.service.install('lc_other')).scheduled).toEqual(['lc_other'])
    expect((await t.platform.service.status()).pending.map(p => p.name).sort()).toEqual(['lc_base', 'lc_mid', 'lc_other', 'lc_top'])

    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.operation, o.status])).toEqual([
      ['lc_base', 'install', 'succeeded'],
      ['lc_mid', 'install', 'succeeded'],
      ['lc_other', 'install', 'succeeded'],
      ['lc_top', 'install', 'succeeded'],
    ])

    const tables = await tableNames(t.db)
    for (const table of ['lc_base', 'lc_base_items', 'lc_mid', 'lc_top', 'lc_other']) expect(tables).toContain(table)
    for (const [name, version] of [['lc_base', '1.0.0'], ['lc_mid', '1.2.0'], ['lc_top', '1.0.0'], ['lc_other', '1.0.0']] as const) {
      const row = await moduleRow(t.db, name)
      expect(row?.state, name).toBe('installed')
      expect(row?.installed_version, name).toBe(version)
      expect(row?.installed_at, name).toBeInstanceOf(Date)
      expect(row?.error_code, name).toBeNull()
    }

    const entries = await journal(t.db)
    const order = entries.map(e => e.module)
    expect(order.indexOf('lc_base')).toBeLessThan(order.indexOf('lc_mid'))
    expect(order.indexOf('lc_mid')).toBeLessThan(order.indexOf('lc_top'))
    for (const name of ['lc_base', 'lc_mid', 'lc_top', 'lc_other']) {
      const [entry, ...more] = entries.filter(e => e.module === name)
      expect(more, name).toEqual([])
      expect(entry).toMatchObject({ operation: 'install', status: 'succeeded', error_code: null, failed_step: null, to_version: name === 'lc_mid' ? '1.2.0' : '1.0.0' })
      expect(entry!.steps.map(s => [s.step, s.status])).toEqual([['migrate', 'succeeded'], ['seed', 'succeeded'], ['hook', 'succeeded'], ['finalize', 'succeeded']])
    }
    const baseEntry = entries.find(e => e.module === 'lc_base')!
    expect(baseEntry.steps[0]!.details).toMatchObject({ applied: ['20260101000000_create_lc_base', '20260101000001_create_lc_base_items'] })
    expect(baseEntry.steps[1]!.details).toMatchObject({ inserted: 2, updated: 0 })
    expect(base.calls).toEqual([{ hook: 'install' }])
    expect(top.calls).toEqual([{ hook: 'install' }])

    // Seeds: base's records plus lc_top's record in its dependency's table; the $ref resolved.
    expect(await itemCodes()).toEqual(['B1', 'B2', 'FROM_TOP'])
    const topRows = await t.db.selectFrom('lc_top' as any).select(['code', 'item_id']).execute()
    const first = await t.db.selectFrom('lc_base_items' as any).select('id').where('code', '=', 'B1').executeTakeFirstOrThrow()
    expect(topRows).toEqual([{ code: 'T1', item_id: first.id }])
  })

  it('an installed module answers scheduled: [] without changing anything', async () => {
    const result = await t.platform.service.install('lc_top')
    expect(result.scheduled).toEqual([])
    expect(result.requires_restart).toBe(false)
    expect((await moduleRow(t.db, 'lc_top'))?.state).toBe('installed')
  })

  it('an unknown module is a 404', async () => {
    await expectOperationError(t.platform.service.install('lc_nope'), 404, 'lc_nope')
    await expectOperationError(t.platform.service.uninstall('lc_nope'), 404, 'lc_nope')
    await expectOperationError(t.platform.service.upgrade('lc_nope'), 404, 'lc_nope')
  })

  it('installable: false is a 409 unless forced', async () => {
    await expectOperationError(t.platform.service.install('lc_hidden'), 409, 'lc_hidden')
    expect((await moduleRow(t.db, 'lc_hidden'))?.state).toBe('uninstalled')
    expect((await t.platform.service.install('lc_hidden', { force: true })).scheduled).toEqual(['lc_hidden'])
    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.status])).toEqual([['lc_hidden', 'succeeded']])
    expect((await moduleRow(t.db, 'lc_hidden'))?.state).toBe('installed')
  })

  it('a missing dependency, an unsatisfied range and a cycle are 409s naming what is wrong', async () => {
    await expectOperationError(t.platform.service.install('lc_needs_absent'), 409, 'lc_needs_absent', 'lc_absent')
    await expectOperationError(t.platform.service.install('lc_needs_base2'), 409, 'lc_needs_base2', 'lc_base', '^2.0', '1.0.0')
    await expectOperationError(t.platform.service.install('lc_cyc_a'), 409, 'lc_cyc_a -> lc_cyc_b -> lc_cyc_a')
    await expectOperationError(t.platform.service.install('lc_cyc_b'), 409, 'lc_cyc_a', 'lc_cyc_b')
    for (const name of ['lc_needs_absent', 'lc_needs_base2', 'lc_cyc_a', 'lc_cyc_b']) expect((await moduleRow(t.db, name))?.state).toBe('uninstalled')
  })

  it('a core version outside min_core_version..max_core_version is a 409 naming both versions', async () => {
    expect(semver.valid(CORE_VERSION)).not.toBeNull()
    expect(semver.lt(CORE_VERSION, '99.0.0') && semver.gt(CORE_VERSION, '0.0.1')).toBe(true)
    await expectOperationError(t.platform.service.install('lc_future'), 409, 'lc_future', '99.0.0', CORE_VERSION)
    // Also when the too-new requirement is in the dependency chain.
    await expectOperationError(t.platform.service.install('lc_needs_future'), 409, 'lc_future', '99.0.0', CORE_VERSION)
    await expectOperationError(t.platform.service.install('lc_ancient'), 409, 'lc_ancient', '0.0.1', CORE_VERSION)
    for (const name of ['lc_future', 'lc_needs_future', 'lc_ancient']) expect((await moduleRow(t.db, name))?.state).toBe('uninstalled')
  })
})

describe('uninstall', () => {
  it('a dependency with installed dependents is a 409 naming them; nothing is scheduled', async () => {
    const error = await expectOperationError(t.platform.service.uninstall('lc_base'), 409, 'lc_mid', 'lc_top')
    expect(error.details).toEqual({ dependents: ['lc_mid', 'lc_top'] })
    await expectOperationError(t.platform.service.uninstall('lc_mid'), 409, 'lc_top')
    for (const name of ['lc_base', 'lc_mid', 'lc_top']) expect((await moduleRow(t.db, name))?.state).toBe('installed')
  })

  it('with force the dependents are scheduled too and removed first; exactly their tables are dropped, backed up, and their seeded records deleted', async () => {
    // A row written by a user, to be found in the backup.
    await t.db.insertInto('lc_top' as any).values({ code: 'USER' }).execute()
    const otherRows = await t.db.selectFrom('lc_other' as any).selectAll().execute()
    const before = await tableNames(t.db)

    const result = await t.platform.service.uninstall('lc_mid', { force: true })
    expect(result).toMatchObject({ scheduled: ['lc_top', 'lc_mid'], requires_restart: true })
    expect((await moduleRow(t.db, 'lc_top'))?.state).toBe('to_remove')
    expect((await moduleRow(t.db, 'lc_mid'))?.state).toBe('to_remove')
    expect((await moduleRow(t.db, 'lc_base'))?.state).toBe('installed')

    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.operation, o.status, o.error])).toEqual([
      ['lc_top', 'uninstall', 'succeeded', null],
      ['lc_mid', 'uninstall', 'succeeded', null],
    ])
    const removals = (await journal(t.db)).filter(e => e.operation === 'uninstall')
    expect(removals.map(e => [e.module, e.status])).toEqual([['lc_top', 'succeeded'], ['lc_mid', 'succeeded']])
    expect(removals[0]!.steps.map(s => s.step)).toEqual(['backup', 'hook', 'delete_data', 'migrate_down', 'finalize'])
    expect(removals[0]!.steps.find(s => s.step === 'migrate_down')!.details).toEqual({ reverted: ['20260101000000_create_lc_top'] })

    const after = await tableNames(t.db)
    expect(before.filter(x => !after.includes(x)).sort()).toEqual(['lc_mid', 'lc_top'])
    expect(after.filter(x => !before.includes(x))).toEqual([])
    expect(await t.db.selectFrom('lc_other' as any).selectAll().execute()).toEqual(otherRows)

    // Backup file, referenced by the journal, with every row of the module's table.
    const backupStep = removals[0]!.steps.find(s => s.step === 'backup')!
    const file = backupStep.details!.file as string
    expect(file.startsWith(join(t.storageDir, 'backups'))).toBe(true)
    expect(existsSync(file)).toBe(true)
    const backup = JSON.parse(readFileSync(file, 'utf8'))
    expect(backup.module).toBe('lc_top')
    expect(backup.version).toBe('1.0.0')
    expect(Object.keys(backup.tables)).toEqual(['lc_top'])
    expect(backup.tables.lc_top.map((r: { code: string }) => r.code).sort()).toEqual(['T1', 'USER'])
    expect(backupStep.details!.tables).toEqual({ lc_top: 2 })

    // lc_top's record in lc_base_items is gone; lc_base's own records stay.
    expect(await itemCodes()).toEqual(['B1', 'B2'])
    const tracked = await t.db.selectFrom('core_module_record').select(['module', 'external_id']).where('module', 'in', ['lc_top', 'lc_mid']).execute()
    expect(tracked).toEqual([])
    expect((await t.db.selectFrom('core_module_record').select('external_id').where('module', '=', 'lc_base').orderBy('external_id').execute()).map(r => r.external_id)).toEqual(['first', 'second'])

    for (const name of ['lc_top', 'lc_mid']) {
      const row = await moduleRow(t.db, name)
      expect(row?.state).toBe('uninstalled')
      expect(row?.installed_version).toBeNull()
    }
    expect((await t.db.selectFrom('core_migration').select('name').where('history', 'in', ['lc_top', 'lc_mid']).execute())).toEqual([])
    expect(top.calls.map(c => c.hook)).toEqual(['install', 'uninstall'])
  })

  it('reinstall works: only the missing part of the chain is scheduled, tables and seeds come back', async () => {
    expect((await t.platform.service.install('lc_top')).scheduled).toEqual(['lc_mid', 'lc_top'])
    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.status])).toEqual([['lc_mid', 'succeeded'], ['lc_top', 'succeeded']])
    expect(await tableNames(t.db)).toEqual(expect.arrayContaining(['lc_mid', 'lc_top']))
    expect(await itemCodes()).toEqual(['B1', 'B2', 'FROM_TOP'])
    expect((await t.db.selectFrom('lc_top' as any).select('code').execute()).map(r => r.code)).toEqual(['T1'])
    expect((await moduleRow(t.db, 'lc_top'))?.state).toBe('installed')
  })

  it('an uninstalled module is a 409 (nothing to do)', async () => {
    await expectOperationError(t.platform.service.uninstall('lc_cyc_a'), 409, 'lc_cyc_a')
    expect((await t.platform.service.uninstall('lc_other')).scheduled).toEqual(['lc_other'])
    // While the removal is pending, a second request is refused too.
    await expectOperationError(t.platform.service.uninstall('lc_other'), 409, 'lc_other')
    expect((await t.platform.applier.applyPending()).operations.map(o => [o.module, o.status])).toEqual([['lc_other', 'succeeded']])
    await expectOperationError(t.platform.service.uninstall('lc_other'), 409, 'lc_other', 'not installed')
    expect(await tableNames(t.db)).not.toContain('lc_other')
  })

  it('removable: false is a 409 unless forced', async () => {
    expect((await t.platform.service.install('lc_fixed')).scheduled).toEqual(['lc_fixed'])
    await t.platform.applier.applyPending()
    expect((await moduleRow(t.db, 'lc_fixed'))?.state).toBe('installed')
    await expectOperationError(t.platform.service.uninstall('lc_fixed'), 409, 'lc_fixed')
    expect((await moduleRow(t.db, 'lc_fixed'))?.state).toBe('installed')
    expect((await t.platform.service.uninstall('lc_fixed', { force: true })).scheduled).toEqual(['lc_fixed'])
    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.status])).toEqual([['lc_fixed', 'succeeded']])
    expect((await moduleRow(t.db, 'lc_fixed'))?.state).toBe('uninstalled')
    expect(await tableNames(t.db)).not.toContain('lc_fixed')
  })

  it('seeded records that reference each other are deleted newest first', async () => {
    await t.platform.service.install('lc_tree')
    expect((await t.platform.applier.applyPending()).operations.map(o => o.status)).toEqual(['succeeded'])
    expect((await t.db.selectFrom('lc_tree_child' as any).select('id').execute()).length).toBe(8)
    await t.platform.service.uninstall('lc_tree')
    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.status, o.error])).toEqual([['lc_tree', 'succeeded', null]])
    expect(await tableNames(t.db)).not.toContain('lc_tree_parent')
    expect((await moduleRow(t.db, 'lc_tree'))?.state).toBe('uninstalled')
  })
})

describe('orphan', () => {
  it('marks a module no longer on disk as uninstalled; 409 while on disk; 404 when unknown', async () => {
    await t.platform.service.install('lc_gone')
    await t.platform.applier.applyPending()
    expect((await moduleRow(t.db, 'lc_gone'))?.state).toBe('installed')
    await expectOperationError(t.platform.service.orphan('lc_gone'), 409, 'lc_gone')

    await t.boot(...all.filter(m => m !== gone))
    // Boot never changes the state of a row it has no module for.
    expect((await moduleRow(t.db, 'lc_gone'))?.state).toBe('installed')
    const info = (await t.platform.service.listModules()).find(i => i.name === 'lc_gone')!
    expect(info).toMatchObject({ in_disk: false, state: 'installed', installed_version: '1.0.0', version: null })
    expect((await t.platform.service.doctor('pglite', false)).orphans).toEqual(['lc_gone'])

    await t.platform.service.orphan('lc_gone')
    const row = await moduleRow(t.db, 'lc_gone')
    expect(row?.state).toBe('uninstalled')
    expect(row?.installed_version).toBeNull()
    expect((await t.platform.service.doctor('pglite', false)).orphans).toEqual([])
    await expectOperationError(t.platform.service.orphan('lc_never_seen'), 404, 'lc_never_seen')
    await expectOperationError(t.platform.service.orphan('lc_base'), 409, 'lc_base')
  })
})
