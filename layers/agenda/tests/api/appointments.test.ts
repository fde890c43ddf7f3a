import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorFields, MISSING_ID, UUID } from '../../../../tests/support/fixtures'
import { isErrorEnvelope } from '../../../../tests/support/http'
import { BASE, book, createPatient, driveTo, errorCodes, setupOtherClinic, slot, startAgendaSuite } from './helpers'
import type { AgendaSuite } from './helpers'

const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/

// /api/v1/agenda/appointments: booking, the clinic's timezone, listing and
// filters, overlap protection, edits and cancel-by-delete.
describe('agenda appointments', () => {
  let { server, c, api, dentist, hygienist, cabinet } = {} as AgendaSuite
  let other: Awaited<ReturnType<typeof setupOtherClinic>>

  beforeAll(async () => {
    ({ server, c, api, dentist, hygienist, cabinet } = await startAgendaSuite())
    other = await setupOtherClinic(server, c.admin)
  })
  afterAll(async () => server?.close())

  async function count(query = '') {
    const res = await c.admin.get(`${BASE}/appointments?page_size=1${query}`)
    expect(res.status).toBe(200)
    return res.body.total as number
  }

  describe('booking', () => {
    it('creates an appointment (201) with names, allowed transitions and its first history entry', async () => {
      const patient = await createPatient(c.admin, { first_name: 'Lucía', last_name: 'Pérez' })
      const res = await api.post(`${BASE}/appointments`, {
        patient_id: patient, professional_id: dentist, cabinet_id: cabinet,
        start_time: '2026-11-27T09:00:00Z', end_time: '2026-11-27T09:45:00Z', reason: ' Check-up ', notes: '',
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.data).toEqual({
        id: expect.stringMatching(UUID),
        clinic_id: c.clinicId,
        patient_id: patient,
        patient: { id: patient, first_name: 'Lucía', last_name: 'Pérez', full_name: 'Lucía Pérez', allergies: [], allergies_status: 'not_recorded' },
        professional_id: dentist,
        professional: { id: dentist, name: 'Dentist Tester' },
        cabinet_id: cabinet,
        cabinet: { id: cabinet, name: 'Cabinet 1', color: '#3b82f6' },
        start_time: '2026-11-27T10:00:00+01:00',
        end_time: '2026-11-27T10:45:00+01:00',
        reason: 'Check-up',
        notes: null,
        status: 'scheduled',
        allowed_transitions: ['confirmed', 'checked_in', 'cancelled', 'no_show'],
        status_history: [{
          from_status: null, to_status: 'scheduled', note: null,
          changed_by: { id: c.members.receptionist.id, name: 'Receptionist Tester' },
          changed_at: expect.stringMatching(OFFSET_TIME),
        }],
        created_at: expect.stringMatching(OFFSET_TIME),
        updated_at: expect.stringMatching(OFFSET_TIME),
      })
      const got = await api.get(`${BASE}/appointments/${res.body.data.id}`)
      expect(got.status).toBe(200)
      expect(got.body.data).toEqual(res.body.data)
    })

    it('carries the patient\'s allergy state on every appointment (list, none known, not recorded)', async () => {
      const listed = await createPatient(c.admin, { first_name: 'Alergia', last_name: 'Lista', allergies: ['Penicillin', 'Latex'] })
      const none = await createPatient(c.admin, { first_name: 'Alergia', last_name: 'Ninguna', no_known_allergies: true })
      const unknown = await createPatient(c.admin, { first_name: 'Alergia', last_name: 'Desconocida' })
      const made = []
      for (const patient of [listed, none, unknown]) made.push(await book(api, { patient_id: patient, professional_id: dentist }))
      expect(made.map(a => [a.patient.allergies, a.patient.allergies_status])).toEqual([
        [['Penicillin', 'Latex'], 'recorded'], [[], 'none_known'], [[], 'not_recorded'],
      ])
      const list = await api.get(`${BASE}/appointments?patient_id=${listed}`)
      expect(list.body.data[0].patient).toMatchObject({ allergies: ['Penicillin', 'Latex'], allergies_status: 'recorded' })
      // A later change of the medical history shows on the appointment.
      expect((await c.admin.put(`/api/v1/patients/${unknown}/medical`, { allergies: ['Iodine'] })).status).toBe(200)
      expect((await api.get(`${BASE}/appointments/${made[2].id}`)).body.data.patient).toMatchObject({ allergies: ['Iodine'], allergies_status: 'recorded' })
    })

    it('books a slot without a patient (a blocked slot)', async () => {
      const appt = await book(api, { professional_id: hygienist })
      expect(appt).toMatchObject({ patient_id: null, patient: null, cabinet_id: null, cabinet: null, reason: null })
    })

    it('refuses unknown and archived patients (422 patient_id) and saves nothing', async () => {
      const archived = await createPatient(c.admin, { first_name: 'Old', last_name: 'Patient' })
      expect((await c.admin.delete(`/api/v1/patients/${archived}`)).status).toBe(204)
      const foreign = await createPatient(other.api)
      const before = await count()
      for (const [id, code] of [[MISSING_ID, 'agenda.patient_not_found'], [foreign, 'agenda.patient_not_found'], [archived, 'agenda.patient_archived']]) {
        const res = await api.post(`${BASE}/appointments`, { patient_id: id, professional_id: dentist, ...slot() })
        expect(res.status, code).toBe(422)
        expect(res.body.errors).toEqual([{ field: 'patient_id', code, message: expect.any(String) }])
      }
      expect(await count()).toBe(before)
    })

    it('refuses unknown or foreign professionals and cabinets, naming every bad field', async () => {
      const before = await count()
      const res = await api.post(`${BASE}/appointments`, { professional_id: other.dentistId, cabinet_id: other.cabinetId, ...slot() })
      expect(res.status).toBe(422)
      expect(res.body.errors).toEqual([
        { field: 'professional_id', code: 'agenda.professional_not_found', message: expect.any(String) },
        { field: 'cabinet_id', code: 'agenda.cabinet_not_found', message: expect.any(String) },
      ])
      const missing = await api.post(`${BASE}/appointments`, { professional_id: MISSING_ID, cabinet_id: MISSING_ID, ...slot() })
      expect(missing.status).toBe(422)
      expect(errorFields(missing.body)).toEqual(['professional_id', 'cabinet_id'])
      expect(await count()).toBe(before)
    })

    it('validates the body with field paths (422) and saves nothing', async () => {
      const before = await count()
      const cases: [Record<string, unknown>, string[]][] = [
        [{}, ['end_time', 'professional_id', 'start_time']],
        [{ professional_id: 'nope', start_time: '2026-01-01T10:00:00Z', end_time: '2026-01-01T11:00:00Z' }, ['professional_id']],
        // No offset, not a date, end not after start, end equal to start.
        [{ professional_id: dentist, start_time: '2026-01-01T10:00:00', end_time: '2026-01-01T11:00:00Z' }, ['start_time']],
        [{ professional_id: dentist, start_time: 'tomorrow', end_time: '2026-01-01T11:00:00Z' }, ['start_time']],
        [{ professional_id: dentist, start_time: '2026-01-01T10:00:00Z', end_time: '2026-01-01T09:00:00Z' }, ['end_time']],
        [{ professional_id: dentist, start_time: '2026-01-01T10:00:00Z', end_time: '2026-01-01T11:00:00+01:00' }, ['end_time']],
        [{ professional_id: dentist, cabinet_id: 42, patient_id: 'x', ...slot(), reason: 'r'.repeat(501) }, ['cabinet_id', 'patient_id', 'reason']],
      ]
      for (const [body, fields] of cases) {
        const res = await api.post(`${BASE}/appointments`, body)
        expect(res.status, JSON.stringify(body)).toBe(422)
        expect(isErrorEnvelope(res.body)).toBe(true)
        expect(errorFields(res.body).sort(), JSON.stringify(body)).toEqual(fields)
      }
      expect(await count()).toBe(before)
    })
  })

  describe('timezone', () => {
    it('returns times with the clinic\'s offset at that instant (summer +02:00, winter +01:00)', async () => {
      const summer = await book(api, { professional_id: dentist, start_time: '2026-07-01T10:00:00Z', end_time: '2026-07-01T10:30:00Z' })
      expect([summer.start_time, summer.end_time]).toEqual(['2026-07-01T12:00:00+02:00', '2026-07-01T12:30:00+02:00'])
      const winter = await book(api, { professional_id: dentist, start_time: '2026-01-15T10:00:00Z', end_time: '2026-01-15T10:30:00Z' })
      expect([winter.start_time, winter.end_time]).toEqual(['2026-01-15T11:00:00+01:00', '2026-01-15T11:30:00+01:00'])
      // Across the October change: starts in summer time, ends in winter time.
      const across = await book(api, { professional_id: dentist, start_time: '2026-10-25T00:30:00Z', end_time: '2026-10-25T01:30:00Z' })
      expect([across.start_time, across.end_time]).toEqual(['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00'])
    })

    it('accepts any offset and stores the instant', async () => {
      const appt = await book(api, { professional_id: hygienist, start_time: '2026-07-02T05:00:00-05:00', end_time: '2026-07-02T12:30:00+02:00' })
      expect([appt.start_time, appt.end_time]).toEqual(['2026-07-02T12:00:00+02:00', '2026-07-02T12:30:00+02:00'])
    })

    it('a range given in another offset finds it', async () => {
      const appt = await book(api, { professional_id: hygienist, start_time: '2026-07-03T10:00:00Z', end_time: '2026-07-03T10:30:00Z' })
      // 06:00–07:00 in New York is 10:00–11:00 UTC.
      const res = await api.get(`${BASE}/appointments?start=${encodeURIComponent('2026-07-03T06:00:00-04:00')}&end=${encodeURIComponent('2026-07-03T07:00:00-04:00')}`)
      expect(res.status).toBe(200)
      expect(res.body.data.map((a: { id: string }) => a.id)).toEqual([appt.id])
      const before = await api.get(`${BASE}/appointments?start=${encodeURIComponent('2026-07-03T05:00:00-04:00')}&end=${encodeURIComponent('2026-07-03T06:00:00-04:00')}`)
      expect(before.body.data).toEqual([])
    })

    it('another clinic sees its own offset', async () => {
      const res = await other.api.post(`${BASE}/appointments`, { professional_id: other.dentistId, start_time: '2026-07-01T10:00:00Z', end_time: '2026-07-01T10:30:00Z' })
      expect(res.status).toBe(201)
      expect(res.body.data.start_time).toBe('2026-07-01T06:00:00-04:00')
    })
  })

  describe('listing', () => {
    let ids: Record<string, string>
    let patient: string

    beforeAll(async () => {
      patient = await createPatient(c.admin, { first_name: 'Lista', last_name: 'Filtro' })
      const room = (await c.admin.post(`${BASE}/cabinets`, { name: 'List room' })).body.data.id
      const day = (h: number, m = 0) => new Date(Date.UTC(2027, 2, 1, h, m)).toISOString()
      ids = {
        a: (await book(api, { professional_id: dentist, start_time: day(9), end_time: day(10) })).id,
        b: (await book(api, { professional_id: hygienist, cabinet_id: room, patient_id: patient, start_time: day(9), end_time: day(9, 30) })).id,
        c: (await book(api, { professional_id: dentist, cabinet_id: room, start_time: day(11), end_time: day(12) })).id,
        d: (await book(api, { professional_id: hygienist, patient_id: patient, start_time: day(13), end_time: day(14) })).id,
      }
      await driveTo(api, ids.d!, 'cancelled', room)
      ids.room = room
    })

    const range = '&start=2027-03-01T00:00:00Z&end=2027-03-02T00:00:00Z'

    async function list(query: string) {
      const res = await api.get(`${BASE}/appointments?${query}`)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body
    }
    const idsOf = (body: { data: { id: string }[] }) => body.data.map(a => a.id)

    it('pages through the range sorted by start time, then id', async () => {
      const all = await list(range.slice(1))
      expect(all).toMatchObject({ total: 4, page: 1, page_size: 200, message: null })
      const [first, second] = [ids.a!, ids.b!].sort()
      expect(idsOf(all)).toEqual([first, second, ids.c, ids.d])
      expect(all.data[0]).not.toHaveProperty('status_history')
      const page2 = await list(`page=2&page_size=1${range}`)
      expect(page2).toMatchObject({ total: 4, page: 2, page_size: 1 })
      expect(idsOf(page2)).toEqual([second])
    })

    it('the range finds every appointment overlapping it, half-open', async () => {
      // 09:15–11:00 overlaps a (09–10) and b (09–09:30); c starts exactly at 11:00.
      expect(idsOf(await list('start=2027-03-01T09:15:00Z&end=2027-03-01T11:00:00Z')).sort()).toEqual([ids.a, ids.b].sort())
      // From 10:00 on: a ends exactly then.
      expect(idsOf(await list('start=2027-03-01T10:00:00Z&end=2027-03-01T12:30:00Z'))).toEqual([ids.c])
    })

    it('filters by professional, cabinet, patient and status (repeatable)', async () => {
      expect(idsOf(await list(`professional_id=${dentist}${range}`))).toEqual([ids.a, ids.c])
      expect(idsOf(await list(`cabinet_id=${ids.room}${range}`))).toEqual([ids.b, ids.c])
      expect(idsOf(await list(`patient_id=${patient}${range}`))).toEqual([ids.b, ids.d])
      expect(idsOf(await list(`status=cancelled${range}`))).toEqual([ids.d])
      expect(idsOf(await list(`status=cancelled&status=scheduled&professional_id=${hygienist}${range}`))).toEqual([ids.b, ids.d])
    })

    it('validates the query (422 with the parameter names)', async () => {
      for (const [query, fields] of [
        ['start=yesterday', ['start']],
        ['status=done', ['status']],
        ['professional_id=x&page=0&page_size=501', ['page', 'page_size', 'professional_id']],
      ] as const) {
        const res = await api.get(`${BASE}/appointments?${query}`)
        expect(res.status, query).toBe(422)
        expect(errorFields(res.body).sort()).toEqual(fields)
      }
    })

    it('never lists another clinic\'s appointments', async () => {
      const theirs = await other.api.post(`${BASE}/appointments`, { professional_id: other.dentistId, start_time: '2027-03-01T09:00:00Z', end_time: '2027-03-01T10:00:00Z' })
      expect(theirs.status).toBe(201)
      expect(idsOf(await list(range.slice(1)))).not.toContain(theirs.body.data.id)
      expect((await list(`professional_id=${other.dentistId}`)).total).toBe(0)
    })
  })

  describe('overlap', () => {
    const at = (h: number, m = 0) => new Date(Date.UTC(2027, 4, 10, h, m)).toISOString()

    it('the same professional cannot be double-booked (409); back-to-back is fine', async () => {
      await book(api, { professional_id: dentist, start_time: at(9), end_time: at(10) })
      const before = await count()
      for (const [s, e] of [[at(9), at(10)], [at(9, 30), at(10, 30)], [at(8, 30), at(9, 1)], [at(9, 10), at(9, 20)], [at(8), at(11)]]) {
        const res = await api.post(`${BASE}/appointments`, { professional_id: dentist, start_time: s, end_time: e })
        expect(res.status, `${s}–${e}`).toBe(409)
        expect(errorCodes(res.body)).toEqual(['agenda.professional_busy'])
      }
      expect(await count()).toBe(before)
      await book(api, { professional_id: dentist, start_time: at(10), end_time: at(10, 30) })
      await book(api, { professional_id: dentist, start_time: at(8, 30), end_time: at(9) })
      // Another professional at the same time is fine.
      await book(api, { professional_id: hygienist, start_time: at(9), end_time: at(10) })
    })

    it('the same cabinet cannot be double-booked (409), whoever the professional', async () => {
      await book(api, { professional_id: dentist, cabinet_id: cabinet, start_time: at(14), end_time: at(15) })
      const res = await api.post(`${BASE}/appointments`, { professional_id: hygienist, cabinet_id: cabinet, start_time: at(14, 45), end_time: at(15, 15) })
      expect(res.status).toBe(409)
      expect(errorCodes(res.body)).toEqual(['agenda.cabinet_busy'])
      await book(api, { professional_id: hygienist, cabinet_id: cabinet, start_time: at(15), end_time: at(15, 30) })
    })

    it.each(['cancelled', 'no_show', 'completed'])('a %s appointment no longer blocks its slot', async (status) => {
      const hourOf: Record<string, number> = { cancelled: 17, no_show: 19, completed: 21 }
      const h = hourOf[status]!
      const first = await book(api, { professional_id: dentist, cabinet_id: cabinet, start_time: at(h), end_time: at(h + 1) })
      expect((await api.post(`${BASE}/appointments`, { professional_id: dentist, start_time: at(h), end_time: at(h + 1) })).status).toBe(409)
      await driveTo(api, first.id, status, cabinet)
      await book(api, { professional_id: dentist, cabinet_id: cabinet, start_time: at(h), end_time: at(h + 1) })
    })

    it('two concurrent bookings of one slot: exactly one wins', async () => {
      const body = { professional_id: hygienist, start_time: at(23), end_time: at(23, 30) }
      const results = await Promise.all([0, 1, 2, 3].map(() => api.post(`${BASE}/appointments`, body)))
      expect(results.map(r => r.status).sort()).toEqual([201, 409, 409, 409])
    })
  })

  describe('editing (PUT)', () => {
    it('moves, resizes and reassigns; only the fields sent change', async () => {
      const patient = await createPatient(c.admin, { first_name: 'Mover', last_name: 'Test' })
      const appt = await book(api, { professional_id: dentist, patient_id: patient, reason: 'Filling', notes: 'Bring X-ray', start_time: '2027-06-01T08:00:00Z', end_time: '2027-06-01T08:30:00Z' })
      const moved = await api.put(`${BASE}/appointments/${appt.id}`, { start_time: '2027-06-01T12:00:00+02:00', end_time: '2027-06-01T12:45:00+02:00' })
      expect(moved.status, JSON.stringify(moved.body)).toBe(200)
      expect(moved.body.data).toMatchObject({ start_time: '2027-06-01T12:00:00+02:00', end_time: '2027-06-01T12:45:00+02:00', reason: 'Filling', notes: 'Bring X-ray', patient_id: patient, status: 'scheduled' })
      const resized = await api.put(`${BASE}/appointments/${appt.id}`, { end_time: '2027-06-01T11:00:00Z' })
      expect(resized.body.data).toMatchObject({ start_time: '2027-06-01T12:00:00+02:00', end_time: '2027-06-01T13:00:00+02:00' })
      const reassigned = await api.put(`${BASE}/appointments/${appt.id}`, { professional_id: hygienist, cabinet_id: cabinet, notes: null, reason: '' })
      expect(reassigned.body.data).toMatchObject({ professional_id: hygienist, professional: { id: hygienist, name: 'Hygienist Tester' }, cabinet_id: cabinet, notes: null, reason: null, patient_id: patient })
      const unlinked = await api.put(`${BASE}/appointments/${appt.id}`, { patient_id: null })
      expect(unlinked.body.data).toMatchObject({ patient_id: null, patient: null, professional_id: hygienist })
      // History records statuses only: still the one scheduled entry.
      expect(unlinked.body.data.status_history).toHaveLength(1)
    })

    it('re-checks overlap when moving or reassigning (409) and leaves the appointment as it was', async () => {
      await book(api, { professional_id: dentist, cabinet_id: cabinet, start_time: '2027-06-02T08:00:00Z', end_time: '2027-06-02T09:00:00Z' })
      const mine = await book(api, { professional_id: hygienist, start_time: '2027-06-02T09:00:00Z', end_time: '2027-06-02T10:00:00Z' })
      const intoDentist = await api.put(`${BASE}/appointments/${mine.id}`, { professional_id: dentist, start_time: '2027-06-02T08:30:00Z' })
      expect(intoDentist.status).toBe(409)
      expect(errorCodes(intoDentist.body)).toEqual(['agenda.professional_busy'])
      const intoCabinet = await api.put(`${BASE}/appointments/${mine.id}`, { cabinet_id: cabinet, start_time: '2027-06-02T08:59:00Z' })
      expect(intoCabinet.status).toBe(409)
      expect(errorCodes(intoCabinet.body)).toEqual(['agenda.cabinet_busy'])
      const got = await api.get(`${BASE}/appointments/${mine.id}`)
      expect(got.body.data).toMatchObject({ professional_id: hygienist, cabinet_id: null, start_time: '2027-06-02T11:00:00+02:00', updated_at: mine.updated_at })
      // Moving within its own slot never collides with itself.
      const self = await api.put(`${BASE}/appointments/${mine.id}`, { start_time: '2027-06-02T09:15:00Z', end_time: '2027-06-02T10:15:00Z' })
      expect(self.status).toBe(200)
    })

    it('validates (422): bad fields, end before the stored start, bad references', async () => {
      const appt = await book(api, { professional_id: dentist })
      const bad = await api.put(`${BASE}/appointments/${appt.id}`, { start_time: 'soon', professional_id: 'x' })
      expect(bad.status).toBe(422)
      expect(errorFields(bad.body).sort()).toEqual(['professional_id', 'start_time'])
      const early = await api.put(`${BASE}/appointments/${appt.id}`, { end_time: new Date(Date.parse(appt.start_time) - 60_000).toISOString() })
      expect(early.status).toBe(422)
      expect(errorFields(early.body)).toEqual(['end_time'])
      const refs = await api.put(`${BASE}/appointments/${appt.id}`, { professional_id: c.members.assistant.id, cabinet_id: other.cabinetId, patient_id: MISSING_ID })
      expect(refs.status).toBe(422)
      expect(errorFields(refs.body)).toEqual(['patient_id', 'professional_id', 'cabinet_id'])
      expect((await api.get(`${BASE}/appointments/${appt.id}`)).body.data).toMatchObject({ professional_id: dentist, cabinet_id: null, updated_at: appt.updated_at })
    })

    it('an in-treatment appointment keeps a cabinet (400 agenda.cabinet_required)', async () => {
      const appt = await book(api, { professional_id: dentist })
      await driveTo(api, appt.id, 'in_treatment', cabinet)
      const res = await api.put(`${BASE}/appointments/${appt.id}`, { cabinet_id: null })
      expect(res.status).toBe(400)
      expect(errorCodes(res.body)).toEqual(['agenda.cabinet_required'])
      // It can still be extended while in treatment.
      const longer = await api.put(`${BASE}/appointments/${appt.id}`, { end_time: new Date(Date.parse(appt.end_time) + 15 * 60_000).toISOString() })
      expect(longer.status).toBe(200)
    })

    it.each(['completed', 'cancelled', 'no_show'])('a %s appointment cannot be changed (409 agenda.appointment_closed)', async (status) => {
      const appt = await book(api, { professional_id: dentist })
      await driveTo(api, appt.id, status, cabinet)
      const res = await api.put(`${BASE}/appointments/${appt.id}`, { reason: 'Late edit' })
      expect(res.status).toBe(409)
      expect(errorCodes(res.body)).toEqual(['agenda.appointment_closed'])
      expect((await api.get(`${BASE}/appointments/${appt.id}`)).body.data.reason).toBeNull()
    })
  })

  describe('delete = cancel', () => {
    it('cancels (204), keeps the row and records the history', async () => {
      const appt = await book(api, { professional_id: dentist })
      const res = await api.delete(`${BASE}/appointments/${appt.id}`)
      expect(res.status).toBe(204)
      const got = await api.get(`${BASE}/appointments/${appt.id}`)
      expect(got.status).toBe(200)
      expect(got.body.data).toMatchObject({ status: 'cancelled', allowed_transitions: [] })
      expect(got.body.data.status_history.map((h: { to_status: string }) => h.to_status)).toEqual(['scheduled', 'cancelled'])
    })

    it.each([['cancelled', 409, 'agenda.same_status'], ['completed', 400, 'agenda.illegal_transition'], ['no_show', 400, 'agenda.illegal_transition']] as const)(
      'deleting a %s appointment follows the machine (%i)', async (status, code, error) => {
        const appt = await book(api, { professional_id: dentist })
        await driveTo(api, appt.id, status, cabinet)
        const res = await api.delete(`${BASE}/appointments/${appt.id}`)
        expect(res.status).toBe(code)
        expect(errorCodes(res.body)).toEqual([error])
        expect((await api.get(`${BASE}/appointments/${appt.id}`)).body.data.status).toBe(status)
      })
  })

  it('unknown and malformed ids are 404 on every appointment route', async () => {
    for (const id of [MISSING_ID, 'not-a-uuid', '123']) {
      expect((await api.get(`${BASE}/appointments/${id}`)).status, id).toBe(404)
      expect((await api.put(`${BASE}/appointments/${id}`, { reason: 'x' })).status, id).toBe(404)
      expect((await api.delete(`${BASE}/appointments/${id}`)).status, id).toBe(404)
      expect((await api.post(`${BASE}/appointments/${id}/transitions`, { to_status: 'confirmed' })).status, id).toBe(404)
    }
  })
})
