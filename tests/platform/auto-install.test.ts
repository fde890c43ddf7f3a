// auto_install modules go through the same pipeline as any install (migrations,
// seeds, hook, journal) when boot first sees them; reconcile refreshes
// metadata but never an existing row's state or installed_version; broken
// modules are kept out and reported (`load_error` in GET /modules and the doctor,
// docs/core-api.md "Module lifecycle REST").
import { describe, expect, it } from 'vitest'
import type { ModuleContext } from '../../server/platform/module'
import { defineTestModule, errorOf, expectOperationError, journal, moduleRow, tableNames, usePlatformSuite } from '../support/platform-fixtures'

const hookWrites = (table: string) => async (ctx: ModuleContext) => {
  await ctx.db.insertInto(table).values({ code: 'HOOK', label: `written by ${ctx.moduleName}` }).execute()
}

const core = defineTestModule({
  name: 'ai_core',
  auto_install: true,
  tables: ['ai_core'],
  data: { 'data/defaults.yaml': [{ id: 'default', table: 'ai_core', values: { code: 'SEED', label: 'seeded' } }] },
  hooks: { install: hookWrites('ai_core') },
})
const addon = defineTestModule({ name: 'ai_addon', auto_install: true, depends: ['ai_core'], tables: ['ai_addon'], hooks: { install: hookWrites('ai_addon') } })
const manual = defineTestModule({ name: 'ai_manual', tables: ['ai_manual'] })
const needsManual = defineTestModule({ name: 'ai_needs_manual', auto_install: true, depends: ['ai_manual'], tables: ['ai_needs_manual'] })
const badManifest = defineTestModule({ name: 'ai_bad_manifest', auto_install: true, tables: ['ai_bad_manifest'], manifest: { installable: 'false', colour: 'blue' } })
const badLoad = defineTestModule({ name: 'ai_bad_load', auto_install: true, tables: ['ai_bad_load'], loadError: 'boom: module.ts cannot be imported' })

const t = usePlatformSuite()

describe('auto-install on an empty database', () => {
  it('startPlatform installs auto_install modules through the pipeline, dependencies first; broken modules are kept out', async () => {
    expect(await t.db.selectFrom('core_module').select('name').execute()).toEqual([])
    await t.boot(core, addon, manual, badManifest, badLoad)

    for (const name of ['ai_core', 'ai_addon']) {
      expect(await moduleRow(t.db, name), name).toMatchObject({ state: 'installed', installed_version: '1.0.0', auto_install: true, error_code: null })
    }
    expect(await moduleRow(t.db, 'ai_manual')).toMatchObject({ state: 'uninstalled', installed_version: null, auto_install: false })

    const entries = await journal(t.db)
    expect(entries.map(e => [e.module, e.operation, e.status])).toEqual([['ai_core', 'install', 'succeeded'], ['ai_addon', 'install', 'succeeded']])
    for (const e of entries) expect(e.steps.map(s => [s.step, s.status])).toEqual([['migrate', 'succeeded'], ['seed', 'succeeded'], ['hook', 'succeeded'], ['finalize', 'succeeded']])
    expect(entries[0]!.steps[0]!.details).toEqual({ applied: ['20260101000000_create_ai_core'], tables_created: ['ai_core'] })
    expect(entries[0]!.steps[1]!.details).toMatchObject({ inserted: 1 })

    // Seeds present, hooks ran, migrations recorded.
    const rows = await t.db.selectFrom('ai_core' as any).select(['code', 'label']).orderBy('code').execute()
    expect(rows).toEqual([{ code: 'HOOK', label: 'written by ai_core' }, { code: 'SEED', label: 'seeded' }])
    expect(await t.db.selectFrom('ai_addon' as any).select('code').execute()).toEqual([{ code: 'HOOK' }])
    expect(core.calls).toEqual([{ hook: 'install' }])
    expect(addon.calls).toEqual([{ hook: 'install' }])
    expect((await t.db.selectFrom('core_module_record').select(['module', 'external_id', 'table_name']).execute()))
      .toEqual([{ module: 'ai_core', external_id: 'default', table_name: 'ai_core' }])
    expect(t.platform.runtime.active().map(m => m.name).sort()).toEqual(['ai_addon', 'ai_core'])

    // Broken modules: no row, no table, never installed, reported.
    const tables = await tableNames(t.db)
    expect(tables).not.toContain('ai_bad_manifest')
    expect(tables).not.toContain('ai_bad_load')
    expect(await moduleRow(t.db, 'ai_bad_manifest')).toBeUndefined()
    expect(await moduleRow(t.db, 'ai_bad_load')).toBeUndefined()
    expect(badManifest.calls).toEqual([])
  })

  it('listModules() and doctor() report the broken modules with their errors', async () => {
    const infos = await t.platform.service.listModules()
    expect(infos.map(i => i.name)).toEqual(['ai_addon', 'ai_bad_load', 'ai_bad_manifest', 'ai_core', 'ai_manual'])
    const badM = infos.find(i => i.name === 'ai_bad_manifest')!
    expect(badM.state).toBe('uninstalled')
    expect(badM.installable).toBe(false)
    expect(badM.load_error).toMatchObject({ code: 'modules.manifest_invalid' })
    expect(badM.load_error!.message).toContain('installable')
    expect(badM.load_issues.map(i => i.path).sort()).toEqual(['colour', 'installable'])
    const badL = infos.find(i => i.name === 'ai_bad_load')!
    expect(badL).toMatchObject({ state: 'uninstalled', load_error: { code: 'modules.load_failed', message: 'boom: module.ts cannot be imported' }, source: 'layers/ai_bad_load' })
    for (const name of ['ai_core', 'ai_addon', 'ai_manual']) expect(infos.find(i => i.name === name)!.load_error, name).toBeNull()

    const doctor = await t.platform.service.doctor('pglite', false)
    expect(doctor.ok).toBe(false)
    expect(doctor.manifest_errors.map(e => e.source).sort()).toEqual(['layers/ai_bad_load', 'layers/ai_bad_manifest'])
    expect(doctor.manifest_errors.find(e => e.source === 'layers/ai_bad_load')!.error.message).toBe('boom: module.ts cannot be imported')
    expect(doctor.manifest_errors.find(e => e.source === 'layers/ai_bad_manifest')!.name).toBe('ai_bad_manifest')
    expect(doctor.orphans).toEqual([])

    expect((await t.platform.service.status()).errored.map(e => e.name).sort()).toEqual(['ai_bad_load', 'ai_bad_manifest'])
    await expectOperationError(t.platform.service.install('ai_bad_load'), 409, 'ai_bad_load')
    await expectOperationError(t.platform.service.install('ai_bad_manifest'), 409, 'ai_bad_manifest')
  })
})

describe('reconcile on an existing database', () => {
  it('never changes an existing row\'s state or installed_version; refreshes metadata; a new auto_install module goes through the pipeline', async () => {
    // The admin removes ai_addon; it must stay removed although it still auto-installs.
    await t.platform.service.uninstall('ai_addon')
    expect((await t.platform.applier.applyPending()).operations.map(o => [o.module, o.status])).toEqual([['ai_addon', 'succeeded']])
    const journalBefore = (await journal(t.db)).length

    const core110 = defineTestModule({ name: 'ai_core', version: '1.1.0', auto_install: true, removable: false, tables: ['ai_core', 'ai_core_more'] })
    const manualNowAuto = defineTestModule({ name: 'ai_manual', auto_install: true, tables: ['ai_manual'] })
    const late = defineTestModule({ name: 'ai_late', auto_install: true, depends: ['ai_core'], tables: ['ai_late'], hooks: { install: hookWrites('ai_late') } })
    await t.boot(core110, addon, manualNowAuto, late)

    expect(await moduleRow(t.db, 'ai_addon')).toMatchObject({ state: 'uninstalled', installed_version: null })
    expect(await moduleRow(t.db, 'ai_core')).toMatchObject({ state: 'installed', installed_version: '1.0.0', removable: false })
    expect(((await moduleRow(t.db, 'ai_core'))?.manifest as { version: string }).version).toBe('1.1.0')
    expect(await tableNames(t.db)).not.toContain('ai_core_more')
    // auto_install is refreshed from disk, the state is not.
    expect(await moduleRow(t.db, 'ai_manual')).toMatchObject({ state: 'uninstalled', auto_install: true })

    // The newly discovered auto_install module was installed through the pipeline.
    expect(await moduleRow(t.db, 'ai_late')).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    const added = (await journal(t.db)).slice(journalBefore)
    expect(added.map(e => [e.module, e.operation, e.status])).toEqual([['ai_late', 'install', 'succeeded']])
    expect(added[0]!.steps.map(s => s.step)).toEqual(['migrate', 'seed', 'hook', 'finalize'])
    expect(await t.db.selectFrom('ai_late' as any).select('code').execute()).toEqual([{ code: 'HOOK' }])

    // A direct reconcile changes nothing either.
    const states = await t.db.selectFrom('core_module').select(['name', 'state', 'installed_version']).orderBy('name').execute()
    expect(await t.platform.service.reconcileWithDb()).toEqual({ added: [] })
    expect(await t.db.selectFrom('core_module').select(['name', 'state', 'installed_version']).orderBy('name').execute()).toEqual(states)
  })

  it('an auto_install module is never installed while a dependency it needs stays uninstalled', async () => {
    await t.boot(core, manual, needsManual)
    const dependent = await moduleRow(t.db, 'ai_needs_manual')
    const dependency = await moduleRow(t.db, 'ai_manual')
    // Either the chain was installed dependencies first, or the dependent was not installed at all.
    expect([['installed', 'installed'], ['uninstalled', 'uninstalled']]).toContainEqual([dependent?.state, dependency?.state])
    if (dependent?.state === 'installed') {
      const order = (await journal(t.db)).filter(e => ['ai_manual', 'ai_needs_manual'].includes(e.module)).map(e => e.module)
      expect(order).toEqual(['ai_manual', 'ai_needs_manual'])
    }
  })
})

describe('auto-install outside the core range', () => {
  it('boot does not install an auto_install module whose min/max_core_version excludes this core; it is reported', async () => {
    const future = defineTestModule({ name: 'ai_future', auto_install: true, min_core_version: '99.0.0', tables: ['ai_future'], hooks: { install: hookWrites('ai_future') } })
    const past = defineTestModule({ name: 'ai_past', auto_install: true, max_core_version: '0.0.1', tables: ['ai_past'] })
    const onFuture = defineTestModule({ name: 'ai_on_future', auto_install: true, depends: ['ai_future'], tables: ['ai_on_future'] })
    const fits = defineTestModule({ name: 'ai_fits', auto_install: true, min_core_version: '0.0.1', max_core_version: '99.0.0', tables: ['ai_fits'] })
    await t.boot(core, future, past, onFuture, fits)

    for (const [name, fragment] of [['ai_future', 'needs core 99.0.0'], ['ai_past', 'supports core up to 0.0.1']] as const) {
      const row = await moduleRow(t.db, name)
      expect(row, name).toMatchObject({ state: 'uninstalled', installed_version: null })
      expect(errorOf(row)?.message, name).toContain(fragment)
      const [entry] = await journal(t.db, name)
      expect(entry, name).toMatchObject({ operation: 'install', status: 'skipped' })
    }
    // Its dependent is not installed either; the module that fits is.
    expect(await moduleRow(t.db, 'ai_on_future')).toMatchObject({ state: 'uninstalled', installed_version: null })
    expect(await moduleRow(t.db, 'ai_fits')).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    const tables = await tableNames(t.db)
    for (const name of ['ai_future', 'ai_past', 'ai_on_future']) expect(tables).not.toContain(name)
    expect(future.calls).toEqual([])
    expect(t.platform.runtime.active().map(m => m.name)).not.toContain('ai_future')

    const doctor = await t.platform.service.doctor('pglite', false)
    expect(doctor.ok).toBe(false)
    expect(doctor.incompatible_modules.map(f => [f.name, f.code]).sort()).toEqual([['ai_future', 'modules.core_too_old'], ['ai_past', 'modules.core_too_new']])
    expect(doctor.errored_modules.map(e => e.name)).toEqual(expect.arrayContaining(['ai_future', 'ai_past']))
    const info = await t.platform.service.getInfo('ai_past')
    expect(info.error).toMatchObject({ code: 'modules.core_too_new', params: { module: 'ai_past', supported: '0.0.1' } })

    // A later boot does not try again: the admin decides (the row keeps its error).
    const journalLength = (await journal(t.db)).length
    await t.boot(core, future, past, onFuture, fits)
    expect((await journal(t.db)).length).toBe(journalLength)
    expect(await moduleRow(t.db, 'ai_future')).toMatchObject({ state: 'uninstalled' })
  })
})
