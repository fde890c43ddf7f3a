// Modules that cannot be installed because of their dependencies are listed
// with the reason by listModules() (GET /modules) and by doctor(), and the
// other modules still install and serve (docs/core-api.md "Module lifecycle REST").
import { describe, expect, it } from 'vitest'
import { defineTestModule, expectOperationError, usePlatformSuite } from '../support/platform-fixtures'

const healthy = defineTestModule({ name: 'dg_healthy', auto_install: true, tables: ['dg_healthy'] })
const orphanDep = defineTestModule({ name: 'dg_orphan_dep', depends: ['dg_not_there'], tables: ['dg_orphan_dep'] })
const oldDep = defineTestModule({ name: 'dg_old_dep', depends: ['dg_healthy@^2'], tables: ['dg_old_dep'] })
const cycleA = defineTestModule({ name: 'dg_cycle_a', depends: ['dg_cycle_b'], tables: ['dg_cycle_a'] })
const cycleB = defineTestModule({ name: 'dg_cycle_b', depends: ['dg_cycle_a'], tables: ['dg_cycle_b'] })

const t = usePlatformSuite([healthy, orphanDep, oldDep, cycleA, cycleB])

describe('dependency diagnostics', () => {
  it('lists each problem on the module it affects', async () => {
    const infos = Object.fromEntries((await t.platform.service.listModules()).map(i => [i.name, i]))
    expect(infos.dg_healthy!.problems).toEqual([])
    expect(infos.dg_healthy!.state).toBe('installed')
    expect(infos.dg_orphan_dep!.problems).toEqual([{ code: 'modules.dependency_missing', message: 'module "dg_orphan_dep" depends on "dg_not_there", which is not available', params: { module: 'dg_orphan_dep', dependency: 'dg_not_there' } }])
    expect(infos.dg_old_dep!.problems).toEqual([{ code: 'modules.dependency_range', message: 'module "dg_old_dep" requires "dg_healthy@^2" but dg_healthy 1.0.0 is available', params: { module: 'dg_old_dep', dependency: 'dg_healthy', range: '^2', found: '1.0.0' } }])
    const cycle = { code: 'modules.dependency_cycle', message: 'dependency cycle: dg_cycle_a -> dg_cycle_b -> dg_cycle_a' }
    expect(infos.dg_cycle_a!.problems).toEqual([{ ...cycle, params: { module: 'dg_cycle_a', cycle: 'dg_cycle_a → dg_cycle_b → dg_cycle_a' } }])
    expect(infos.dg_cycle_b!.problems).toEqual([{ ...cycle, params: { module: 'dg_cycle_b', cycle: 'dg_cycle_a → dg_cycle_b → dg_cycle_a' } }])
  })

  it('reports them in the doctor, which is then not ok', async () => {
    const report = await t.platform.service.doctor('pglite', false)
    expect(report.ok).toBe(false)
    expect(report.missing_dependencies.map(p => `${p.module}->${p.dependency}`).sort()).toEqual(['dg_old_dep->dg_healthy', 'dg_orphan_dep->dg_not_there'])
    expect(report.cycles).toEqual(['dg_cycle_a -> dg_cycle_b -> dg_cycle_a'])
  })

  it('refuses to install them with 409 naming the problem', async () => {
    await expectOperationError(t.platform.service.install('dg_orphan_dep'), 409, 'dg_not_there')
    await expectOperationError(t.platform.service.install('dg_old_dep'), 409, 'dg_healthy@^2')
    await expectOperationError(t.platform.service.install('dg_cycle_a'), 409, 'dg_cycle_a -> dg_cycle_b -> dg_cycle_a')
  })
})
