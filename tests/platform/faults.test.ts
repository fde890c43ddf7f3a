// A failing step rolls the whole module operation back (one transaction per
// operation, docs/creating-modules.md "Lifecycle"):
// the database is exactly as before, the journal says what failed and where,
// the row keeps its stable state with the error, independent operations of the
// same batch still run and dependents of the failed one are skipped.
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { ModuleContext } from '../../server/platform/module'
import type { Faults } from '../support/platform-fixtures'
import { defineTestModule, errorOf, journal, moduleRow, snapshot, tableNames, usePlatformSuite } from '../support/platform-fixtures'

const t = usePlatformSuite([], async (db) => {
  // Some core data, so row dumps have something to compare.
  await db.insertInto('clinics').values({ name: 'Fault clinic' }).execute()
})

/** The module's hook writes in its own table and in a core table before any fault fires. */
function writingHook(table: string) {
  return async (ctx: ModuleContext) => {
    await ctx.db.insertInto(table).values({ code: 'FROM_HOOK' }).execute()
    await ctx.db.insertInto('login_failures').values({ ip: `hook-${table}` }).execute()
  }
}

function faultyModule(kind: string, faults: Faults, version = '1.0.0', extraTables: string[] = []) {
  const name = `fk_${kind}`
  return defineTestModule({
    name,
    version,
    tables: [name, `${name}_items`, ...extraTables],
    data: {
      'data/items.yaml': [
        { id: 'one', table: `${name}_items`, values: { code: 'ONE', label: `label ${version}` } },
        ...(version === '1.0.0' ? [] : [{ id: 'two', table: `${name}_items`, values: { code: 'TWO' } }]),
      ],
    },
    hooks: { install: writingHook(name), postUpgrade: writingHook(name) },
    faults,
  })
}

const STEP = { migrate: 'migrate', seed: 'seed', install: 'hook' } as const
const MESSAGE = { migrate: 'injected migration fault in fk_migrate', seed: 'no_such_column', install: 'injected install hook fault in fk_install' } as const

describe.each(['migrate', 'seed', 'install'] as const)('install failing at %s', (kind) => {
  it('rolls back everything, journals the failure, skips the dependent and still applies the independent module', async () => {
    const faulty = faultyModule(kind, { [kind]: true })
    const dependent = defineTestModule({ name: `dep_${kind}`, depends: [faulty.name], tables: [`dep_${kind}`] })
    const independent = defineTestModule({ name: `ind_${kind}`, tables: [`ind_${kind}`] })
    await t.boot(faulty, dependent, independent)

    const before = await snapshot(t.db, [independent.name])
    expect(before.modules[faulty.name]).toEqual({ state: 'uninstalled', installed_version: null })
    expect((await t.platform.service.install(dependent.name)).scheduled).toEqual([faulty.name, dependent.name])
    expect((await t.platform.service.install(independent.name)).scheduled).toEqual([independent.name])

    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.status, o.failed_step])).toEqual([
      [faulty.name, 'failed', STEP[kind]],
      [dependent.name, 'skipped', null],
      [independent.name, 'succeeded', null],
    ])

    // The database is exactly as before, except for the independent module.
    const after = await snapshot(t.db, [independent.name])
    expect(after).toEqual(before)
    expect(await tableNames(t.db)).not.toContain(faulty.name)

    // Journal: failed with its step and error; the failing step is the last one recorded.
    const [entry, ...more] = await journal(t.db, faulty.name)
    expect(more).toEqual([])
    expect(entry).toMatchObject({ operation: 'install', status: 'failed', failed_step: STEP[kind] })
    expect(entry!.error_code).toBe(`modules.step_failed.${STEP[kind]}`)
    expect(entry!.error_params).toMatchObject({ operation: 'install', step: STEP[kind] })
    expect(entry!.error_params!.detail).toContain(MESSAGE[kind])
    const last = entry!.steps.at(-1)!
    expect(last).toMatchObject({ step: STEP[kind], status: 'failed' })
    expect(errorOf(last)).toEqual(errorOf(entry))
    expect(entry!.steps.map(s => s.step)).toEqual({ migrate: ['migrate'], seed: ['migrate', 'seed'], install: ['migrate', 'seed', 'hook'] }[kind])

    // The row keeps its stable state, with the error.
    const row = await moduleRow(t.db, faulty.name)
    expect(row?.state).toBe('uninstalled')
    expect(row?.installed_version).toBeNull()
    expect(errorOf(row)).toEqual(errorOf(entry))
    expect(errorOf(row)?.message).toContain(STEP[kind])
    expect(row?.error_at).toBeInstanceOf(Date)
    const status = await t.platform.service.status()
    expect(status.errored.find(e => e.name === faulty.name)?.error.message).toContain(MESSAGE[kind])
    expect(status.pending).toEqual([])

    // The dependent was skipped with a reason naming the failed module, and left uninstalled.
    const [depEntry] = await journal(t.db, dependent.name)
    expect(depEntry?.status).toBe('skipped')
    expect(depEntry).toMatchObject({ error_code: 'modules.skipped_dependency_failed', error_params: { dependency: faulty.name } })
    expect(report.operations[1]!.error).toEqual(errorOf(depEntry))
    const depRow = await moduleRow(t.db, dependent.name)
    expect(depRow?.state).toBe('uninstalled')
    expect(errorOf(depRow)).toEqual(errorOf(depEntry))
    expect(dependent.calls).toEqual([])

    // The independent module went through the whole pipeline.
    expect((await moduleRow(t.db, independent.name))?.state).toBe('installed')
    expect(await tableNames(t.db)).toContain(independent.name)
    expect((await journal(t.db, independent.name)).map(e => e.status)).toEqual(['succeeded'])

    expect(faulty.calls).toEqual(kind === 'install' ? [{ hook: 'install' }] : [])

    // Once the fault is gone the same module installs (nothing half-done blocks it).
    faulty.faults[kind] = false
    expect((await t.platform.service.install(faulty.name)).scheduled).toEqual([faulty.name])
    expect((await t.platform.applier.applyPending()).operations.map(o => o.status)).toEqual(['succeeded'])
    const fixed = await moduleRow(t.db, faulty.name)
    expect(fixed).toMatchObject({ state: 'installed', installed_version: '1.0.0', error_code: null, error_params: null })
  })
})

describe('upgrade failing in postUpgrade', () => {
  it('keeps the installed version and schema, journals the failure, skips the dependent, applies the independent module', async () => {
    const v1 = faultyModule('upgrade', {})
    const dep1 = defineTestModule({ name: 'dep_upgrade', depends: ['fk_upgrade'], tables: ['dep_upgrade'] })
    await t.boot(v1, dep1)
    await t.platform.service.install('dep_upgrade')
    expect((await t.platform.applier.applyPending()).operations.map(o => o.status)).toEqual(['succeeded', 'succeeded'])
    await t.db.insertInto('fk_upgrade' as any).values({ code: 'USER' }).execute()

    const v2 = faultyModule('upgrade', { postUpgrade: true }, '1.1.0', ['fk_upgrade_v2'])
    const dep2 = defineTestModule({ name: 'dep_upgrade', version: '1.1.0', depends: ['fk_upgrade@^1.1'], tables: ['dep_upgrade', 'dep_upgrade_v2'] })
    const independent = defineTestModule({ name: 'ind_upgrade', tables: ['ind_upgrade'] })
    await t.boot(v2, dep2, independent)
    expect((await t.platform.service.getInfo('fk_upgrade')).upgrade_available).toBe(true)

    const before = await snapshot(t.db, ['ind_upgrade'])
    expect(before.modules.fk_upgrade).toEqual({ state: 'installed', installed_version: '1.0.0' })
    expect((await t.platform.service.upgrade('fk_upgrade')).scheduled).toEqual(['fk_upgrade'])
    expect((await t.platform.service.upgrade('dep_upgrade')).scheduled).toEqual(['dep_upgrade'])
    expect((await t.platform.service.install('ind_upgrade')).scheduled).toEqual(['ind_upgrade'])

    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.operation, o.status, o.failed_step])).toEqual([
      ['fk_upgrade', 'upgrade', 'failed', 'hook'],
      ['dep_upgrade', 'upgrade', 'skipped', null],
      ['ind_upgrade', 'install', 'succeeded', null],
    ])
    expect(await snapshot(t.db, ['ind_upgrade'])).toEqual(before)
    const tables = await tableNames(t.db)
    expect(tables).not.toContain('fk_upgrade_v2')
    expect(tables).not.toContain('dep_upgrade_v2')
    expect(tables).toContain('ind_upgrade')
    expect(v2.calls).toEqual([{ hook: 'postUpgrade', fromVersion: '1.0.0' }])

    const entry = (await journal(t.db, 'fk_upgrade')).at(-1)!
    expect(entry).toMatchObject({ operation: 'upgrade', status: 'failed', failed_step: 'hook', from_version: '1.0.0', to_version: '1.1.0' })
    expect(entry.error_params?.detail).toContain('injected postUpgrade fault in fk_upgrade')
    expect(entry.steps.map(s => [s.step, s.status])).toEqual([['migrate', 'succeeded'], ['seed', 'succeeded'], ['hook', 'failed']])

    const row = await moduleRow(t.db, 'fk_upgrade')
    expect(row).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    expect(errorOf(row)?.message).toContain('injected postUpgrade fault in fk_upgrade')
    expect((await t.platform.service.status()).errored.map(e => e.name)).toContain('fk_upgrade')
    expect((await t.platform.service.getInfo('fk_upgrade')).upgrade_available).toBe(true)

    const depRow = await moduleRow(t.db, 'dep_upgrade')
    expect(depRow).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    expect(errorOf(depRow)?.message).toContain('fk_upgrade')
    const depEntry = (await journal(t.db, 'dep_upgrade')).at(-1)!
    expect(depEntry.status).toBe('skipped')
    expect(errorOf(depEntry)?.message).toContain('fk_upgrade')
    expect((await moduleRow(t.db, 'ind_upgrade'))?.state).toBe('installed')
  })
})

describe('uninstall failing in its hook', () => {
  it('keeps the module installed with its schema and data; the dependency removed with it is skipped', async () => {
    const unBase = defineTestModule({
      name: 'un_base',
      tables: ['un_base'],
      data: { 'data/rows.yaml': [{ id: 'row', table: 'un_base', values: { code: 'BASE' } }] },
    })
    const unTop = defineTestModule({
      name: 'un_top',
      depends: ['un_base'],
      tables: ['un_top'],
      data: { 'data/rows.yaml': [{ id: 'shared', table: 'un_base', values: { code: 'FROM_TOP' } }] },
      hooks: { uninstall: writingHook('un_top') },
    })
    await t.boot(unBase, unTop)
    await t.platform.service.install('un_top')
    expect((await t.platform.applier.applyPending()).operations.map(o => o.status)).toEqual(['succeeded', 'succeeded'])
    unTop.faults.uninstall = true

    const before = await snapshot(t.db)
    expect((await t.platform.service.uninstall('un_base', { force: true })).scheduled).toEqual(['un_top', 'un_base'])
    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.operation, o.status, o.failed_step])).toEqual([
      ['un_top', 'uninstall', 'failed', 'hook'],
      ['un_base', 'uninstall', 'skipped', null],
    ])
    expect(report.operations[1]!.error?.message).toContain('un_top')
    expect(await snapshot(t.db)).toEqual(before)
    expect(await tableNames(t.db)).toEqual(expect.arrayContaining(['un_base', 'un_top']))
    expect(await moduleRow(t.db, 'un_top')).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    expect(errorOf(await moduleRow(t.db, 'un_top'))?.message).toContain('injected uninstall hook fault in un_top')
    expect(await moduleRow(t.db, 'un_base')).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    expect(errorOf(await moduleRow(t.db, 'un_base'))?.message).toContain('un_top')
    const entry = (await journal(t.db, 'un_top')).at(-1)!
    expect(entry).toMatchObject({ operation: 'uninstall', status: 'failed', failed_step: 'hook' })
    expect(entry.steps.map(s => [s.step, s.status])).toEqual([['backup', 'succeeded'], ['hook', 'failed']])
    expect((await t.platform.service.status()).pending).toEqual([])
  })
})

describe('table ownership', () => {
  it('a migration creating a table outside the module\'s names fails the operation', async () => {
    const rogue = defineTestModule({
      name: 'own_rogue',
      tables: ['own_rogue'],
      migrations: {
        '20260101000009_foreign': {
          up: async (db) => { await db.schema.createTable('not_owned_tbl').addColumn('id', 'integer').execute() },
          down: async (db) => { await db.schema.dropTable('not_owned_tbl').execute() },
        },
      },
    })
    const dropper = defineTestModule({
      name: 'own_dropper',
      migrations: { '20260101000000_drop_core': { up: async (db) => { await sql`drop table login_failures`.execute(db) } } },
    })
    await t.boot(rogue, dropper)
    const before = await snapshot(t.db)
    await t.platform.service.install('own_rogue')
    await t.platform.service.install('own_dropper')
    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.status, o.failed_step])).toEqual([
      ['own_dropper', 'failed', 'migrate'],
      ['own_rogue', 'failed', 'migrate'],
    ])
    expect(report.operations.map(o => o.error?.code)).toEqual(['modules.tables_not_owned', 'modules.tables_not_owned'])
    expect(report.operations[0]!.error?.params).toMatchObject({ module: 'own_dropper', tables: ['login_failures'] })
    expect(report.operations[1]!.error?.message).toContain('not_owned_tbl')
    expect(await snapshot(t.db)).toEqual(before)
    const tables = await tableNames(t.db)
    expect(tables).not.toContain('not_owned_tbl')
    expect(tables).not.toContain('own_rogue')
    expect(tables).toContain('login_failures')
    const entry = (await journal(t.db, 'own_rogue')).at(-1)!
    expect(entry).toMatchObject({ status: 'failed', failed_step: 'migrate' })
    expect(entry.error_params?.tables).toEqual(['not_owned_tbl'])
    expect(await moduleRow(t.db, 'own_rogue')).toMatchObject({ state: 'uninstalled', installed_version: null })
    expect(errorOf(await moduleRow(t.db, 'own_rogue'))?.message).toContain('not_owned_tbl')
  })
})
