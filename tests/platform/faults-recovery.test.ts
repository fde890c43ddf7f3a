// Recovering from faults outside a module's own code: a process that died in
// the middle of an operation (its journal entry stays `running`), and a
// storage folder that cannot hold the uninstall backup. Neither may leave the
// doctor failing forever, half-remove a module, spin the CPU or block the server.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { listOperations } from '../../server/platform/journal'
import { defineTestModule, errorOf, expectOperationError, journal, moduleRow, tableNames, usePlatformSuite } from '../support/platform-fixtures'

const t = usePlatformSuite()

const crashMod = defineTestModule({ name: 'crash_mod', tables: ['crash_mod'] })
const keep = defineTestModule({ name: 'keep_mod', tables: ['keep_mod'], data: { 'data/rows.yaml': [{ id: 'row', table: 'keep_mod', values: { code: 'ROW' } }] } })

describe('a process that crashed during a module operation', () => {
  it('leaves a running entry: boot marks it interrupted, the doctor lists it until an admin acknowledges it', async () => {
    await t.boot(crashMod, keep)
    expect((await t.platform.service.doctor('pglite', false)).ok).toBe(true)

    // What a process killed in the middle of an install leaves behind (its transaction was rolled back).
    const { id } = await t.db.insertInto('core_module_operation').values({
      module: 'crash_mod',
      operation: 'install',
      status: 'running',
      owner: '4242@crashed',
      plan: JSON.stringify({}),
      started_at: sql<Date>`now() - interval '1 minute'`,
    }).returning('id').executeTakeFirstOrThrow()

    await t.boot(crashMod, keep)
    const [entry] = await journal(t.db, 'crash_mod')
    expect(entry).toMatchObject({ id, status: 'interrupted' })
    expect(entry).toMatchObject({ error_code: 'modules.interrupted_operation', error_params: { operation: 'install' } })
    expect(errorOf(entry)?.message).toContain('interrupted')
    const [rest] = await listOperations(t.db, 'crash_mod', 10)
    expect(rest).toMatchObject({ id, status: 'interrupted', error: { code: 'modules.interrupted_operation', params: { operation: 'install' } } })
    expect(rest!.finished_at).not.toBeNull()

    const doctor = await t.platform.service.doctor('pglite', false)
    expect(doctor.ok).toBe(false)
    expect(doctor.stuck_operations).toEqual([])
    expect(doctor.interrupted_operations).toEqual([expect.objectContaining({
      id, module: 'crash_mod', operation: 'install', key: `interrupted:${id}`, acknowledged: false, code: 'modules.interrupted_operation',
    })])

    // Booting again changes nothing (an interrupted entry stays as it is).
    await t.boot(crashMod, keep)
    expect((await journal(t.db, 'crash_mod')).map(e => e.status)).toEqual(['interrupted'])

    // Unknown keys are refused and nothing is recorded.
    await expectOperationError(t.platform.service.acknowledge([`interrupted:${id}`, 'interrupted:nope'], null), 404, 'interrupted:nope')
    expect((await t.platform.service.doctor('pglite', false)).ok).toBe(false)

    await t.platform.service.acknowledge([`interrupted:${id}`], null)
    const after = await t.platform.service.doctor('pglite', false)
    expect(after.ok).toBe(true)
    expect(after.interrupted_operations).toEqual([expect.objectContaining({ id, acknowledged: true })])
    // Idempotent.
    await t.platform.service.acknowledge([`interrupted:${id}`], null)
    expect((await t.platform.service.doctor('pglite', false)).ok).toBe(true)
  })

  it('a running entry of this live process is never marked interrupted', async () => {
    const { id } = await t.db.insertInto('core_module_operation').values({
      module: 'crash_mod', operation: 'install', status: 'running', owner: (await import('../../server/platform/journal')).INSTANCE_ID, plan: JSON.stringify({}), started_at: sql<Date>`now()`,
    }).returning('id').executeTakeFirstOrThrow()
    await t.boot(crashMod, keep)
    expect((await journal(t.db, 'crash_mod')).find(e => e.id === id)?.status).toBe('running')
    await t.db.deleteFrom('core_module_operation').where('id', '=', id).execute()
  })
})

describe('a storage folder that cannot be used', () => {
  beforeAll(async () => {
    writeFileSync(join(t.storageDir, 'not-a-folder'), 'x')
    await t.boot(crashMod, keep)
    await t.platform.service.install('keep_mod')
    expect((await t.platform.applier.applyPending()).operations.map(o => o.status)).toEqual(['succeeded'])
  })

  const cases: [string, () => string][] = [
    ['a regular file', () => join(t.storageDir, 'not-a-folder')],
    ['a path under a regular file', () => join(t.storageDir, 'not-a-folder', 'below')],
    ['a folder of /proc (another process)', () => '/proc/1/dentalpin-storage'],
    ['a folder of /proc/self', () => '/proc/self/fd/dentalpin'],
    ['/sys', () => '/sys/kernel/dentalpin'],
  ]

  it.each(cases)('%s: an uninstall fails at backup with a clear error, within seconds, without blocking the event loop', async (_label, path) => {
    const dir = path()
    const saved = process.env.DENTALPIN_STORAGE_DIR
    process.env.DENTALPIN_STORAGE_DIR = dir
    try {
      const doctor = await t.platform.service.doctor('pglite', false)
      expect(doctor.storage).toMatchObject({ path: dir, ok: false, code: 'storage.unavailable', acknowledged: false })
      expect(doctor.ok).toBe(false)

      expect((await t.platform.service.uninstall('keep_mod', { force: true })).scheduled).toEqual(['keep_mod'])
      // The event loop keeps turning while the operation runs (a blocked loop counts no ticks).
      let ticks = 0
      const ticker = setInterval(() => ticks++, 20)
      const started = Date.now()
      const report = await t.platform.applier.applyPending()
      const elapsed = Date.now() - started
      clearInterval(ticker)
      expect(elapsed).toBeLessThan(6000)
      if (elapsed > 200) expect(ticks).toBeGreaterThan(0)

      expect(report.operations.map(o => [o.module, o.operation, o.status, o.failed_step])).toEqual([['keep_mod', 'uninstall', 'failed', 'backup']])
      const entry = (await journal(t.db, 'keep_mod')).at(-1)!
      expect(entry).toMatchObject({ operation: 'uninstall', status: 'failed', failed_step: 'backup' })
      expect(entry.error_code).toBe('modules.step_failed.backup')
      expect(entry.error_params?.detail).toContain('The storage folder cannot be used')
      expect(entry.error_params?.detail).toContain(dir)
      // The module keeps its state, schema and data.
      expect(await moduleRow(t.db, 'keep_mod')).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
      expect(await tableNames(t.db)).toContain('keep_mod')
      expect(await t.db.selectFrom('keep_mod' as any).select('code').execute()).toEqual([{ code: 'ROW' }])
      expect(t.platform.runtime.isInstalled('keep_mod')).toBe(true)
    }
    finally {
      process.env.DENTALPIN_STORAGE_DIR = saved
    }
  }, 20_000)

  it('with a usable folder again the same uninstall goes through and the doctor is happy about storage', async () => {
    expect((await t.platform.service.doctor('pglite', false)).storage).toMatchObject({ ok: true })
    await t.platform.service.uninstall('keep_mod', { force: true })
    const report = await t.platform.applier.applyPending()
    expect(report.operations.map(o => [o.module, o.status])).toEqual([['keep_mod', 'succeeded']])
    expect(await moduleRow(t.db, 'keep_mod')).toMatchObject({ state: 'uninstalled' })
  })
})
