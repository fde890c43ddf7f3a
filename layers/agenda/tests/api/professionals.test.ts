import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../../../tests/support/fixtures'
import { BASE, PASSWORD, setupOtherClinic, startAgendaSuite } from './helpers'
import type { AgendaSuite } from './helpers'

// /api/v1/agenda/professionals: who can be booked in the current clinic.
describe('agenda professionals', () => {
  let { server, c } = {} as AgendaSuite
  let other: Awaited<ReturnType<typeof setupOtherClinic>>

  beforeAll(async () => {
    ({ server, c } = await startAgendaSuite())
    other = await setupOtherClinic(server, c.admin)
  })
  afterAll(async () => server?.close())

  it('lists the clinic\'s professional members (dentists and hygienists by default) with their names', async () => {
    const res = await c.members.receptionist.api.get(`${BASE}/professionals`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      message: null,
      data: [
        { id: c.members.dentist.id, name: 'Dentist Tester', role: 'dentist', licence_number: null },
        { id: c.members.hygienist.id, name: 'Hygienist Tester', role: 'hygienist', licence_number: null },
      ],
    })
  })

  it('follows is_professional and the user\'s active flag, and stays inside the clinic', async () => {
    const surgeon = await createUser(c.admin, { email: 'surgeon@agenda.test', first_name: 'Sara', last_name: 'Surgeon', role: 'admin', is_professional: true, password: PASSWORD })
    const nurse = await createUser(c.admin, { email: 'nurse@agenda.test', first_name: 'Nora', last_name: 'Nurse', role: 'assistant', is_professional: true, password: PASSWORD })
    const notBooked = await createUser(c.admin, { email: 'ortho@agenda.test', first_name: 'Otto', last_name: 'Ortho', role: 'dentist', is_professional: false, password: PASSWORD })
    const gone = await createUser(c.admin, { email: 'gone@agenda.test', first_name: 'Gina', last_name: 'Gone', role: 'hygienist', password: PASSWORD })
    expect((await c.admin.put(`/api/v1/auth/users/${gone.user.id}`, { is_active: false })).status).toBe(200)

    const res = await c.members.dentist.api.get(`${BASE}/professionals`)
    expect(res.status).toBe(200)
    const ids = res.body.data.map((p: { id: string }) => p.id)
    expect(ids).toEqual(expect.arrayContaining([surgeon.user.id, nurse.user.id, c.members.dentist.id, c.members.hygienist.id]))
    expect(ids).not.toContain(notBooked.user.id)
    expect(ids).not.toContain(gone.user.id)
    expect(ids).not.toContain(other.dentistId)
    expect(ids).not.toContain(c.members.receptionist.id)
    expect(ids).toHaveLength(4)
    expect(res.body.data.find((p: { id: string }) => p.id === surgeon.user.id)).toEqual({ id: surgeon.user.id, name: 'Sara Surgeon', role: 'admin', licence_number: null })
    // Sorted by name.
    const names = res.body.data.map((p: { name: string }) => p.name)
    expect(names).toEqual([...names].sort())

    const elsewhere = await other.api.get(`${BASE}/professionals`)
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.body.data.map((p: { id: string }) => p.id)).toEqual([other.dentistId])
  })

  it('a non-professional or inactive member cannot be booked (422 professional_id)', async () => {
    const gone = await createUser(c.admin, { email: 'left@agenda.test', role: 'dentist', password: PASSWORD })
    expect((await c.admin.put(`/api/v1/auth/users/${gone.user.id}`, { is_active: false })).status).toBe(200)
    for (const id of [c.members.receptionist.id, gone.user.id, other.dentistId]) {
      const res = await c.admin.post(`${BASE}/appointments`, { professional_id: id, start_time: '2026-05-05T08:00:00Z', end_time: '2026-05-05T08:30:00Z' })
      expect(res.status, id).toBe(422)
      expect(res.body.errors).toEqual([{ field: 'professional_id', code: 'agenda.professional_not_found', message: expect.any(String) }])
    }
  })
})
