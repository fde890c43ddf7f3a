import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventBus } from '../../server/platform/events/bus'
import { PostgresEventRelay } from '../../server/platform/events/relay'
import { openTestDb } from '../support/database'
import type { OpenTestDb } from '../support/database'
import { testDatabaseKind } from '../support/server'

// Two instances on one PostgreSQL database: an event published on one reaches
// the subscribers of the other (LISTEN/NOTIFY). PGlite has one process by design.
describe.runIf(testDatabaseKind() === 'postgres')('events across instances', () => {
  let t: OpenTestDb
  let a: { bus: EventBus, relay: PostgresEventRelay }
  let b: { bus: EventBus, relay: PostgresEventRelay }

  beforeAll(async () => {
    t = await openTestDb()
    const url = t.database.env.DATABASE_URL!
    const make = async () => {
      const bus = new EventBus()
      const relay = new PostgresEventRelay(url, bus)
      await relay.start()
      return { bus, relay }
    }
    a = await make()
    b = await make()
  })
  afterAll(async () => {
    await a?.relay.close()
    await b?.relay.close()
    await t?.close()
  })

  async function until(check: () => boolean, ms = 5000) {
    const deadline = Date.now() + ms
    while (!check() && Date.now() < deadline) await new Promise(r => setTimeout(r, 20))
  }

  it('delivers once on each instance, never echoed back to the publisher', async () => {
    const onA: string[] = []
    const onB: string[] = []
    a.bus.subscribe('invoice.paid', p => onA.push(p.invoice_id))
    b.bus.subscribe('invoice.paid', p => onB.push(p.invoice_id))
    a.bus.publish('invoice.paid', { invoice_id: 'inv-1', clinic_id: 'c1' })
    await until(() => onB.length > 0)
    await new Promise(r => setTimeout(r, 200))
    expect(onA).toEqual(['inv-1'])
    expect(onB).toEqual(['inv-1'])
  })

  it('runs a publisherOnly handler (one that writes data) only on the publishing instance', async () => {
    const writes: string[] = []
    const seenRemotely: string[] = []
    a.bus.subscribe('invoice.sent', p => writes.push(`a:${p.invoice_id}`), 'test', { publisherOnly: true })
    b.bus.subscribe('invoice.sent', p => writes.push(`b:${p.invoice_id}`), 'test', { publisherOnly: true })
    b.bus.subscribe('invoice.sent', p => seenRemotely.push(p.invoice_id))
    a.bus.publish('invoice.sent', { invoice_id: 'inv-2', clinic_id: 'c1' })
    await until(() => seenRemotely.length > 0)
    await new Promise(r => setTimeout(r, 200))
    // The relay did reach b (its everyInstance subscriber saw it), yet the data writer ran once.
    expect(seenRemotely).toEqual(['inv-2'])
    expect(writes).toEqual(['a:inv-2'])
  })

  it('relays only committed units of work', async () => {
    const onB: string[] = []
    b.bus.subscribe('budget.sent', p => onB.push(p.budget_id))
    await expect(a.bus.unitOfWork(async () => {
      a.bus.publish('budget.sent', { budget_id: 'rolled-back', clinic_id: 'c1' })
      throw new Error('rollback')
    })).rejects.toThrow('rollback')
    await a.bus.unitOfWork(async () => a.bus.publish('budget.sent', { budget_id: 'committed', clinic_id: 'c1' }))
    await until(() => onB.length > 0)
    await new Promise(r => setTimeout(r, 200))
    expect(onB).toEqual(['committed'])
  })
})
