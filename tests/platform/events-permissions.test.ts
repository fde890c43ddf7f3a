// What an installed module contributes at run time and only then: event
// handlers, role grants, per-clinic seed data (docs/core-api.md "Event bus",
// "Permissions"; docs/creating-modules.md "Seed data");
// events of an install hook go out only after the commit; concurrent
// scheduling is refused with a 409 and leaves the database consistent.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clinicCreated } from '../../server/auth/hooks'
import { concretePermissions } from '../../server/auth/permissions'
import { transaction } from '../../server/db/transaction'
import { ModuleOperationError } from '../../server/platform/errors'
import { eventBus } from '../../server/platform/events/bus'
import type { ModuleContext } from '../../server/platform/module'
import { createClinic, defineTestModule, journal, moduleRow, tableNames, usePlatformSuite } from '../support/platform-fixtures'

const pings: unknown[] = []
const writes: unknown[] = []
const listener = defineTestModule({
  name: 'ev_listener',
  tables: ['ev_listener'],
  permissions: ['read', 'write'],
  role_permissions: { hygienist: ['read'], dentist: ['*'] },
  eventHandlers: {
    'ev.ping': (payload: { n: number }) => { pings.push(payload.n) },
    // A handler that writes data: not run for events relayed from other instances.
    'ev.write': { handler: (payload: { n: number }) => { writes.push(payload.n) }, publisherOnly: true },
  },
})

const order: string[] = []
const publishingHook = (extra?: (ctx: ModuleContext) => Promise<void>) => async (ctx: ModuleContext) => {
  ctx.eventBus.publish('ev.installed', { module: ctx.moduleName })
  order.push(`published:${ctx.moduleName}`)
  await extra?.(ctx)
  order.push(`hook returned:${ctx.moduleName}`)
}
const pubOk = defineTestModule({ name: 'ev_pub_ok', tables: ['ev_pub_ok'], hooks: { install: publishingHook() } })
const pubHookFails = defineTestModule({ name: 'ev_pub_hook_fail', tables: ['ev_pub_hook_fail'], hooks: { install: publishingHook() }, faults: { install: true } })
// Its hook succeeds but makes the next step (finalize) fail: a check constraint the state change violates.
const pubLate = defineTestModule({
  name: 'ev_pub_late',
  tables: ['ev_pub_late'],
  hooks: {
    install: publishingHook(async (ctx) => {
      await sql`alter table core_module add constraint ev_block check (name <> 'ev_pub_late' or state <> 'installed') not valid`.execute(ctx.db)
    }),
  },
})

const tenant = defineTestModule({
  name: 'ev_tenant',
  tables: [{ name: 'ev_tenant', tenant: true }],
  data: {
    'data/defaults.yaml': [
      { id: 'welcome', table: 'ev_tenant', values: { code: 'WELCOME', label: 'Welcome' } },
      { id: 'recall', table: 'ev_tenant', values: { code: 'RECALL', label: 'Recall' }, noupdate: true },
    ],
  },
})
const race = defineTestModule({ name: 'ev_race', tables: ['ev_race'] })

const t = usePlatformSuite([listener, pubOk, pubHookFails, pubLate, tenant, race])

afterAll(() => {
  eventBus.unsubscribeOwner('test')
})

async function installNow(name: string) {
  expect((await t.platform.service.install(name)).scheduled).toEqual([name])
  return t.platform.applier.applyPending()
}

async function uninstallNow(name: string) {
  expect((await t.platform.service.uninstall(name)).scheduled).toEqual([name])
  return t.platform.applier.applyPending()
}

async function ping(n: number): Promise<void> {
  eventBus.publish('ev.ping', { n })
  await eventBus.drain()
}

describe('event handlers and role grants follow the installed state', () => {
  it('are off before install, on while installed, off again after uninstall', async () => {
    await ping(1)
    expect(pings).toEqual([])
    expect(eventBus.subscribers('ev.ping')).toEqual([])
    expect(concretePermissions('hygienist')).toEqual([])
    expect(concretePermissions('dentist')).toEqual([])

    expect((await installNow('ev_listener')).operations.map(o => o.status)).toEqual(['succeeded'])
    await ping(2)
    expect(pings).toEqual([2])
    expect(eventBus.subscribers('ev.ping')).toEqual([{ owner: 'ev_listener' }])
    // Relayed from another instance: the ordinary handler runs, the publisherOnly one does not.
    eventBus.receive('ev.ping', { n: 20 })
    eventBus.receive('ev.write', { n: 21 })
    eventBus.publish('ev.write', { n: 22 })
    await eventBus.drain()
    expect(pings).toEqual([2, 20])
    expect(writes).toEqual([22])
    pings.length = 0
    pings.push(2)
    expect(concretePermissions('hygienist')).toEqual(['ev_listener.read'])
    expect(concretePermissions('dentist')).toEqual(['ev_listener.read', 'ev_listener.write'])
    expect(concretePermissions('receptionist')).toEqual([])
    expect(concretePermissions('admin')).toEqual([
      'admin.clinic.read',
      'admin.clinic.write',
      'admin.users.read',
      'admin.users.write',
      'ev_listener.read',
      'ev_listener.write',
    ])

    expect((await uninstallNow('ev_listener')).operations.map(o => o.status)).toEqual(['succeeded'])
    await ping(3)
    expect(pings).toEqual([2])
    expect(eventBus.subscribers('ev.ping')).toEqual([])
    expect(concretePermissions('hygienist')).toEqual([])
    expect(concretePermissions('dentist')).toEqual([])
    expect(concretePermissions('admin')).toEqual(['admin.clinic.read', 'admin.clinic.write', 'admin.users.read', 'admin.users.write'])

    // And back on after a reinstall, once.
    await installNow('ev_listener')
    await ping(4)
    expect(pings).toEqual([2, 4])
    expect(concretePermissions('hygienist')).toEqual(['ev_listener.read'])
  })
})

describe('events published by an install hook', () => {
  const delivered: { module: string, state: string | undefined }[] = []
  beforeAll(() => {
    eventBus.subscribe('ev.installed', (payload) => {
      const module = payload.module as string
      order.push(`delivered:${module}`)
      // What the rest of the system sees when the event arrives: the committed row.
      return t.db.selectFrom('core_module').select('state').where('name', '=', module).executeTakeFirst()
        .then((row) => {
          delivered.push({ module, state: row?.state })
        })
    }, 'test')
  })

  it('are delivered after the operation commits', async () => {
    const report = await installNow('ev_pub_ok')
    expect(report.operations.map(o => o.status)).toEqual(['succeeded'])
    await eventBus.drain()
    expect(order).toEqual(['published:ev_pub_ok', 'hook returned:ev_pub_ok', 'delivered:ev_pub_ok'])
    expect(delivered).toEqual([{ module: 'ev_pub_ok', state: 'installed' }])
  })

  it('are dropped when the hook fails after publishing', async () => {
    order.length = 0
    const report = await installNow('ev_pub_hook_fail')
    expect(report.operations.map(o => [o.status, o.failed_step])).toEqual([['failed', 'hook']])
    await eventBus.drain()
    expect(order).toEqual(['published:ev_pub_hook_fail', 'hook returned:ev_pub_hook_fail'])
    expect(delivered.map(d => d.module)).toEqual(['ev_pub_ok'])
  })

  it('are dropped when a later step (finalize) fails', async () => {
    order.length = 0
    const report = await installNow('ev_pub_late')
    expect(report.operations.map(o => [o.status, o.failed_step])).toEqual([['failed', 'finalize']])
    expect(report.operations[0]!.error?.message).toContain('ev_block')
    await eventBus.drain()
    expect(order).toEqual(['published:ev_pub_late', 'hook returned:ev_pub_late'])
    expect(delivered.map(d => d.module)).toEqual(['ev_pub_ok'])
    // Everything the hook did was rolled back with it.
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_constraint where conname = 'ev_block'`.execute(t.db)
    expect(rows[0]!.n).toBe(0)
    expect(await moduleRow(t.db, 'ev_pub_late')).toMatchObject({ state: 'uninstalled', installed_version: null })
    expect(await tableNames(t.db)).not.toContain('ev_pub_late')
  })
})

describe('per-clinic seed data', () => {
  it('is created for every clinic at install and for a clinic created later, in its own transaction', async () => {
    const a = await createClinic(t.db, 'Clinic A')
    const b = await createClinic(t.db, 'Clinic B')
    await installNow('ev_tenant')

    const rowsOf = async () => (await t.db.selectFrom('ev_tenant' as any).select(['clinic_id', 'code']).execute())
      .map(r => `${r.clinic_id}:${r.code}`).sort()
    expect(await rowsOf()).toEqual([`${a}:RECALL`, `${a}:WELCOME`, `${b}:RECALL`, `${b}:WELCOME`].sort())
    const tracked = await t.db.selectFrom('core_module_record').select(['external_id', 'clinic_id']).where('module', '=', 'ev_tenant').execute()
    expect(tracked.map(r => `${r.clinic_id}:${r.external_id}`).sort()).toEqual([`${a}:recall`, `${a}:welcome`, `${b}:recall`, `${b}:welcome`].sort())

    const created: string[] = []
    eventBus.subscribe('clinic.created', (p) => {
      created.push(p.clinic_id)
    }, 'test')

    const c = await transaction(t.db, async (trx) => {
      const id = (await trx.insertInto('clinics').values({ name: 'Clinic C' }).returning('id').executeTakeFirstOrThrow()).id
      await clinicCreated({ clinic_id: id, db: trx })
      expect(created).toEqual([])
      return id
    })
    await eventBus.drain()
    expect(created).toEqual([c])
    expect(await rowsOf()).toEqual([`${a}:RECALL`, `${a}:WELCOME`, `${b}:RECALL`, `${b}:WELCOME`, `${c}:RECALL`, `${c}:WELCOME`].sort())

    // A clinic whose creation rolls back leaves no seed data and no event.
    let rolledBack = ''
    await expect(transaction(t.db, async (trx) => {
      rolledBack = (await trx.insertInto('clinics').values({ name: 'Clinic D' }).returning('id').executeTakeFirstOrThrow()).id
      await clinicCreated({ clinic_id: rolledBack, db: trx })
      throw new Error('setup failed later')
    })).rejects.toThrow('setup failed later')
    await eventBus.drain()
    expect(created).toEqual([c])
    expect((await rowsOf()).filter(r => r.startsWith(rolledBack))).toEqual([])
    expect(await t.db.selectFrom('core_module_record').select('id').where('clinic_id', '=', rolledBack).execute()).toEqual([])
  })

  it('is not created for new clinics once the module is uninstalled', async () => {
    await uninstallNow('ev_tenant')
    const before = await t.db.selectFrom('core_module_record').select('id').where('module', '=', 'ev_tenant').execute()
    expect(before).toEqual([])
    const e = await transaction(t.db, async (trx) => {
      const id = (await trx.insertInto('clinics').values({ name: 'Clinic E' }).returning('id').executeTakeFirstOrThrow()).id
      await clinicCreated({ clinic_id: id, db: trx })
      return id
    })
    await eventBus.drain()
    expect(await t.db.selectFrom('clinics').select('id').where('id', '=', e).execute()).toEqual([{ id: e }])
    expect(await t.db.selectFrom('core_module_record').select('id').where('module', '=', 'ev_tenant').execute()).toEqual([])
  })
})

describe('concurrency', () => {
  it('two concurrent install() calls: one schedules, the other is a 409; the database stays consistent', async () => {
    const results = await Promise.allSettled([t.platform.service.install('ev_race'), t.platform.service.install('ev_race')])
    const fulfilled = results.filter(r => r.status === 'fulfilled')
    const rejected = results.filter(r => r.status === 'rejected')
    expect(fulfilled.map(r => r.value.scheduled)).toEqual([['ev_race']])
    expect(rejected).toHaveLength(1)
    const error = rejected[0]!.reason
    expect(error).toBeInstanceOf(ModuleOperationError)
    expect((error as ModuleOperationError).status).toBe(409)
    expect(await moduleRow(t.db, 'ev_race')).toMatchObject({ state: 'to_install', installed_version: null })

    // Two concurrent applies: one runs the batch, the other is refused.
    const applies = await Promise.allSettled([t.platform.applier.applyPending(), t.platform.applier.applyPending()])
    const ran = applies.filter(r => r.status === 'fulfilled')
    expect(ran.map(r => r.value.operations.map(o => [o.module, o.status]))).toEqual([[['ev_race', 'succeeded']]])
    const refused = applies.find(r => r.status === 'rejected')!.reason as ModuleOperationError
    expect(refused).toBeInstanceOf(ModuleOperationError)
    expect(refused.status).toBe(409)

    expect(await moduleRow(t.db, 'ev_race')).toMatchObject({ state: 'installed', installed_version: '1.0.0' })
    expect((await journal(t.db, 'ev_race')).map(e => [e.operation, e.status])).toEqual([['install', 'succeeded']])
    expect((await t.db.selectFrom('core_migration').select('name').where('history', '=', 'ev_race').execute()).map(r => r.name))
      .toEqual(['20260101000000_create_ev_race'])
    expect((await t.platform.service.status()).pending).toEqual([])
  })
})
