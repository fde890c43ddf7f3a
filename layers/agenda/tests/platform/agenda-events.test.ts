// The agenda's events, in-process on a real database: each of the five is
// published once per operation, after the commit, with the catalog's keys and
// the richer keys the README documents; a refused operation publishes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { EVENT_KEYS, eventBus } from '#dentalpin'
import type { DomainError, EventType } from '#dentalpin'
import { cancelAppointment, createAppointment, transitionAppointment, updateAppointment } from '../../server/services/appointments'
import { agendaWorld } from './world'

const AGENDA_EVENTS = ['appointment.scheduled', 'appointment.updated', 'appointment.completed', 'appointment.cancelled', 'appointment.no_show'] as const
type AgendaEvent = (typeof AGENDA_EVENTS)[number]

// The payload keys the README documents, exactly.
const SCHEDULED_KEYS = ['appointment_id', 'clinic_id', 'end_time', 'patient_id', 'professional_id', 'reason', 'start_time']
const UPDATED_KEYS = ['appointment_id', 'changes', 'clinic_id', 'end_time', 'patient_id', 'start_time', 'status']
const CLOSED_KEYS = ['appointment_id', 'clinic_id', 'end_time', 'note', 'patient_id', 'professional_id', 'start_time']

const world = agendaWorld('Events clinic')
let patientId: string
const seen: { event: AgendaEvent, payload: Record<string, unknown> }[] = []
const handlers = AGENDA_EVENTS.map(event => [event, (payload: Record<string, unknown>) => {
  seen.push({ event, payload })
}] as const)

let hour = 0
/** A fresh hour-long slot each call, so tests never collide. */
function slot() {
  hour += 2
  const start = new Date(Date.UTC(2026, 8, 1, 6) + hour * 3_600_000)
  return { start_time: start.toISOString(), end_time: new Date(start.getTime() + 3_600_000).toISOString() }
}

async function book(extra: Record<string, unknown> = {}) {
  return createAppointment(world.db, world.actor, {
    patient_id: patientId, professional_id: world.actor.userId, cabinet_id: null, reason: null, notes: null, ...slot(), ...extra,
  })
}

async function rejects(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error, 'the operation should be refused').toBeTruthy()
  return error as DomainError
}

function only(event: AgendaEvent) {
  expect(seen.map(s => s.event)).toEqual([event])
  return seen[0]!.payload
}

function expectCatalogKeys(event: AgendaEvent, payload: Record<string, unknown>) {
  for (const key of EVENT_KEYS[event as EventType]) expect(Object.keys(payload), `${event}.${String(key)}`).toContain(key)
}

beforeAll(async () => {
  const patient = await world.db.insertInto('patients').values({
    clinic_id: world.actor.clinicId, first_name: 'Ana', last_name: 'García', phone: null, email: null, date_of_birth: null, gender: null,
    national_id: null, national_id_type: null, address: null, notes: null, billing_name: null, billing_tax_id: null,
    billing_address: null, billing_email: null, last_visit_at: null, archived_at: null,
  }).returning('id').executeTakeFirstOrThrow()
  patientId = patient.id
  for (const [event, handler] of handlers) eventBus.subscribe(event, handler, 'agenda-events-test')
})

afterEach(() => {
  seen.length = 0
})

afterAll(async () => {
  for (const [event, handler] of handlers) eventBus.unsubscribe(event, handler)
})

describe('agenda events', () => {
  it('appointment.scheduled: once, with exactly the documented keys', async () => {
    const s = slot()
    const appointment = await createAppointment(world.db, world.actor, {
      patient_id: patientId, professional_id: world.actor.userId, cabinet_id: world.cabinetId, reason: 'Check-up', notes: null, ...s,
    })
    const payload = only('appointment.scheduled')
    expectCatalogKeys('appointment.scheduled', payload)
    expect(Object.keys(payload).sort()).toEqual(SCHEDULED_KEYS)
    expect(payload).toEqual({
      appointment_id: appointment.id, clinic_id: world.actor.clinicId, patient_id: patientId, professional_id: world.actor.userId,
      start_time: s.start_time, end_time: s.end_time, reason: 'Check-up',
    })
  })

  it('appointment.scheduled carries patient_id null for a blocked slot', async () => {
    await book({ patient_id: null })
    expect(only('appointment.scheduled')).toMatchObject({ patient_id: null })
  })

  it('appointment.updated: once per change, naming the changed fields; no change, no event', async () => {
    const appointment = await book()
    seen.length = 0
    const moved = slot()
    await updateAppointment(world.db, world.actor, appointment.id, { ...moved, reason: 'Moved' })
    const payload = only('appointment.updated')
    expectCatalogKeys('appointment.updated', payload)
    expect(Object.keys(payload).sort()).toEqual(UPDATED_KEYS)
    expect(payload).toEqual({
      appointment_id: appointment.id, clinic_id: world.actor.clinicId, patient_id: patientId,
      changes: ['start_time', 'end_time', 'reason'], status: 'scheduled', start_time: moved.start_time, end_time: moved.end_time,
    })

    seen.length = 0
    // The same values again (one in another offset) and nothing else: nothing changes.
    const sameStart = new Date(moved.start_time)
    const inMadrid = `${new Date(sameStart.getTime() + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`
    await updateAppointment(world.db, world.actor, appointment.id, { start_time: inMadrid, reason: 'Moved' })
    await updateAppointment(world.db, world.actor, appointment.id, {})
    expect(seen).toEqual([])
  })

  it('confirm, check-in and seating publish appointment.updated with the status (and the cabinet)', async () => {
    const appointment = await book()
    seen.length = 0
    await transitionAppointment(world.db, world.actor, appointment.id, { to_status: 'confirmed', note: null })
    expect(only('appointment.updated')).toMatchObject({ appointment_id: appointment.id, changes: ['status'], status: 'confirmed' })
    seen.length = 0
    await transitionAppointment(world.db, world.actor, appointment.id, { to_status: 'checked_in', note: null })
    expect(only('appointment.updated')).toMatchObject({ changes: ['status'], status: 'checked_in' })
    seen.length = 0
    await transitionAppointment(world.db, world.actor, appointment.id, { to_status: 'in_treatment', note: null, cabinet_id: world.cabinetId })
    const payload = only('appointment.updated')
    expect(Object.keys(payload).sort()).toEqual(UPDATED_KEYS)
    expect(payload).toMatchObject({ changes: ['status', 'cabinet_id'], status: 'in_treatment' })
  })

  it.each([
    ['appointment.completed', ['checked_in', 'in_treatment', 'completed']],
    ['appointment.cancelled', ['confirmed', 'cancelled']],
    ['appointment.no_show', ['no_show']],
  ] as const)('%s: once, with the catalog keys and the documented richer ones', async (event, path) => {
    const s = slot()
    const appointment = await createAppointment(world.db, world.actor, {
      patient_id: patientId, professional_id: world.actor.userId, cabinet_id: world.cabinetId, reason: null, notes: null, ...s,
    })
    for (const to of path.slice(0, -1)) await transitionAppointment(world.db, world.actor, appointment.id, { to_status: to, note: null })
    seen.length = 0
    await transitionAppointment(world.db, world.actor, appointment.id, { to_status: path.at(-1)!, note: 'Done for today' })
    const payload = only(event)
    expectCatalogKeys(event, payload)
    expect(Object.keys(payload).sort()).toEqual(CLOSED_KEYS)
    expect(payload).toEqual({
      appointment_id: appointment.id, clinic_id: world.actor.clinicId, patient_id: patientId, professional_id: world.actor.userId,
      start_time: s.start_time, end_time: s.end_time, note: 'Done for today',
    })
  })

  it('the patients module hears appointment.completed: the visit becomes the patient\'s last visit', async () => {
    const s = { start_time: '2027-01-11T09:00:00.000Z', end_time: '2027-01-11T09:30:00.000Z' }
    const appointment = await createAppointment(world.db, world.actor, {
      patient_id: patientId, professional_id: world.actor.userId, cabinet_id: world.cabinetId, reason: null, notes: null, ...s,
    })
    for (const to of ['checked_in', 'in_treatment', 'completed'] as const) await transitionAppointment(world.db, world.actor, appointment.id, { to_status: to, note: null })
    await eventBus.drain()
    const patient = await world.db.selectFrom('patients').select('last_visit_at').where('id', '=', patientId).executeTakeFirstOrThrow()
    expect(new Date(patient.last_visit_at!).toISOString()).toBe(s.start_time)
  })

  it('cancelling through delete publishes appointment.cancelled once, note null', async () => {
    const appointment = await book()
    seen.length = 0
    await cancelAppointment(world.db, world.actor, appointment.id)
    expect(only('appointment.cancelled')).toMatchObject({ appointment_id: appointment.id, note: null })
  })

  it('refused operations publish nothing and save nothing', async () => {
    const taken = await book({ cabinet_id: world.cabinetId })
    const closed = await book()
    await cancelAppointment(world.db, world.actor, closed.id)
    const before = await world.db.selectFrom('agenda_appointments').select(['id', 'status', 'start_time', 'cabinet_id']).orderBy('id').execute()
    const historyBefore = await world.db.selectFrom('agenda_appointment_history').select('id').execute()
    seen.length = 0

    // One at a time: each must be refused on its own.
    const refusals: [() => Promise<unknown>, number, string][] = [
      // Overlap with the professional's own booking.
      [() => createAppointment(world.db, world.actor, { patient_id: patientId, professional_id: world.actor.userId, cabinet_id: null, reason: null, notes: null, start_time: taken.start_time, end_time: taken.end_time }), 409, 'agenda.professional_busy'],
      [() => updateAppointment(world.db, world.actor, closed.id, { reason: 'Too late' }), 409, 'agenda.appointment_closed'],
      [() => transitionAppointment(world.db, world.actor, taken.id, { to_status: 'scheduled', note: null }), 409, 'agenda.same_status'],
      [() => transitionAppointment(world.db, world.actor, taken.id, { to_status: 'completed', note: null }), 400, 'agenda.illegal_transition'],
      [() => transitionAppointment(world.db, world.actor, closed.id, { to_status: 'confirmed', note: null }), 400, 'agenda.illegal_transition'],
      [() => cancelAppointment(world.db, world.actor, closed.id), 409, 'agenda.same_status'],
      [() => createAppointment(world.db, world.actor, { patient_id: '00000000-0000-4000-8000-000000000000', professional_id: world.actor.userId, cabinet_id: null, reason: null, notes: null, ...slot() }), 422, 'agenda.patient_not_found'],
    ]
    for (const [run, status, code] of refusals) {
      const error = await rejects(run())
      expect([error.status, error.code]).toEqual([status, code])
    }
    // in_treatment without a cabinet: drive it to checked_in first (that publishes), then refuse.
    const seatless = await book()
    await transitionAppointment(world.db, world.actor, seatless.id, { to_status: 'checked_in', note: null })
    seen.length = 0
    const error = await rejects(transitionAppointment(world.db, world.actor, seatless.id, { to_status: 'in_treatment', note: null }))
    expect([error.status, error.code]).toEqual([400, 'agenda.cabinet_required'])
    expect(seen).toEqual([])

    const after = await world.db.selectFrom('agenda_appointments').select(['id', 'status', 'start_time', 'cabinet_id']).where('id', '!=', seatless.id).orderBy('id').execute()
    expect(after).toEqual(before)
    const historyAfter = await world.db.selectFrom('agenda_appointment_history').select('id').where('appointment_id', '!=', seatless.id).execute()
    expect(historyAfter).toHaveLength(historyBefore.length)
  })
})
