import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorFields, MISSING_ID } from '../../../../tests/support/fixtures'
import { BASE, book, driveTo, errorCodes, setupOtherClinic, startAgendaSuite } from './helpers'
import type { AgendaSuite } from './helpers'

const STATUSES = ['scheduled', 'confirmed', 'checked_in', 'in_treatment', 'completed', 'cancelled', 'no_show'] as const
type Status = (typeof STATUSES)[number]

// The status machine (README.md, "Rules"), written out by hand: where each status may go.
const ALLOWED: Record<Status, Status[]> = {
  scheduled: ['confirmed', 'checked_in', 'cancelled', 'no_show'],
  confirmed: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['in_treatment', 'cancelled'],
  in_treatment: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
  no_show: [],
}

const PAIRS = STATUSES.flatMap(from => STATUSES.map((to) => {
  const expected = from === to ? 409 : ALLOWED[from].includes(to) ? 200 : 400
  return [from, to, expected] as const
}))

// POST /api/v1/agenda/appointments/{id}/transitions: the whole status machine.
describe('agenda transitions', () => {
  let { server, c, api, dentist, cabinet } = {} as AgendaSuite

  beforeAll(async () => {
    ({ server, c, api, dentist, cabinet } = await startAgendaSuite('assistant'))
  })
  afterAll(async () => server?.close())

  it('covers all 49 ordered pairs', () => {
    expect(PAIRS).toHaveLength(49)
    expect(PAIRS.filter(p => p[2] === 200)).toHaveLength(11)
    expect(PAIRS.filter(p => p[2] === 409)).toHaveLength(7)
  })

  it.each(PAIRS)('%s → %s answers %i', async (from, to, expected) => {
    // Booked in the cabinet, so in_treatment is always reachable.
    const appt = await book(api, { professional_id: dentist, cabinet_id: cabinet })
    await driveTo(api, appt.id, from, cabinet)
    const res = await api.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: to, note: 'step' })
    expect(res.status, JSON.stringify(res.body)).toBe(expected)
    const after = await api.get(`${BASE}/appointments/${appt.id}`)
    const steps = after.body.data.status_history.length
    if (expected === 200) {
      expect(res.body.data).toMatchObject({ id: appt.id, status: to, allowed_transitions: ALLOWED[to] })
      expect(res.body.data.status_history.at(-1)).toMatchObject({ from_status: from, to_status: to, note: 'step' })
      expect(steps).toBe(2 + (from === 'scheduled' ? 0 : from === 'in_treatment' ? 2 : from === 'completed' ? 3 : 1))
    }
    else {
      expect(errorCodes(res.body)).toEqual([expected === 409 ? 'agenda.same_status' : 'agenda.illegal_transition'])
      // Clients word the refusal in their language from the params.
      if (expected === 400) expect(res.body.errors[0].params).toEqual({ from, to })
      // Refused: status and history unchanged.
      expect(after.body.data.status).toBe(from)
      expect(steps).toBe(1 + (from === 'scheduled' ? 0 : from === 'in_treatment' ? 2 : from === 'completed' ? 3 : 1))
    }
  })

  it('keeps the history oldest first, with who, when and the note', async () => {
    const appt = await book(api, { professional_id: dentist })
    const dentistApi = c.members.dentist.api
    expect((await c.members.receptionist.api.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'confirmed', note: 'Phoned' })).status).toBe(200)
    expect((await api.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'checked_in' })).status).toBe(200)
    const seated = await dentistApi.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'in_treatment', cabinet_id: cabinet, note: '  ' })
    expect(seated.status, JSON.stringify(seated.body)).toBe(200)
    expect(seated.body.data).toMatchObject({ status: 'in_treatment', cabinet_id: cabinet, cabinet: { id: cabinet, name: 'Cabinet 1' } })
    const done = await dentistApi.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'completed', note: 'All good' })
    expect(done.status).toBe(200)
    const history = (await api.get(`${BASE}/appointments/${appt.id}`)).body.data.status_history
    expect(history.map((h: any) => [h.from_status, h.to_status, h.note, h.changed_by?.name])).toEqual([
      [null, 'scheduled', null, 'Assistant Tester'],
      ['scheduled', 'confirmed', 'Phoned', 'Receptionist Tester'],
      ['confirmed', 'checked_in', null, 'Assistant Tester'],
      ['checked_in', 'in_treatment', null, 'Dentist Tester'],
      ['in_treatment', 'completed', 'All good', 'Dentist Tester'],
    ])
    const times = history.map((h: any) => Date.parse(h.changed_at))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(history[0].changed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/)
  })

  it('in_treatment needs a cabinet (400 agenda.cabinet_required) unless the body seats the patient', async () => {
    const appt = await book(api, { professional_id: dentist })
    await driveTo(api, appt.id, 'checked_in', cabinet)
    const res = await api.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'in_treatment' })
    expect(res.status).toBe(400)
    expect(errorCodes(res.body)).toEqual(['agenda.cabinet_required'])
    const still = (await api.get(`${BASE}/appointments/${appt.id}`)).body.data
    expect(still.status).toBe('checked_in')
    expect(still.status_history).toHaveLength(2)
    const seated = await api.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'in_treatment', cabinet_id: cabinet })
    expect(seated.status).toBe(200)
    expect(seated.body.data.cabinet_id).toBe(cabinet)
  })

  it('seating in a cabinet that is busy then is 409 agenda.cabinet_busy; a free one works', async () => {
    const busy = (await c.admin.post(`${BASE}/cabinets`, { name: 'Busy chair' })).body.data.id
    const free = (await c.admin.post(`${BASE}/cabinets`, { name: 'Free chair' })).body.data.id
    const occupant = await book(api, { professional_id: c.members.hygienist.id, cabinet_id: busy, start_time: '2029-02-01T09:00:00Z', end_time: '2029-02-01T10:00:00Z' })
    const appt = await book(api, { professional_id: dentist, start_time: '2029-02-01T09:30:00Z', end_time: '2029-02-01T10:30:00Z' })
    await driveTo(api, appt.id, 'checked_in', cabinet)
    const res = await api.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'in_treatment', cabinet_id: busy })
    expect(res.status).toBe(409)
    expect(errorCodes(res.body)).toEqual(['agenda.cabinet_busy'])
    expect((await api.get(`${BASE}/appointments/${appt.id}`)).body.data).toMatchObject({ status: 'checked_in', cabinet_id: null })
    // Once the occupant is cancelled the cabinet is free.
    await driveTo(api, occupant.id, 'cancelled', busy)
    const later = await api.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'in_treatment', cabinet_id: free })
    expect(later.status).toBe(200)
    expect(later.body.data.cabinet).toMatchObject({ id: free, name: 'Free chair' })
  })

  it('validates the body (422 with field paths) and names bad cabinets', async () => {
    const other = await setupOtherClinic(server, c.admin)
    const appt = await book(api, { professional_id: dentist })
    for (const [body, fields] of [
      [{}, ['to_status']],
      [{ to_status: 'done' }, ['to_status']],
      [{ to_status: 'confirmed', note: 'n'.repeat(1001), cabinet_id: 'x' }, ['cabinet_id', 'note']],
    ] as const) {
      const res = await api.post(`${BASE}/appointments/${appt.id}/transitions`, body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(errorFields(res.body).sort()).toEqual(fields)
    }
    for (const id of [MISSING_ID, other.cabinetId]) {
      const res = await api.post(`${BASE}/appointments/${appt.id}/transitions`, { to_status: 'checked_in', cabinet_id: id })
      expect(res.status).toBe(422)
      expect(res.body.errors).toEqual([{ field: 'cabinet_id', code: 'agenda.cabinet_not_found', message: expect.any(String) }])
    }
    const got = (await api.get(`${BASE}/appointments/${appt.id}`)).body.data
    expect(got).toMatchObject({ status: 'scheduled', cabinet_id: null })
    expect(got.status_history).toHaveLength(1)
  })
})
