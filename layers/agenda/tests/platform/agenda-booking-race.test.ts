// Concurrent bookings of one slot, in-process: exactly one wins for a
// professional and for a cabinet. On PostgreSQL the requests really run in
// parallel on separate connections (without the advisory locks all of them
// succeed); on PGlite they serialise on its single connection.
import { describe, expect, it } from 'vitest'
import type { DomainError } from '#dentalpin'
import type { Actor } from '../../server/db'
import { createAppointment, transitionAppointment, updateAppointment } from '../../server/services/appointments'
import { agendaWorld } from './world'

const world = agendaWorld('Race clinic', 6)

const at = (day: number, h: number) => new Date(Date.UTC(2030, 0, day, h)).toISOString()
const draft = { patient_id: null, cabinet_id: null, reason: null, notes: null }

async function outcome(attempts: Promise<unknown>[]) {
  const results = await Promise.allSettled(attempts)
  return {
    won: results.filter(r => r.status === 'fulfilled').length,
    codes: results.flatMap(r => (r.status === 'rejected' ? [(r.reason as DomainError).code] : [])),
  }
}

describe('concurrent bookings', () => {
  it.each([1, 2, 3])('one professional, one slot, six requests: one wins (round %i)', async (day) => {
    const r = await outcome([0, 1, 2, 3, 4, 5].map(() =>
      createAppointment(world.db, world.actor, { ...draft, professional_id: world.professionals[0]!, start_time: at(day, 9), end_time: at(day, 10) })))
    expect(r.won).toBe(1)
    expect(r.codes).toEqual(Array(5).fill('agenda.professional_busy'))
  })

  it('one cabinet, six professionals at once: one wins', async () => {
    const r = await outcome(world.professionals.map(p =>
      createAppointment(world.db, world.actor, { ...draft, professional_id: p, cabinet_id: world.cabinetId, start_time: at(10, 9), end_time: at(10, 10) })))
    expect(r.won).toBe(1)
    expect(r.codes).toEqual(Array(5).fill('agenda.cabinet_busy'))
  })

  it('moves and seatings into one free slot race like bookings', async () => {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      ids.push((await createAppointment(world.db, world.actor, { ...draft, professional_id: world.professionals[1]!, start_time: at(20 + i, 9), end_time: at(20 + i, 10) })).id)
    }
    const moves = await outcome(ids.map(id => updateAppointment(world.db, world.actor, id, { start_time: at(15, 9), end_time: at(15, 10) })))
    expect(moves.won).toBe(1)
    expect(moves.codes).toEqual(Array(3).fill('agenda.professional_busy'))

    const seated: string[] = []
    for (let i = 2; i < 6; i++) {
      const a = await createAppointment(world.db, world.actor, { ...draft, professional_id: world.professionals[i]!, start_time: at(16, 9), end_time: at(16, 10) })
      await transitionAppointment(world.db, world.actor, a.id, { to_status: 'checked_in', note: null })
      seated.push(a.id)
    }
    const seats = await outcome(seated.map(id => transitionAppointment(world.db, world.actor, id, { to_status: 'in_treatment', note: null, cabinet_id: world.cabinetId })))
    expect(seats.won).toBe(1)
    expect(seats.codes).toEqual(Array(3).fill('agenda.cabinet_busy'))
  })

  it.each([1, 2, 3])('one patient, six professionals at once: one wins, the rest are told the patient is busy (round %i)', async (round) => {
    const patient = await world.db.insertInto('patients').values({ clinic_id: world.actor.clinicId, first_name: 'Race', last_name: `Patient${round}` })
      .returning('id').executeTakeFirstOrThrow()
    const r = await outcome(world.professionals.map(p =>
      createAppointment(world.db, world.actor, { ...draft, patient_id: patient.id, professional_id: p, start_time: at(40 + round, 9), end_time: at(40 + round, 10) })))
    expect(r.won).toBe(1)
    expect(r.codes).toEqual(Array(5).fill('agenda.patient_busy'))
  })

  it.each([1, 2, 3])('one professional, two clinics, one slot: one wins (round %i)', async (round) => {
    const clinic2 = await world.db.insertInto('clinics').values({ name: `Second clinic ${round}`, timezone: 'Europe/Madrid' }).returning('id').executeTakeFirstOrThrow()
    await world.db.insertInto('clinic_memberships').values({ user_id: world.professionals[0]!, clinic_id: clinic2.id, role: 'dentist', is_professional: true }).execute()
    const elsewhere: Actor = { clinicId: clinic2.id, userId: world.professionals[0]! }
    const slot = { ...draft, professional_id: world.professionals[0]!, start_time: at(50 + round, 9), end_time: at(50 + round, 10) }
    const r = await outcome([world.actor, elsewhere, world.actor, elsewhere, world.actor, elsewhere].map(a => createAppointment(world.db, a, slot)))
    expect(r.won).toBe(1)
    expect(r.codes.filter(c => c === 'agenda.professional_busy_elsewhere')).toHaveLength(3)
    expect(r.codes.filter(c => c === 'agenda.professional_busy')).toHaveLength(2)
  })
})
