import { beforeAll, describe, expect, it } from 'vitest'
import { isErrorEnvelope } from '../support/http'
import type { ApiClient } from '../support/http'
import { clinicWithAdmin, createUser, signIn } from '../support/fixtures'
import { ownerSuite } from '../support/suite'

const PASSWORD = 'Tenant-passw0rd'

// Clinic A (the owner's) and clinic B (opened by the owner admin), each with
// users of its own. Nothing of one clinic is visible from the other.
describe('tenancy', () => {
  const suite = ownerSuite()
  let clinicB: string
  let dentistA: string
  let dentistB: string
  let adminBId: string
  let adminB: ApiClient

  beforeAll(async () => {
    dentistA = (await createUser(suite.owner, { email: 'dentist-a@clinic.test', role: 'dentist', password: PASSWORD })).user.id
    ;({ clinicId: clinicB, admin: adminB, adminId: adminBId } = await clinicWithAdmin(suite.owner, 'Clinic B', { email: 'admin-b@clinic.test', password: PASSWORD }))
    dentistB = (await createUser(suite.owner, { email: 'dentist-b@clinic.test', role: 'dentist', password: PASSWORD }, clinicB)).user.id
  })

  it('each clinic\'s users list holds only its own members', async () => {
    const a = await suite.owner.get('/api/v1/auth/users')
    expect(a.status).toBe(200)
    expect(a.body.data.map((u: any) => u.email).sort()).toEqual(['dentist-a@clinic.test', 'owner@clinic.test'])
    expect(a.body.total).toBe(2)
    const b = await adminB.get('/api/v1/auth/users')
    expect(b.status).toBe(200)
    expect(b.body.data.map((u: any) => u.email).sort()).toEqual(['admin-b@clinic.test', 'dentist-b@clinic.test', 'owner@clinic.test'])
  })

  it('a user of clinic B reading clinic A\'s user gets 404', async () => {
    const res = await adminB.get(`/api/v1/auth/users/${dentistA}`)
    expect(res.status).toBe(404)
    expect(isErrorEnvelope(res.body)).toBe(true)
    // Same answer as for an id that does not exist at all: nothing leaks.
    const none = await adminB.get('/api/v1/auth/users/00000000-0000-4000-8000-000000000000')
    expect(res.body).toEqual(none.body)
  })

  it('a user of clinic B cannot update or remove clinic A\'s user (404), and nothing changes', async () => {
    const put = await adminB.put(`/api/v1/auth/users/${dentistA}`, { is_active: false, role: 'receptionist' })
    expect(put.status).toBe(404)
    expect(isErrorEnvelope(put.body)).toBe(true)
    const del = await adminB.delete(`/api/v1/auth/users/${dentistA}`)
    expect(del.status).toBe(404)
    const check = await suite.owner.get(`/api/v1/auth/users/${dentistA}`)
    expect(check.status).toBe(200)
    expect(check.body.data).toMatchObject({ is_active: true, role: 'dentist' })
    await signIn(suite.server.url, 'dentist-a@clinic.test', PASSWORD)
  })

  it('a member of both clinics sees each clinic\'s users only while that clinic is current', async () => {
    const fromA = await suite.owner.get(`/api/v1/auth/users/${dentistB}`)
    expect(fromA.status).toBe(404)
    const viaHeader = await suite.owner.get(`/api/v1/auth/users/${dentistB}`, { headers: { 'x-clinic-id': clinicB } })
    expect(viaHeader.status).toBe(200)
    expect(viaHeader.body.data).toMatchObject({ id: dentistB, email: 'dentist-b@clinic.test', role: 'dentist' })
  })

  it('switching to a clinic you do not belong to is 403 and keeps the current clinic', async () => {
    const res = await adminB.post('/api/v1/auth/clinic', { clinic_id: suite.clinicId })
    expect(res.status).toBe(403)
    expect(isErrorEnvelope(res.body)).toBe(true)
    const me = await adminB.get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.data.current_clinic.id).toBe(clinicB)
    expect((await adminB.get('/api/v1/auth/clinic')).body.data.id).toBe(clinicB)
  })

  it('X-Clinic-Id naming a clinic you do not belong to is 403 on every endpoint', async () => {
    const headers = { 'x-clinic-id': suite.clinicId }
    const attempts = [
      await adminB.get('/api/v1/auth/me', { headers }),
      await adminB.get('/api/v1/auth/users', { headers }),
      await adminB.get(`/api/v1/auth/users/${dentistA}`, { headers }),
      await adminB.put(`/api/v1/auth/users/${dentistA}`, { is_active: false }, { headers }),
      await adminB.get('/api/v1/auth/clinic', { headers }),
      await adminB.put('/api/v1/auth/clinic', { name: 'Mine now' }, { headers }),
      await adminB.post('/api/v1/auth/users', { email: 'spy@clinic.test', first_name: 'S', last_name: 'Py', role: 'admin', password: PASSWORD }, { headers }),
    ]
    for (const res of attempts) {
      expect(res.status).toBe(403)
      expect(isErrorEnvelope(res.body)).toBe(true)
    }
    expect((await suite.owner.get('/api/v1/auth/clinic')).body.data.name).toBe('Clínica Sonrisa')
    expect((await suite.owner.get('/api/v1/auth/users')).body.total).toBe(2)
  })

  it('a user only sees their own clinics', async () => {
    const b = await adminB.get('/api/v1/auth/clinics')
    expect(b.status).toBe(200)
    expect(b.body.data).toEqual([{ id: clinicB, name: 'Clinic B', role: 'admin', is_professional: false, is_owner: false }])
    const me = await adminB.get('/api/v1/auth/me')
    expect(me.body.data.clinics.map((c: any) => c.id)).toEqual([clinicB])
    const ownerClinics = await suite.owner.get('/api/v1/auth/clinics')
    expect(ownerClinics.body.data.map((c: any) => c.id).sort()).toEqual([suite.clinicId, clinicB].sort())
  })

  it('an admin of clinic B administers clinic B only', async () => {
    const clinic = await adminB.put('/api/v1/auth/clinic', { phone: '+34 600 000 000' })
    expect(clinic.status).toBe(200)
    expect(clinic.body.data).toMatchObject({ id: clinicB, phone: '+34 600 000 000' })
    expect((await suite.owner.get('/api/v1/auth/clinic')).body.data.phone).toBeNull()

    const demoted = await adminB.put(`/api/v1/auth/users/${dentistB}`, { role: 'hygienist' })
    expect(demoted.status).toBe(200)
    expect(demoted.body.data.role).toBe('hygienist')
  })

  it('a user added to a second clinic gets a role per clinic', async () => {
    // admin-b is invited into clinic A as a receptionist and accepts in the app (an existing account).
    const res = await suite.owner.post('/api/v1/auth/users', { email: 'admin-b@clinic.test', first_name: 'Ignored', last_name: 'Ignored', role: 'receptionist' })
    expect(res.status).toBe(201)
    expect(res.body.data.user).toMatchObject({ id: adminBId, role: 'receptionist', status: 'invited' })
    const [invitation] = (await adminB.get('/api/v1/auth/invitations')).body.data
    expect(invitation).toMatchObject({ clinic_id: suite.clinicId, role: 'receptionist' })
    expect((await adminB.post(`/api/v1/auth/invitations/${invitation.id}/accept`)).status).toBe(200)

    const clinics = await adminB.get('/api/v1/auth/clinics')
    const roles = Object.fromEntries(clinics.body.data.map((c: any) => [c.id, c.role]))
    expect(roles).toEqual({ [suite.clinicId]: 'receptionist', [clinicB]: 'admin' })

    // In clinic A they are a receptionist: no users admin there.
    const inA = await adminB.get('/api/v1/auth/users', { headers: { 'x-clinic-id': suite.clinicId } })
    expect(inA.status).toBe(403)
    const meA = await adminB.get('/api/v1/auth/me', { headers: { 'x-clinic-id': suite.clinicId } })
    expect(meA.body.data).toMatchObject({ role: 'receptionist', current_clinic_id: suite.clinicId })
    // Still admin in clinic B.
    expect((await adminB.get('/api/v1/auth/users')).status).toBe(200)
  })
})
