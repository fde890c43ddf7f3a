import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorFields, MISSING_ID, UUID } from '../../../../tests/support/fixtures'
import { isErrorEnvelope } from '../../../../tests/support/http'
import type { ApiClient } from '../../../../tests/support/http'
import { BASE, book, driveTo, errorCodes, setupOtherClinic, startAgendaSuite } from './helpers'
import type { AgendaSuite } from './helpers'

// /api/v1/agenda/cabinets: the seeded cabinet, CRUD, unique names per clinic,
// and delete refused for any cabinet an appointment references (active or closed).
describe('agenda cabinets', () => {
  let { server, c, api: admin, dentist: dentistId } = {} as AgendaSuite
  let other: Awaited<ReturnType<typeof setupOtherClinic>>

  beforeAll(async () => {
    ({ server, c, api: admin, dentist: dentistId } = await startAgendaSuite('admin'))
    other = await setupOtherClinic(server, admin)
  })
  afterAll(async () => server?.close())

  async function names(api: ApiClient = admin, query = '') {
    const res = await api.get(`${BASE}/cabinets${query}`)
    expect(res.status).toBe(200)
    return res.body.data.map((x: { name: string }) => x.name)
  }

  it('every clinic starts with "Cabinet 1", including clinics opened later', async () => {
    const res = await admin.get(`${BASE}/cabinets`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      message: null,
      data: [{
        id: c.cabinetId, clinic_id: c.clinicId, name: 'Cabinet 1', color: '#3b82f6', display_order: 1, is_active: true,
        created_at: expect.any(String), updated_at: expect.any(String),
      }],
    })
    expect(await names(other.api)).toEqual(['Cabinet 1'])
    expect(other.cabinetId).not.toBe(c.cabinetId)
  })

  it('creates a cabinet (201) with defaults and the next display order', async () => {
    const res = await admin.post(`${BASE}/cabinets`, { name: '  Surgery  ' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.data).toMatchObject({ id: expect.stringMatching(UUID), clinic_id: c.clinicId, name: 'Surgery', color: '#3b82f6', display_order: 2, is_active: true })
    const got = await admin.get(`${BASE}/cabinets/${res.body.data.id}`)
    expect(got.status).toBe(200)
    expect(got.body.data).toEqual(res.body.data)
    const explicit = await admin.post(`${BASE}/cabinets`, { name: 'Hygiene', color: '#10B981', display_order: 0, is_active: false })
    expect(explicit.status).toBe(201)
    expect(explicit.body.data).toMatchObject({ color: '#10B981', display_order: 0, is_active: false })
    // Sorted by display order; ?is_active filters.
    expect(await names()).toEqual(['Hygiene', 'Cabinet 1', 'Surgery'])
    expect(await names(admin, '?is_active=true')).toEqual(['Cabinet 1', 'Surgery'])
    expect(await names(admin, '?is_active=false')).toEqual(['Hygiene'])
  })

  it('names are unique per clinic, case-insensitively (409), and nothing is saved', async () => {
    const before = await names()
    for (const name of ['surgery', 'SURGERY', ' Surgery ']) {
      const res = await admin.post(`${BASE}/cabinets`, { name })
      expect(res.status, name).toBe(409)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(errorCodes(res.body)).toEqual(['agenda.cabinet_name_taken'])
    }
    expect(await names()).toEqual(before)
    // Another clinic may use the name.
    const elsewhere = await other.api.post(`${BASE}/cabinets`, { name: 'Surgery' })
    expect(elsewhere.status).toBe(201)
  })

  it('renames, recolours, reorders and deactivates (PUT); renaming onto another name is 409', async () => {
    const created = await admin.post(`${BASE}/cabinets`, { name: 'Room X' })
    const id = created.body.data.id
    const res = await admin.put(`${BASE}/cabinets/${id}`, { name: 'Room Y', color: '#ff0000', display_order: 9 })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data).toMatchObject({ id, name: 'Room Y', color: '#ff0000', display_order: 9, is_active: true })
    // Only the fields sent change; the own name in another case is fine.
    const partial = await admin.put(`${BASE}/cabinets/${id}`, { name: 'ROOM Y', is_active: false })
    expect(partial.status).toBe(200)
    expect(partial.body.data).toMatchObject({ name: 'ROOM Y', color: '#ff0000', display_order: 9, is_active: false })
    const clash = await admin.put(`${BASE}/cabinets/${id}`, { name: 'cabinet 1' })
    expect(clash.status).toBe(409)
    expect(errorCodes(clash.body)).toEqual(['agenda.cabinet_name_taken'])
    expect((await admin.get(`${BASE}/cabinets/${id}`)).body.data.name).toBe('ROOM Y')
  })

  it('validates bodies with field paths (422) and saves nothing', async () => {
    const before = await names()
    const cases: [unknown, string[]][] = [
      [{}, ['name']],
      [{ name: '' }, ['name']],
      [{ name: 'x'.repeat(101) }, ['name']],
      [{ name: 'Ok', color: 'blue' }, ['color']],
      [{ name: 'Ok', display_order: -1 }, ['display_order']],
      [{ name: 'Ok', display_order: 1.5, is_active: 'yes' }, ['display_order', 'is_active']],
    ]
    for (const [body, fields] of cases) {
      const res = await admin.post(`${BASE}/cabinets`, body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(errorFields(res.body).sort()).toEqual(fields)
    }
    const put = await admin.put(`${BASE}/cabinets/${c.cabinetId}`, { name: '', color: '#12345' })
    expect(put.status).toBe(422)
    expect(errorFields(put.body).sort()).toEqual(['color', 'name'])
    expect(await names()).toEqual(before)
  })

  it('unknown, malformed and foreign ids are 404 on every cabinet route', async () => {
    for (const id of [MISSING_ID, 'not-a-uuid', other.cabinetId]) {
      expect((await admin.get(`${BASE}/cabinets/${id}`)).status, id).toBe(404)
      expect((await admin.put(`${BASE}/cabinets/${id}`, { name: 'Hijack' })).status, id).toBe(404)
      expect((await admin.delete(`${BASE}/cabinets/${id}`)).status, id).toBe(404)
    }
    expect(await names(other.api)).not.toContain('Hijack')
  })

  it('an inactive cabinet cannot be booked (422 cabinet_id)', async () => {
    const inactive = await admin.post(`${BASE}/cabinets`, { name: 'Closed room', is_active: false })
    const res = await admin.post(`${BASE}/appointments`, {
      professional_id: dentistId, cabinet_id: inactive.body.data.id, start_time: '2026-05-04T08:00:00Z', end_time: '2026-05-04T08:30:00Z',
    })
    expect(res.status).toBe(422)
    expect(res.body.errors).toEqual([{ field: 'cabinet_id', code: 'agenda.cabinet_inactive', message: expect.any(String) }])
  })

  it('delete is blocked (409) while an active appointment uses the cabinet, past or future', async () => {
    const room = (await admin.post(`${BASE}/cabinets`, { name: 'Busy room' })).body.data
    const past = await book(admin, { professional_id: dentistId, cabinet_id: room.id, start_time: '2020-01-07T09:00:00Z', end_time: '2020-01-07T09:30:00Z' })
    const res = await admin.delete(`${BASE}/cabinets/${room.id}`)
    expect(res.status).toBe(409)
    expect(errorCodes(res.body)).toEqual(['agenda.cabinet_in_use'])
    expect((await admin.get(`${BASE}/cabinets/${room.id}`)).status).toBe(200)
    // Still blocked while confirmed and checked in.
    await driveTo(admin, past.id, 'confirmed', room.id)
    expect((await admin.delete(`${BASE}/cabinets/${room.id}`)).status).toBe(409)
  })

  it.each(['completed', 'cancelled', 'no_show'])('once the appointment is %s, delete is still refused (409 cabinet_has_history) and it keeps its cabinet', async (status) => {
    const room = (await admin.post(`${BASE}/cabinets`, { name: `Room ${status}` })).body.data
    const appt = await book(admin, { professional_id: dentistId, cabinet_id: room.id })
    expect(errorCodes((await admin.delete(`${BASE}/cabinets/${room.id}`)).body)).toEqual(['agenda.cabinet_in_use'])
    await driveTo(admin, appt.id, status, room.id)
    const res = await admin.delete(`${BASE}/cabinets/${room.id}`)
    expect(res.status).toBe(409)
    expect(isErrorEnvelope(res.body)).toBe(true)
    expect(errorCodes(res.body)).toEqual(['agenda.cabinet_has_history'])
    expect((await admin.get(`${BASE}/cabinets/${room.id}`)).status).toBe(200)
    const kept = await admin.get(`${BASE}/appointments/${appt.id}`)
    expect(kept.status).toBe(200)
    expect(kept.body.data).toMatchObject({ status, cabinet_id: room.id, cabinet: { id: room.id, name: room.name } })
    // Deactivating is the way to retire it: allowed, and it leaves the history alone.
    const off = await admin.put(`${BASE}/cabinets/${room.id}`, { is_active: false })
    expect(off.status).toBe(200)
    expect(off.body.data.is_active).toBe(false)
    expect((await admin.get(`${BASE}/appointments/${appt.id}`)).body.data.cabinet_id).toBe(room.id)
  })

  it('an unused cabinet is deleted (204), even the seeded one', async () => {
    const res = await other.api.delete(`${BASE}/cabinets/${other.cabinetId}`)
    expect(res.status).toBe(204)
    expect(await names(other.api)).toEqual(['Surgery'])
  })
})
