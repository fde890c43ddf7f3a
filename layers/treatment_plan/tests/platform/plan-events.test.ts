// treatment_plan's events and handlers, in-process on a real database: each
// plan event published once, after the commit, with exactly the documented
// keys; appointment.completed performs exactly the ticked items (through the
// odontogram: one treatment.completed each, even when delivered twice); a
// treatment performed on the chart completes its item and then the plan.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { EVENT_KEYS, eventBus, transaction } from '#dentalpin'
import { setDatabase } from '../../../../server/db'
import { startPlatform, stopPlatform } from '../../../../server/platform'
import { openTestDb } from '../../../../tests/support/database'
import type { OpenTestDb } from '../../../../tests/support/database'
import { officialEntries } from '../../../../tests/support/official-modules'
import { useTempStorage } from '../../../../tests/support/platform-fixtures'
import { entryPerformSchema } from '#layers/odontogram/models'
import { performEntry } from '#layers/odontogram/server/published'
import type { OdontogramDb } from '#layers/odontogram/server/published'
import { itemAddSchema, planCreateSchema } from '../../models'
import type { Actor, TreatmentPlanDb } from '../../server/db'
import { addItem } from '../../server/services/items'
import { createPlan, getPlan } from '../../server/services/plans'
import { transition } from '../../server/services/transitions'
import { putVisitItems } from '../../server/services/visits'

const EVENTS = ['treatment_plan.created', 'treatment_plan.proposed', 'treatment_plan.accepted', 'treatment_plan.completed', 'treatment_plan.closed', 'treatment.completed'] as const
type Watched = (typeof EVENTS)[number]

let t: OpenTestDb
let db: Kysely<TreatmentPlanDb>
let storage: { restore: () => void }
let actor: Actor
let patientId: string
let composite: string
const seen: { event: Watched, payload: Record<string, unknown> }[] = []
const handlers = EVENTS.map(event => [event, (payload: Record<string, unknown>) => {
  seen.push({ event, payload })
}] as const)
const of = (event: Watched) => seen.filter(s => s.event === event).map(s => s.payload)

const newPlan = () => createPlan(db, actor, planCreateSchema.parse({ patient_id: patientId }))
const addFilling = (planId: string, tooth: number) => addItem(db, actor, planId, itemAddSchema.parse({ catalog_item_id: composite, teeth: [{ tooth, surfaces: ['O'] }] }))

async function appointment(): Promise<string> {
  const start = new Date(Date.now() + 86_400_000)
  const row = await db.insertInto('agenda_appointments').values({ clinic_id: actor.clinicId, patient_id: patientId, professional_id: actor.userId, start_time: start, end_time: new Date(start.getTime() + 1_800_000), status: 'in_treatment' }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  setDatabase(t.handle)
  db = t.db as unknown as Kysely<TreatmentPlanDb>
  const clinic = await db.insertInto('clinics').values({ name: 'Plans clinic', timezone: 'Europe/Madrid' }).returning('id').executeTakeFirstOrThrow()
  await startPlatform(t.db, officialEntries('patients', 'clinical_notes', 'agenda', 'catalog', 'odontogram', 'treatment_plan'))
  const user = await db.insertInto('users').values({ email: 'dentist@plans.test', first_name: 'Dora', last_name: 'Dent' }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('clinic_memberships').values({ clinic_id: clinic.id, user_id: user.id, role: 'dentist', is_professional: true }).execute()
  actor = { clinicId: clinic.id, userId: user.id, grants: ['*'] }
  patientId = (await db.insertInto('patients').values({ clinic_id: clinic.id, first_name: 'Ana', last_name: 'García' }).returning('id').executeTakeFirstOrThrow()).id
  // The catalog seeded the clinic at install: a composite filling at 55.00 for one surface.
  composite = (await db.selectFrom('catalog_items').select('id').where('clinic_id', '=', clinic.id).where('code', '=', 'RES-COMP').executeTakeFirstOrThrow()).id
  for (const [event, handler] of handlers) eventBus.subscribe(event, handler, 'plan-events-test')
})

afterEach(async () => {
  await eventBus.drain()
  seen.length = 0
})

afterAll(async () => {
  for (const [event, handler] of handlers) eventBus.unsubscribe(event, handler)
  await stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('treatment_plan events', () => {
  it('created, proposed (with the items and total), accepted: once each, exactly the documented keys', async () => {
    const plan = await newPlan()
    const facts = { plan_id: plan.id, patient_id: patientId, clinic_id: actor.clinicId, number: plan.number }
    expect(of('treatment_plan.created')).toEqual([facts])
    const a = await addFilling(plan.id, 16)
    const b = await addFilling(plan.id, 26)
    seen.length = 0
    await transition(db, actor, plan.id, 'propose')
    expect(seen.map(s => s.event)).toEqual(['treatment_plan.proposed'])
    const proposed = of('treatment_plan.proposed')[0]!
    expect(Object.keys(proposed).sort()).toEqual(['clinic_id', 'items', 'number', 'patient_id', 'plan_id', 'total'])
    expect(proposed).toEqual({ ...facts, total: '110.00', items: [a, b].map(i => ({
      item_id: i.id, treatment_id: i.treatment_id, catalog_item_id: composite, clinical_type: 'filling',
      teeth: i.treatment.teeth, price: '55.00', phase: 3, sessions: i.sessions,
    })) })
    seen.length = 0
    await transition(db, actor, plan.id, 'accept')
    expect(seen).toEqual([{ event: 'treatment_plan.accepted', payload: facts }])
    seen.length = 0
    await transition(db, actor, plan.id, 'close', { reason: 'patient_abandoned', note: null })
    expect(seen).toEqual([{ event: 'treatment_plan.closed', payload: { ...facts, reason: 'patient_abandoned' } }])
  })

  it('appointment.completed performs exactly the ticked items, one treatment.completed each, once even if delivered twice', async () => {
    const plan = await newPlan()
    const [a, b, c] = [await addFilling(plan.id, 36), await addFilling(plan.id, 37), await addFilling(plan.id, 46)]
    await transition(db, actor, plan.id, 'propose')
    await transition(db, actor, plan.id, 'accept')
    const visit = await appointment()
    await putVisitItems(db, actor, visit, { items: [{ item_id: a.id, done: true }, { item_id: b.id, done: false }, { item_id: c.id, done: true }] })
    seen.length = 0
    // The agenda's minimum payload: only the appointment id.
    eventBus.publish('appointment.completed', { appointment_id: visit })
    await eventBus.drain()
    eventBus.publish('appointment.completed', { appointment_id: visit })
    await eventBus.drain()
    const completed = of('treatment.completed')
    expect(completed.map(p => p.treatment_id).sort()).toEqual([a.treatment_id, c.treatment_id].sort())
    for (const p of completed) for (const key of EVENT_KEYS['treatment.completed']) expect(p).toHaveProperty(key)
    const detail = await getPlan(db, actor, plan.id)
    expect(detail.items.map(i => [i.id, i.status])).toEqual([[a.id, 'completed'], [b.id, 'pending'], [c.id, 'completed']])
    expect(detail.status).toBe('accepted')
    expect(of('treatment_plan.completed')).toEqual([])

    // The last one performed on the chart: the item completes through treatment.completed, then the plan.
    seen.length = 0
    await performEntry(db as unknown as Kysely<OdontogramDb>, actor, b.treatment_id, entryPerformSchema.parse({}))
    await eventBus.drain()
    expect(of('treatment.completed').map(p => p.treatment_id)).toEqual([b.treatment_id])
    expect(of('treatment_plan.completed')).toEqual([{ plan_id: plan.id, patient_id: patientId, clinic_id: actor.clinicId, number: plan.number }])
    expect((await getPlan(db, actor, plan.id)).status).toBe('completed')
    // Delivered again: nothing more.
    seen.length = 0
    eventBus.publish('treatment.completed', { treatment_id: b.treatment_id, patient_id: patientId, clinic_id: actor.clinicId })
    await eventBus.drain()
    expect(of('treatment_plan.completed')).toEqual([])
  })

  it('publishes nothing and saves nothing when the unit of work rolls back', async () => {
    const plan = await newPlan()
    await addFilling(plan.id, 47)
    seen.length = 0
    await expect(transaction(db, async (trx) => {
      await transition(trx, actor, plan.id, 'propose')
      throw new Error('the proposal could not be sent')
    })).rejects.toThrow('the proposal could not be sent')
    await eventBus.drain()
    expect(seen).toEqual([])
    expect((await getPlan(db, actor, plan.id)).status).toBe('draft')
  })
})
