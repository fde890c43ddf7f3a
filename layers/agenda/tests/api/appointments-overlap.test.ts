import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../../../tests/support/fixtures'
import { BASE, book, createPatient, driveTo, errorCodes, PASSWORD, setupOtherClinic, startAgendaSuite } from './helpers'
import type { AgendaSuite } from './helpers'

// Double bookings beyond one professional and one cabinet: the same patient
// with two professionals at once (409 agenda.patient_busy, naming the other
// appointment), and one professional in two clinics of the installation at
// once (409 agenda.professional_busy_elsewhere, times only). Create, move,
// resize and reassign are checked; concurrent requests let exactly one win.
describe('agenda overlap: patients and professionals across clinics', () => {
  let { server, c, api, dentist, hygienist } = {} as AgendaSuite
  let third: string
  let other: Awaited<ReturnType<typeof setupOtherClinic>>

  beforeAll(async () => {
    ({ server, c, api, dentist, hygienist } = await startAgendaSuite())
    third = (await createUser(c.admin, { email: 'second-dentist@agenda.test', first_name: 'Second', last_name: 'Dentist', role: 'dentist', password: PASSWORD })).user.id
    other = await setupOtherClinic(server, c.admin)
    // The clinic's dentist also works in the other clinic (same person, two memberships).
    // An existing account: invited, then accepted in the app by its holder.
    await createUser(c.admin, { email: 'dentist@agenda.test', role: 'dentist' }, other.clinicId)
    const [invitation] = (await c.members.dentist.api.get('/api/v1/auth/invitations')).body.data
    expect((await c.members.dentist.api.post(`/api/v1/auth/invitations/${invitation.id}/accept`)).status).toBe(200)
  })
  afterAll(async () => server?.close())

  const at = (day: number, h: number, m = 0) => new Date(Date.UTC(2029, 2, day, h, m)).toISOString()

  async function count(query: string) {
    const res = await c.admin.get(`${BASE}/appointments?page_size=1&${query}`)
    expect(res.status).toBe(200)
    return res.body.total as number
  }

  describe('the same patient', () => {
    it('cannot hold two overlapping active appointments, with any professional (409 naming the other one); nothing saved', async () => {
      const patient = await createPatient(c.admin, { first_name: 'Paz', last_name: 'Doble' })
      const first = await book(api, { patient_id: patient, professional_id: dentist, cabinet_id: c.cabinetId, start_time: at(1, 9), end_time: at(1, 10) })
      for (const [s, e] of [[at(1, 9), at(1, 10)], [at(1, 9, 30), at(1, 11)], [at(1, 8), at(1, 9, 1)]]) {
        const res = await api.post(`${BASE}/appointments`, { patient_id: patient, professional_id: hygienist, start_time: s, end_time: e })
        expect(res.status, `${s}–${e}`).toBe(409)
        expect(res.body.errors).toEqual([{
          code: 'agenda.patient_busy',
          message: expect.any(String),
          params: { appointment_id: first.id, start_time: '2029-03-01T10:00:00+01:00', end_time: '2029-03-01T11:00:00+01:00', professional_id: dentist },
        }])
      }
      expect(await count(`patient_id=${patient}`)).toBe(1)
      // Back to back is fine; so is another patient at the same time.
      await book(api, { patient_id: patient, professional_id: hygienist, start_time: at(1, 10), end_time: at(1, 10, 30) })
      const someoneElse = await createPatient(c.admin, { first_name: 'Otro', last_name: 'Paciente' })
      await book(api, { patient_id: someoneElse, professional_id: hygienist, start_time: at(1, 9), end_time: at(1, 9, 30) })
      // Blocked slots (no patient) are never "the same patient".
      await book(api, { professional_id: third, start_time: at(1, 9), end_time: at(1, 10) })
    })

    it('a cancelled or no-show appointment no longer holds the patient', async () => {
      const patient = await createPatient(c.admin, { first_name: 'Paz', last_name: 'Cancelada' })
      const first = await book(api, { patient_id: patient, professional_id: dentist, start_time: at(2, 9), end_time: at(2, 10) })
      await driveTo(api, first.id, 'cancelled', c.cabinetId)
      await book(api, { patient_id: patient, professional_id: hygienist, start_time: at(2, 9), end_time: at(2, 10) })
    })

    it('moving, resizing or giving an appointment to a busy patient is refused (409) and changes nothing', async () => {
      const patient = await createPatient(c.admin, { first_name: 'Paz', last_name: 'Movida' })
      const held = await book(api, { patient_id: patient, professional_id: dentist, start_time: at(3, 9), end_time: at(3, 10) })
      const mine = await book(api, { patient_id: patient, professional_id: hygienist, start_time: at(3, 11), end_time: at(3, 12) })

      const moved = await api.put(`${BASE}/appointments/${mine.id}`, { start_time: at(3, 9, 30), end_time: at(3, 10, 30) })
      expect(moved.status).toBe(409)
      expect(moved.body.errors[0]).toMatchObject({ code: 'agenda.patient_busy', params: { appointment_id: held.id, professional_id: dentist } })
      const resized = await api.put(`${BASE}/appointments/${held.id}`, { end_time: at(3, 11, 15) })
      expect(errorCodes(resized.body)).toEqual(['agenda.patient_busy'])
      expect(resized.body.errors[0].params.appointment_id).toBe(mine.id)

      const stranger = await book(api, { professional_id: third, patient_id: await createPatient(c.admin, { first_name: 'X', last_name: 'Y' }), start_time: at(3, 9), end_time: at(3, 10) })
      const given = await api.put(`${BASE}/appointments/${stranger.id}`, { patient_id: patient })
      expect(given.status).toBe(409)
      expect(errorCodes(given.body)).toEqual(['agenda.patient_busy'])

      for (const a of [held, mine, stranger]) {
        expect((await api.get(`${BASE}/appointments/${a.id}`)).body.data).toMatchObject({ start_time: a.start_time, end_time: a.end_time, patient_id: a.patient_id, updated_at: a.updated_at })
      }
      // Moving within its own slot is fine.
      expect((await api.put(`${BASE}/appointments/${mine.id}`, { start_time: at(3, 11, 15), end_time: at(3, 12, 15) })).status).toBe(200)
    })

    it('concurrent bookings of one patient with six professionals: exactly one wins', async () => {
      const patient = await createPatient(c.admin, { first_name: 'Paz', last_name: 'Carrera' })
      const pros = [dentist, hygienist, third, dentist, hygienist, third]
      const results = await Promise.all(pros.map(p => api.post(`${BASE}/appointments`, { patient_id: patient, professional_id: p, start_time: at(4, 9), end_time: at(4, 10) })))
      expect(results.map(r => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409])
      for (const r of results.filter(r => r.status === 409)) {
        expect(['agenda.patient_busy', 'agenda.professional_busy']).toContain(r.body.errors[0].code)
      }
      expect(await count(`patient_id=${patient}`)).toBe(1)
    })
  })

  describe('one professional in two clinics', () => {
    it('cannot be booked at the same time in both (409 with the times only); nothing saved', async () => {
      const secret = await createPatient(other.api, { first_name: 'Secreta', last_name: 'Otraclinica' })
      const elsewhere = await book(other.api, { patient_id: secret, professional_id: dentist, start_time: at(5, 9), end_time: at(5, 10), reason: 'Private reason' })
      expect(elsewhere.start_time).toBe('2029-03-05T04:00:00-05:00')

      const res = await api.post(`${BASE}/appointments`, { professional_id: dentist, start_time: at(5, 9, 30), end_time: at(5, 10, 30) })
      expect(res.status).toBe(409)
      // Times on this clinic's clock; nothing about the other clinic's patient or appointment.
      expect(res.body.errors).toEqual([{
        code: 'agenda.professional_busy_elsewhere',
        message: expect.any(String),
        params: { start_time: '2029-03-05T10:00:00+01:00', end_time: '2029-03-05T11:00:00+01:00' },
      }])
      for (const leak of [secret, elsewhere.id, 'Secreta', 'Private reason', other.clinicId]) expect(JSON.stringify(res.body)).not.toContain(leak)
      expect(await count(`professional_id=${dentist}&start=${encodeURIComponent(at(5, 0))}&end=${encodeURIComponent(at(6, 0))}`)).toBe(0)

      // Moving an appointment of this clinic into that time is refused too.
      const mine = await book(api, { professional_id: dentist, start_time: at(5, 12), end_time: at(5, 13) })
      const moved = await api.put(`${BASE}/appointments/${mine.id}`, { start_time: at(5, 9, 45), end_time: at(5, 10, 45) })
      expect(moved.status).toBe(409)
      expect(errorCodes(moved.body)).toEqual(['agenda.professional_busy_elsewhere'])
      // Once cancelled there, the time is free here.
      await driveTo(other.api, elsewhere.id, 'cancelled', other.cabinetId)
      expect((await api.put(`${BASE}/appointments/${mine.id}`, { start_time: at(5, 9, 45), end_time: at(5, 10, 45) })).status).toBe(200)
    })

    it('concurrent bookings in both clinics: exactly one wins', async () => {
      for (let round = 0; round < 3; round++) {
        const body = { professional_id: dentist, start_time: at(6 + round, 9), end_time: at(6 + round, 10) }
        const results = await Promise.all([api, other.api, api, other.api].map(client => client.post(`${BASE}/appointments`, body)))
        expect(results.map(r => r.status).sort(), `round ${round}`).toEqual([201, 409, 409, 409])
      }
    })
  })
})
