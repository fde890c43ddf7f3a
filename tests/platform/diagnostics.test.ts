// Modules that cannot be installed because of their dependencies are listed
// with the reason by listModules() (GET /modules) and by doctor(), and the
// other modules still install and serve (docs/core-api.md "Module lifecycle REST").
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPlatform, stopPlatform } from '../../server/platform'
import type { Platform } from '../../server/platform'
import { openTestDb } from '../support/database'
import type { OpenTestDb } from '../support/database'
import { defineTestModule, entriesOf, expectOperationError, useTempStorage } from '../support/platform-fixtures'

const healthy = defineTestModule({ name: 'dg_healthy', auto_install: true, tables: ['dg_healthy'] })
const orphanDep = defineTestModule({ name: 'dg_orphan_dep', depends: ['dg_not_there'], tables: ['dg_orphan_dep'] })
const oldDep = defineTestModule({ name: 'dg_old_dep', depends: ['dg_healthy@^2'], tables: ['dg_old_dep'] })
const cycleA = defineTestModule({ name: 'dg_cycle_a', depends: ['dg_cycle_b'], tables: ['dg_cycle_a'] })
const cycleB = defineTestModule({ name: 'dg_cycle_b', depends: ['dg_cycle_a'], tables: ['dg_cycle_b'] })

let t: OpenTestDb
let platform: Platform
let storage: ReturnType<typeof useTempStorage>

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  platform = await startPlatform(t.db, entriesOf(healthy, orphanDep, oldDep, cycleA, cycleB))
})
afterAll(async () => {
  stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('dependency diagnostics', () => {
  it('lists each problem on the module it affects', async () => {
    const infos = Object.fromEntries((await platform.service.listModules()).map(i => [i.name, i]))
    expect(infos.dg_healthy!.problems).toEqual([])
    expect(infos.dg_healthy!.state).toBe('installed')
    expect(infos.dg_orphan_dep!.problems).toEqual(['module "dg_orphan_dep" depends on "dg_not_there", which is not available'])
    expect(infos.dg_old_dep!.problems).toEqual(['module "dg_old_dep" requires "dg_healthy@^2" but dg_healthy 1.0.0 is available'])
    expect(infos.dg_cycle_a!.problems).toEqual(['dependency cycle: dg_cycle_a -> dg_cycle_b -> dg_cycle_a'])
    expect(infos.dg_cycle_b!.problems).toEqual(['dependency cycle: dg_cycle_a -> dg_cycle_b -> dg_cycle_a'])
  })

  it('reports them in the doctor, which is then not ok', async () => {
    const report = await platform.service.doctor('pglite', false)
    expect(report.ok).toBe(false)
    expect(report.missing_dependencies.map(p => `${p.module}->${p.dependency}`).sort()).toEqual(['dg_old_dep->dg_healthy', 'dg_orphan_dep->dg_not_there'])
    expect(report.cycles).toEqual(['dg_cycle_a -> dg_cycle_b -> dg_cycle_a'])
  })

  it('refuses to install them with 409 naming the problem', async () => {
    await expectOperationError(platform.service.install('dg_orphan_dep'), 409, 'dg_not_there')
    await expectOperationError(platform.service.install('dg_old_dep'), 409, 'dg_healthy@^2')
    await expectOperationError(platform.service.install('dg_cycle_a'), 409, 'dg_cycle_a -> dg_cycle_b -> dg_cycle_a')
  })
})
