import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MISSING_ID } from '../../../../tests/support/fixtures'
import { ApiClient } from '../../../../tests/support/http'
import { BASE, book, createPatient, driveTo, setupOtherClinic, startAgendaSuite } from './helpers'
import type { AgendaSuite } from './helpers'

// The patients archive dialog asks the agenda (through its slot entry) how
// many future appointments the patient has, and may cancel them:
// GET /agenda/patients/{id}/future-appointments and POST .../cancel-future.
describe('agenda: a patient\'s future appointments', () => {
  let { server, c, api, dentist, hygienist } = {} as AgendaSuite

  beforeAll(async () => {
    ({ server, c, api, dentist, hygienist } = await startAgendaSuite())
  })
  afterAll(async () => server?.close())

  const future = (day: number, h = 9) => ({ start_time: new Date(Date.UTC(2031, 0, day, h)).toISOString(), end_time: new Date(Date.UTC(2031, 0, day, h, 30)).toISOString() })
  const past = (day: number) => ({ start_time: new Date(Date.UTC(2021, 0, day, 9)).toISOString(), end_time: new Date(Date.UTC(2021, 0, day, 9, 30)).toISOString() })

  it('counts the active appointments starting after now, and cancels exactly those (history + status)', async () => {
    const patient = await createPatient(c.admin, { first_name: 'Futura', last_name: 'Archivada' })
    const someoneElse = await createPatient(c.admin, { first_name: 'Otra', last_name: 'Persona' })
    const a = await book(api, { patient_id: patient, professional_id: dentist, ...future(1) })
    const b = await book(api, { patient_id: patient, professional_id: hygienist, ...future(2) })
    const confirmed = await book(api, { patient_id: patient, professional_id: dentist, ...future(3) })
    await driveTo(api, confirmed.id, 'confirmed', c.cabinetId)
    const alreadyCancelled = await book(api, { patient_id: patient, professional_id: dentist, ...future(4) })
    await driveTo(api, alreadyCancelled.id, 'cancelled', c.cabinetId)
    const old = await book(api, { patient_id: patient, professional_id: dentist, ...past(1) })
    const theirs = await book(api, { patient_id: someoneElse, professional_id: dentist, ...future(5) })

    const counted = await api.get(`${BASE}/patients/${patient}/future-appointments`)
    expect(counted.status).toBe(200)
    expect(counted.body.data).toEqual({ count: 3 })

    const res = await api.post(`${BASE}/patients/${patient}/cancel-future`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data).toEqual({ cancelled: 3 })
    for (const id of [a.id, b.id, confirmed.id]) {
      const got = (await api.get(`${BASE}/appointments/${id}`)).body.data
      expect(got.status).toBe('cancelled')
      expect(got.status_history.at(-1)).toMatchObject({ to_status: 'cancelled', changed_by: { id: c.members.receptionist.id } })
    }
    expect((await api.get(`${BASE}/appointments/${old.id}`)).body.data.status).toBe('scheduled')
    expect((await api.get(`${BASE}/appointments/${theirs.id}`)).body.data.status).toBe('scheduled')
    expect((await api.get(`${BASE}/appointments/${alreadyCancelled.id}`)).body.data.status_history).toHaveLength(2)
    expect((await api.get(`${BASE}/patients/${patient}/future-appointments`)).body.data).toEqual({ count: 0 })
    // Nothing left: a second call cancels nothing.
    expect((await api.post(`${BASE}/patients/${patient}/cancel-future`)).body.data).toEqual({ cancelled: 0 })
  })

  it('works for a patient archived first (the dialog archives, then cancels)', async () => {
    const patient = await createPatient(c.admin, { first_name: 'Luego', last_name: 'Cancelada' })
    const appt = await book(api, { patient_id: patient, professional_id: dentist, ...future(10) })
    expect((await c.admin.delete(`/api/v1/patients/${patient}`)).status).toBe(204)
    expect((await api.get(`${BASE}/patients/${patient}/future-appointments`)).body.data).toEqual({ count: 1 })
    expect((await api.post(`${BASE}/patients/${patient}/cancel-future`)).body.data).toEqual({ cancelled: 1 })
    expect((await api.get(`${BASE}/appointments/${appt.id}`)).body.data.status).toBe('cancelled')
  })

  it('another clinic\'s patient or an unknown id is 404 and nothing changes; anonymous is 401', async () => {
    const other = await setupOtherClinic(server, c.admin)
    const foreign = await createPatient(other.api)
    const appt = await book(other.api, { patient_id: foreign, professional_id: other.dentistId, ...future(20) })
    for (const id of [foreign, MISSING_ID]) {
      expect((await api.get(`${BASE}/patients/${id}/future-appointments`)).status).toBe(404)
      expect((await api.post(`${BASE}/patients/${id}/cancel-future`)).status).toBe(404)
    }
    expect((await api.get(`${BASE}/patients/not-a-uuid/future-appointments`)).status).toBe(404)
    expect((await other.api.get(`${BASE}/appointments/${appt.id}`)).body.data.status).toBe('scheduled')
    const anonymous = new ApiClient(server.url)
    expect((await anonymous.get(`${BASE}/patients/${foreign}/future-appointments`)).status).toBe(401)
    expect((await anonymous.post(`${BASE}/patients/${foreign}/cancel-future`)).status).toBe(401)
  })
})
