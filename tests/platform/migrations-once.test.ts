// An install runs each of the module's migrations exactly once (the journal's
// plan comes from the pending migrations, not from a rolled-back rehearsal),
// and getModels() means something: it is checked against the tables the
// migrations create, and an uninstall backs up the tables it declares.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Migration } from '../../server/db/migrator'
import { defineTestModule, errorOf, journal, moduleRow, tableNames, usePlatformSuite } from '../support/platform-fixtures'

/** Counts how often each migration's `up` runs. */
const runs: Record<string, number> = {}
function counted(name: string, table: string): Migration {
  return {
    async up(db) {
      runs[name] = (runs[name] ?? 0) + 1
      await db.schema.createTable(table).addColumn('id', 'integer', c => c.primaryKey()).execute()
    },
    async down(db) {
      await db.schema.dropTable(table).execute()
    },
  }
}

const counter = defineTestModule({
  name: 'mo_count',
  migrations: { '20260101000000_first': counted('first', 'mo_count'), '20260102000000_second': counted('second', 'mo_count_items') },
  models: ['mo_count', 'mo_count_items'],
})
const undeclared = defineTestModule({ name: 'mo_undeclared', tables: ['mo_undeclared', 'mo_undeclared_extra'], models: ['mo_undeclared'] })
const phantom = defineTestModule({ name: 'mo_phantom', tables: ['mo_phantom'], models: ['mo_phantom', 'mo_phantom_ghost'] })

const suite = usePlatformSuite([counter, undeclared, phantom])

describe('an install runs each migration once', () => {
  it('counts one execution per migration, and the journal records the plan and what the run created', async () => {
    await suite.platform.service.install('mo_count')
    const report = await suite.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.status])).toEqual([['mo_count', 'succeeded']])
    expect(runs).toEqual({ first: 1, second: 1 })

    const [entry] = await journal(suite.db, 'mo_count')
    expect(entry!.plan).toMatchObject({ migrations: ['20260101000000_first', '20260102000000_second'], tables_created: ['mo_count', 'mo_count_items'] })
    expect(entry!.steps[0]).toMatchObject({ step: 'migrate', details: { applied: ['20260101000000_first', '20260102000000_second'], tables_created: ['mo_count', 'mo_count_items'] } })
  })

  it('backs up the tables getModels() declares before an uninstall', async () => {
    await suite.platform.service.uninstall('mo_count')
    await suite.platform.applier.applyPending()
    const [, entry] = await journal(suite.db, 'mo_count')
    const backup = entry!.steps.find(s => s.step === 'backup')!
    expect(backup.details!.tables).toEqual({ mo_count: 0, mo_count_items: 0 })
    const file = JSON.parse(readFileSync(backup.details!.file, 'utf8'))
    expect(Object.keys(file.tables).sort()).toEqual(['mo_count', 'mo_count_items'])
    expect(runs).toEqual({ first: 1, second: 1 })
  })
})

describe('getModels() against the tables the migrations create', () => {
  it.each([
    ['mo_undeclared', { missing: [], undeclared: ['mo_undeclared_extra'] }],
    ['mo_phantom', { missing: ['mo_phantom_ghost'], undeclared: [] }],
  ])('%s: the install fails with modules.models_mismatch and changes nothing', async (name, params) => {
    await suite.platform.service.install(name)
    const [op] = (await suite.platform.applier.applyPending()).operations
    expect(op).toMatchObject({ module: name, status: 'failed', failed_step: 'migrate', error: { code: 'modules.models_mismatch', params: { module: name, operation: 'install', step: 'migrate', ...params } } })
    expect(errorOf(await moduleRow(suite.db, name))).toEqual(op!.error)
    expect(await moduleRow(suite.db, name)).toMatchObject({ state: 'uninstalled', installed_version: null })
    expect((await tableNames(suite.db)).filter(n => n.startsWith(name))).toEqual([])
    expect((await suite.platform.service.getInfo(name)).error?.code).toBe('modules.models_mismatch')
  })
})
