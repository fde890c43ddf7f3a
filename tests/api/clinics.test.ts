import { describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope } from '../support/http'
import { createClinic, errorFields, MISSING_ID, signIn, UUID, signedInMember } from '../support/fixtures'
import { ownerSuite } from '../support/suite'

// The current clinic (GET/PUT /clinic), the caller's clinics, opening new
// clinics, switching clinic and X-Clinic-Id.
describe('clinics', () => {
  const suite = ownerSuite({ setup: { clinic_tax_id: 'B12345678' } })

  describe('current clinic', () => {
    it('GET answers the clinic details', async () => {
      const res = await suite.owner.get('/api/v1/auth/clinic')
      expect(res.status).toBe(200)
      expect(res.body.data).toMatchObject({
        id: suite.clinicId,
        name: 'Clínica Sonrisa',
        tax_id: 'B12345678',
        address: null,
        phone: null,
        email: null,
        timezone: 'Europe/Madrid',
        currency: 'EUR',
        country: 'ES',
        language: 'es',
        settings: {},
        is_owner: true,
      })
      expect(Number.isNaN(Date.parse(res.body.data.created_at))).toBe(false)
      expect(Number.isNaN(Date.parse(res.body.data.updated_at))).toBe(false)
    })

    it('GET answers 401 without a session', async () => {
      const res = await new ApiClient(suite.server.url).get('/api/v1/auth/clinic')
      expect(res.status).toBe(401)
      expect(isErrorEnvelope(res.body)).toBe(true)
    })

    it('PUT updates only the given fields and the change is kept', async () => {
      const res = await suite.owner.put('/api/v1/auth/clinic', {
        address: 'Calle Mayor 1, Madrid',
        phone: '+34 910 000 000',
        email: 'Hola@Sonrisa.ES',
        currency: 'usd',
        settings: { slot_minutes: 15, reminders: { sms: true } },
      })
      expect(res.status).toBe(200)
      expect(res.body.data).toMatchObject({
        id: suite.clinicId,
        name: 'Clínica Sonrisa',
        tax_id: 'B12345678',
        address: 'Calle Mayor 1, Madrid',
        phone: '+34 910 000 000',
        email: 'hola@sonrisa.es',
        currency: 'USD',
        timezone: 'Europe/Madrid',
        settings: { slot_minutes: 15, reminders: { sms: true } },
      })
      const again = await suite.owner.get('/api/v1/auth/clinic')
      expect(again.body.data).toMatchObject({ address: 'Calle Mayor 1, Madrid', currency: 'USD', settings: { slot_minutes: 15, reminders: { sms: true } } })
    })

    it('PUT clears an optional field sent as null', async () => {
      const res = await suite.owner.put('/api/v1/auth/clinic', { phone: null })
      expect(res.status).toBe(200)
      expect(res.body.data.phone).toBeNull()
      expect(res.body.data.address).toBe('Calle Mayor 1, Madrid')
    })

    it('PUT answers 422 naming each invalid field, and changes nothing', async () => {
      const res = await suite.owner.put('/api/v1/auth/clinic', { name: '', currency: 'EURO', email: 'not-an-email', timezone: 'Nowhere/Land' })
      expect(res.status).toBe(422)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(new Set(errorFields(res.body))).toEqual(new Set(['name', 'currency', 'email', 'timezone']))
      const after = await suite.owner.get('/api/v1/auth/clinic')
      expect(after.body.data).toMatchObject({ name: 'Clínica Sonrisa', currency: 'USD', timezone: 'Europe/Madrid' })
    })
  })

  describe('opening clinics and switching', () => {
    let branchId: string

    it('GET /clinics lists the caller\'s clinics with roles', async () => {
      const res = await suite.owner.get('/api/v1/auth/clinics')
      expect(res.status).toBe(200)
      expect(res.body.data).toEqual([{ id: suite.clinicId, name: 'Clínica Sonrisa', role: 'admin', is_professional: false, is_owner: true }])
    })

    it('POST /clinics answers 422 without a name', async () => {
      const res = await suite.owner.post('/api/v1/auth/clinics', { timezone: 'Europe/Madrid' })
      expect(res.status).toBe(422)
      expect(errorFields(res.body)).toEqual(['name'])
    })

    it('an owner-clinic admin opens a clinic (201) and becomes its admin', async () => {
      const res = await suite.owner.post('/api/v1/auth/clinics', { name: 'Sonrisa Norte', timezone: 'Atlantic/Canary', country: 'es', tax_id: 'B87654321' })
      expect(res.status).toBe(201)
      expect(res.body.data).toMatchObject({ name: 'Sonrisa Norte', timezone: 'Atlantic/Canary', country: 'ES', tax_id: 'B87654321', is_owner: false })
      expect(res.body.data.id).toMatch(UUID)
      expect(res.body.data.id).not.toBe(suite.clinicId)
      branchId = res.body.data.id

      const mine = await suite.owner.get('/api/v1/auth/clinics')
      expect(mine.body.data).toHaveLength(2)
      expect(mine.body.data).toContainEqual(expect.objectContaining({ id: branchId, name: 'Sonrisa Norte', role: 'admin', is_owner: false }))
    })

    it('opening a clinic does not change the current clinic', async () => {
      const res = await suite.owner.get('/api/v1/auth/clinic')
      expect(res.body.data.id).toBe(suite.clinicId)
    })

    it('X-Clinic-Id addresses another of the caller\'s clinics for that request only', async () => {
      const res = await suite.owner.get('/api/v1/auth/clinic', { headers: { 'x-clinic-id': branchId } })
      expect(res.status).toBe(200)
      expect(res.body.data).toMatchObject({ id: branchId, name: 'Sonrisa Norte' })
      const me = await suite.owner.get('/api/v1/auth/me', { headers: { 'x-clinic-id': branchId } })
      expect(me.body.data.current_clinic.id).toBe(branchId)
      const next = await suite.owner.get('/api/v1/auth/clinic')
      expect(next.body.data.id).toBe(suite.clinicId)
    })

    it('PUT with X-Clinic-Id changes that clinic only', async () => {
      const res = await suite.owner.put('/api/v1/auth/clinic', { phone: '+34 922 000 000' }, { headers: { 'x-clinic-id': branchId } })
      expect(res.status).toBe(200)
      expect(res.body.data).toMatchObject({ id: branchId, phone: '+34 922 000 000' })
      const home = await suite.owner.get('/api/v1/auth/clinic')
      expect(home.body.data.phone).toBeNull()
    })

    it('X-Clinic-Id naming a clinic the caller does not belong to is 403, a malformed one too', async () => {
      for (const id of [MISSING_ID, 'not-a-uuid']) {
        const res = await suite.owner.get('/api/v1/auth/me', { headers: { 'x-clinic-id': id } })
        expect(res.status, id).toBe(403)
        expect(isErrorEnvelope(res.body)).toBe(true)
      }
    })

    it('POST /clinic switches the session\'s clinic and the switch sticks', async () => {
      const res = await suite.owner.post('/api/v1/auth/clinic', { clinic_id: branchId })
      expect(res.status).toBe(200)
      expect(res.body.data.current_clinic).toMatchObject({ id: branchId, name: 'Sonrisa Norte' })
      expect(res.body.data.current_clinic_id).toBe(branchId)
      expect(res.body.data.role).toBe('admin')

      const clinic = await suite.owner.get('/api/v1/auth/clinic')
      expect(clinic.body.data.id).toBe(branchId)
      const me = await suite.owner.get('/api/v1/auth/me')
      expect(me.body.data.current_clinic.id).toBe(branchId)

      // Another session of the same user is not affected.
      const other = await signIn(suite.server.url, 'owner@clinic.test', 'Sup3rSecret')
      const otherClinic = await other.get('/api/v1/auth/clinic')
      expect(otherClinic.body.data.id).toBe(suite.clinicId)

      const back = await suite.owner.post('/api/v1/auth/clinic', { clinic_id: suite.clinicId })
      expect(back.status).toBe(200)
      expect((await suite.owner.get('/api/v1/auth/clinic')).body.data.id).toBe(suite.clinicId)
    })

    it('POST /clinic answers 422 for a malformed id, 403 for a clinic the caller is not in, 401 anonymous', async () => {
      const bad = await suite.owner.post('/api/v1/auth/clinic', { clinic_id: 'nope' })
      expect(bad.status).toBe(422)
      expect(errorFields(bad.body)).toEqual(['clinic_id'])
      const stranger = await suite.owner.post('/api/v1/auth/clinic', { clinic_id: MISSING_ID })
      expect(stranger.status).toBe(403)
      expect(isErrorEnvelope(stranger.body)).toBe(true)
      const anon = await new ApiClient(suite.server.url).post('/api/v1/auth/clinic', { clinic_id: suite.clinicId })
      expect(anon.status).toBe(401)
      expect((await suite.owner.get('/api/v1/auth/clinic')).body.data.id).toBe(suite.clinicId)
    })

    it('only admins of the owning clinic can open clinics', async () => {
      // A dentist of the owning clinic.
      const dentist = (await signedInMember(suite.owner, { email: 'dentist@clinic.test', role: 'dentist', password: 'Dent1st-pass' })).api
      const byDentist = await dentist.post('/api/v1/auth/clinics', { name: 'Dentist Clinic' })
      expect(byDentist.status).toBe(403)
      expect(isErrorEnvelope(byDentist.body)).toBe(true)

      // An admin of the branch (not of the owning clinic).
      const branchAdmin = (await signedInMember(suite.owner, { email: 'branch-admin@clinic.test', role: 'admin', password: 'Branch-adm1n' }, branchId)).api
      const byBranchAdmin = await branchAdmin.post('/api/v1/auth/clinics', { name: 'Branch Admin Clinic' })
      expect(byBranchAdmin.status).toBe(403)
      expect(isErrorEnvelope(byBranchAdmin.body)).toBe(true)

      // Anonymous.
      const anon = await new ApiClient(suite.server.url).post('/api/v1/auth/clinics', { name: 'Anon Clinic' })
      expect(anon.status).toBe(401)

      // None of them was created.
      const mine = await suite.owner.get('/api/v1/auth/clinics')
      expect(mine.body.data.map((c: any) => c.name).sort()).toEqual(['Clínica Sonrisa', 'Sonrisa Norte'])
      expect((await branchAdmin.get('/api/v1/auth/clinics')).body.data.map((c: any) => c.name)).toEqual(['Sonrisa Norte'])
    })

    it('a non-admin member gets 403 on GET and PUT /clinic, but lists their clinics', async () => {
      const dentist = await signIn(suite.server.url, 'dentist@clinic.test', 'Dent1st-pass')
      const get = await dentist.get('/api/v1/auth/clinic')
      expect(get.status).toBe(403)
      expect(isErrorEnvelope(get.body)).toBe(true)
      const put = await dentist.put('/api/v1/auth/clinic', { name: 'Hijacked' })
      expect(put.status).toBe(403)
      expect((await suite.owner.get('/api/v1/auth/clinic')).body.data.name).toBe('Clínica Sonrisa')
      const list = await dentist.get('/api/v1/auth/clinics')
      expect(list.status).toBe(200)
      expect(list.body.data).toEqual([{ id: suite.clinicId, name: 'Clínica Sonrisa', role: 'dentist', is_professional: true, is_owner: true }])
    })

    it('the owner-clinic admin can open several clinics', async () => {
      // The owner admin can keep opening clinics; the new one is also listed for them.
      const third = await createClinic(suite.owner, 'Sonrisa Sur')
      const mine = await suite.owner.get('/api/v1/auth/clinics')
      expect(mine.body.data.map((c: any) => c.id)).toContain(third.id)
    })
  })
})
