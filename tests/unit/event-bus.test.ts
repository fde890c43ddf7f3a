import { describe, expect, expectTypeOf, it } from 'vitest'
import { EventBus } from '../../server/platform/events/bus'
import { EVENT_KEYS, EVENT_TYPES } from '../../server/platform/events/catalog'
import type { PayloadOf } from '../../server/platform/events/catalog'

describe('event bus', () => {
  it('delivers at once outside a unit of work, to handlers in subscription order', () => {
    const bus = new EventBus()
    const calls: string[] = []
    bus.subscribe('patient.created', () => calls.push('a'))
    bus.subscribe('patient.created', () => calls.push('b'))
    bus.publish('patient.created', { patient_id: 'p1', clinic_id: 'c1' })
    expect(calls).toEqual(['a', 'b'])
  })

  it('holds events until the unit of work resolves, and drops them when it throws', async () => {
    const bus = new EventBus()
    const seen: string[] = []
    bus.subscribe('patient.created', p => seen.push(p.patient_id))

    await bus.unitOfWork(async () => {
      bus.publish('patient.created', { patient_id: 'committed', clinic_id: 'c' })
      expect(seen).toEqual([])
    })
    expect(seen).toEqual(['committed'])

    await expect(bus.unitOfWork(async () => {
      bus.publish('patient.created', { patient_id: 'rolled-back', clinic_id: 'c' })
      throw new Error('constraint violated')
    })).rejects.toThrow('constraint violated')
    expect(seen).toEqual(['committed'])
  })

  it('joins nested units of work to the outer one', async () => {
    const bus = new EventBus()
    const seen: string[] = []
    bus.subscribe('patient.archived', p => seen.push(p.patient_id))
    await expect(bus.unitOfWork(async () => {
      await bus.unitOfWork(async () => bus.publish('patient.archived', { patient_id: 'inner', clinic_id: 'c' }))
      expect(seen).toEqual([])
      throw new Error('outer fails')
    })).rejects.toThrow()
    expect(seen).toEqual([])
  })

  it('keeps a throwing handler away from the publisher and the other handlers', () => {
    const bus = new EventBus()
    const seen: string[] = []
    bus.subscribe('invoice.paid', () => {
      throw new Error('handler bug')
    }, 'billing')
    bus.subscribe('invoice.paid', p => seen.push(p.invoice_id))
    expect(() => bus.publish('invoice.paid', { invoice_id: 'i1', clinic_id: 'c' })).not.toThrow()
    expect(seen).toEqual(['i1'])
  })

  it('runs async handlers in the background and drain() awaits them, failures included', async () => {
    const bus = new EventBus()
    const done: string[] = []
    bus.subscribe('budget.sent', async (p) => {
      await new Promise(r => setTimeout(r, 30))
      done.push(p.budget_id)
      // A handler may publish again; drain waits for that work too.
      bus.publish('budget.accepted', { budget_id: p.budget_id, clinic_id: p.clinic_id })
    })
    bus.subscribe('budget.sent', async () => {
      throw new Error('async failure')
    })
    bus.subscribe('budget.accepted', async (p) => {
      await new Promise(r => setTimeout(r, 10))
      done.push(`accepted:${p.budget_id}`)
    })
    bus.publish('budget.sent', { budget_id: 'b1', clinic_id: 'c' })
    expect(done).toEqual([])
    await bus.drain()
    expect(done).toEqual(['b1', 'accepted:b1'])
  })

  it('unsubscribes one handler or everything a module owns', () => {
    const bus = new EventBus()
    const seen: string[] = []
    const mine = () => seen.push('mine')
    bus.subscribe('appointment.completed', mine, 'timeline')
    bus.subscribe('appointment.cancelled', () => seen.push('other'), 'timeline')
    bus.subscribe('appointment.completed', () => seen.push('core'))
    bus.unsubscribe('appointment.completed', mine)
    bus.publish('appointment.completed', { appointment_id: 'a' })
    bus.unsubscribeOwner('timeline')
    bus.publish('appointment.cancelled', { appointment_id: 'a' })
    expect(seen).toEqual(['core'])
    expect(bus.subscribers('appointment.cancelled')).toEqual([])
  })
})

describe('event catalog', () => {
  it('lists the 20 events of the core catalog, clinic.created and the two clinical_note events', () => {
    expect(EVENT_TYPES).toHaveLength(23)
    expect(EVENT_KEYS['clinical_note.created']).toEqual(['note_id', 'patient_id', 'clinic_id', 'type'])
    expect(EVENT_KEYS['document.uploaded']).toEqual(['document_id', 'patient_id', 'clinic_id', 'title', 'document_type'])
    expect(EVENT_KEYS['payment.recorded']).toEqual(['payment_id', 'invoice_id', 'clinic_id'])
  })

  it('types the richer payloads of the official modules as optional keys, the documented ones as required', () => {
    expect(EVENT_KEYS['appointment.scheduled']).toEqual(['appointment_id', 'patient_id', 'clinic_id'])
    expect(EVENT_KEYS['appointment.completed']).toEqual(['appointment_id'])
    // Checked by `npm run typecheck`.
    type Scheduled = PayloadOf<'appointment.scheduled'>
    expectTypeOf<Scheduled['clinic_id']>().toEqualTypeOf<string>()
    expectTypeOf<Scheduled['reason']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<PayloadOf<'appointment.updated'>['status']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<PayloadOf<'appointment.cancelled'>['patient_id']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<PayloadOf<'appointment.no_show'>['note']>().toEqualTypeOf<string | null | undefined>()
  })
})
