import { beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope } from '../../../../tests/support/http'
import { clinicWithAdmin, MISSING_ID, signedInMember } from '../../../../tests/support/fixtures'
import { ownerSuite } from '../../../../tests/support/suite'

const PASSWORD = 'Patients-passw0rd'

type Role = 'admin' | 'dentist' | 'hygienist' | 'assistant' | 'receptionist' | 'anonymous'
type Route = 'list' | 'recent' | 'create' | 'get' | 'update' | 'archive' | 'restore' | 'medical.get' | 'medical.update'

// Expected status per route and role, written by hand from the grants of
// layers/patients/module.ts: admin and dentist `*`; hygienist read +
// medical.read; assistant read, write, medical.read, medical.write;
// receptionist read, write, archive, medical.read. Anonymous is always 401.
const MATRIX: Record<Route, Record<Role, number>> = {
  'list': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'recent': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'create': { admin: 201, dentist: 201, hygienist: 403, assistant: 201, receptionist: 201, anonymous: 401 },
  'get': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'update': { admin: 200, dentist: 200, hygienist: 403, assistant: 200, receptionist: 200, anonymous: 401 },
  'archive': { admin: 204, dentist: 204, hygienist: 403, assistant: 403, receptionist: 204, anonymous: 401 },
  'restore': { admin: 200, dentist: 200, hygienist: 403, assistant: 403, receptionist: 200, anonymous: 401 },
  'medical.get': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'medical.update': { admin: 200, dentist: 200, hygienist: 403, assistant: 200, receptionist: 403, anonymous: 401 },
}

const ROLES: Role[] = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist', 'anonymous']
const CASES = (Object.keys(MATRIX) as Route[]).flatMap(route => ROLES.map(role => ({ route, role, expected: MATRIX[route][role] })))

const BASE = '/api/v1/patients'

describe('patients permissions and tenancy', () => {
  const suite = ownerSuite()
  const clients = {} as Record<Role, ApiClient>
  let seq = 0

  async function newPatient(api: ApiClient = suite.owner, extra: Record<string, unknown> = {}): Promise<string> {
    seq += 1
    const res = await api.post(BASE, { first_name: 'Perm', last_name: `Patient${seq}`, ...extra })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.data.id
  }

  async function archived(): Promise<string> {
    const id = await newPatient()
    expect((await suite.owner.delete(`${BASE}/${id}`)).status).toBe(204)
    return id
  }

  async function asOwner(id: string) {
    const res = await suite.owner.get(`${BASE}/${id}`)
    expect(res.status).toBe(200)
    return res.body.data
  }

  beforeAll(async () => {
    clients.admin = suite.owner
    for (const role of ['dentist', 'hygienist', 'assistant', 'receptionist'] as const) {
      clients[role] = (await signedInMember(suite.owner, { email: `${role}@clinic.test`, role, password: PASSWORD })).api
    }
    clients.anonymous = new ApiClient(suite.server.url)
  })

  describe('permission matrix (every route × role)', () => {
    it.each(CASES)('$route as $role → $expected', async ({ route, role, expected }) => {
      const api = clients[role]
      const allowed = expected < 300
      let res
      switch (route) {
        case 'list':
          res = await api.get(BASE)
          if (allowed) expect(res.body).toMatchObject({ page: 1, page_size: 25 })
          break
        case 'recent':
          res = await api.get(`${BASE}/recent`)
          if (allowed) expect(Array.isArray(res.body.data)).toBe(true)
          break
        case 'create': {
          const last = `Created-by-${role}`
          res = await api.post(BASE, { first_name: 'Matrix', last_name: last })
          const found = await suite.owner.get(`${BASE}?search=${encodeURIComponent(`created-by-${role}`)}`)
          expect(found.body.total).toBe(allowed ? 1 : 0)
          break
        }
        case 'get': {
          const id = await newPatient()
          res = await api.get(`${BASE}/${id}`)
          if (allowed) expect(res.body.data.id).toBe(id)
          break
        }
        case 'update': {
          const id = await newPatient()
          res = await api.put(`${BASE}/${id}`, { notes: `edited by ${role}` })
          expect((await asOwner(id)).notes).toBe(allowed ? `edited by ${role}` : null)
          break
        }
        case 'archive': {
          const id = await newPatient()
          res = await api.delete(`${BASE}/${id}`)
          expect((await asOwner(id)).status).toBe(allowed ? 'archived' : 'active')
          break
        }
        case 'restore': {
          const id = await archived()
          res = await api.post(`${BASE}/${id}/restore`)
          expect((await asOwner(id)).status).toBe(allowed ? 'active' : 'archived')
          break
        }
        case 'medical.get': {
          const id = await newPatient()
          res = await api.get(`${BASE}/${id}/medical`)
          if (allowed) expect(res.body.data).toMatchObject({ patient_id: id, allergies: [] })
          break
        }
        case 'medical.update': {
          const id = await newPatient()
          res = await api.put(`${BASE}/${id}/medical`, { allergies: ['Latex'] })
          const check = await suite.owner.get(`${BASE}/${id}/medical`)
          expect(check.body.data.allergies).toEqual(allowed ? ['Latex'] : [])
          break
        }
      }
      expect(res.status, JSON.stringify(res.body)).toBe(expected)
      if (!allowed) expect(isErrorEnvelope(res.body)).toBe(true)
    })
  })

  describe('allergies at registration', () => {
    it('the receptionist (no medical.write) records the allergies when registering, and cannot change them afterwards', async () => {
      const reception = clients.receptionist
      const listed = await reception.post(BASE, { first_name: 'Front', last_name: 'Desk', allergies: ['Latex'] })
      expect(listed.status, JSON.stringify(listed.body)).toBe(201)
      expect(listed.body.data).toMatchObject({ allergies: ['Latex'], allergies_status: 'recorded' })
      const none = await reception.post(BASE, { first_name: 'Front', last_name: 'DeskNone', no_known_allergies: true })
      expect(none.body.data).toMatchObject({ allergies: [], allergies_status: 'none_known' })

      const later = await reception.put(`${BASE}/${listed.body.data.id}/medical`, { allergies: [], no_known_allergies: true })
      expect(later.status).toBe(403)
      // A record edit (patients.write) cannot slip allergies in either.
      expect((await reception.put(`${BASE}/${none.body.data.id}`, { allergies: ['Iodine'], notes: 'x' })).status).toBe(200)
      expect(await asOwner(listed.body.data.id)).toMatchObject({ allergies: ['Latex'], allergies_status: 'recorded' })
      expect(await asOwner(none.body.data.id)).toMatchObject({ allergies: [], allergies_status: 'none_known' })
    })
  })

  describe('ids', () => {
    const idRoutes = (id: string): [string, (api: ApiClient) => ReturnType<ApiClient['get']>][] => [
      ['GET /{id}', api => api.get(`${BASE}/${id}`)],
      ['PUT /{id}', api => api.put(`${BASE}/${id}`, { first_name: 'Changed' })],
      ['DELETE /{id}', api => api.delete(`${BASE}/${id}`)],
      ['POST /{id}/restore', api => api.post(`${BASE}/${id}/restore`)],
      ['GET /{id}/medical', api => api.get(`${BASE}/${id}/medical`)],
      ['PUT /{id}/medical', api => api.put(`${BASE}/${id}/medical`, { allergies: ['Changed'] })],
    ]

    it.each(['not-a-uuid', '123', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', MISSING_ID])('%s answers 404 on every id route', async (id) => {
      for (const [name, call] of idRoutes(id)) {
        const res = await call(suite.owner)
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(404)
        expect(isErrorEnvelope(res.body), name).toBe(true)
      }
    })
  })

  describe('tenant isolation', () => {
    let clinicB: string
    let inA: string
    let archivedInA: string
    let inB: string
    let adminB: ApiClient

    beforeAll(async () => {
      inA = await newPatient(suite.owner, { phone: '+34 699 000 111', email: 'tenant.a@example.com' })
      expect((await suite.owner.put(`${BASE}/${inA}/medical`, { allergies: ['Aspirin'] })).status).toBe(200)
      archivedInA = await archived()
      ;({ clinicId: clinicB, admin: adminB } = await clinicWithAdmin(suite.owner, 'Clinic B', { email: 'admin-b@clinic.test', password: PASSWORD }))
      const res = await adminB.post(BASE, { first_name: 'Only', last_name: 'InB' })
      expect(res.status).toBe(201)
      inB = res.body.data.id
    })

    it('another clinic\'s patient is 404 on every id route, exactly like an unknown id, and nothing changes', async () => {
      const before = await asOwner(inA)
      for (const [id, name] of [[inA, 'active'], [archivedInA, 'archived']] as const) {
        const calls: [string, () => ReturnType<ApiClient['get']>, () => ReturnType<ApiClient['get']>][] = [
          ['GET', () => adminB.get(`${BASE}/${id}`), () => adminB.get(`${BASE}/${MISSING_ID}`)],
          ['PUT', () => adminB.put(`${BASE}/${id}`, { first_name: 'Hacked' }), () => adminB.put(`${BASE}/${MISSING_ID}`, { first_name: 'Hacked' })],
          ['DELETE', () => adminB.delete(`${BASE}/${id}`), () => adminB.delete(`${BASE}/${MISSING_ID}`)],
          ['restore', () => adminB.post(`${BASE}/${id}/restore`), () => adminB.post(`${BASE}/${MISSING_ID}/restore`)],
          ['medical GET', () => adminB.get(`${BASE}/${id}/medical`), () => adminB.get(`${BASE}/${MISSING_ID}/medical`)],
          ['medical PUT', () => adminB.put(`${BASE}/${id}/medical`, { allergies: [] }), () => adminB.put(`${BASE}/${MISSING_ID}/medical`, { allergies: [] })],
        ]
        for (const [label, foreign, missing] of calls) {
          const res = await foreign()
          expect(res.status, `${name} ${label}`).toBe(404)
          expect(res.body, `${name} ${label}`).toEqual((await missing()).body)
        }
      }
      expect(await asOwner(inA)).toEqual(before)
      expect((await asOwner(archivedInA)).status).toBe('archived')
      expect((await suite.owner.get(`${BASE}/${inA}/medical`)).body.data.allergies).toEqual(['Aspirin'])
    })

    it('the same member sees clinic B\'s patient only with clinic B current (X-Clinic-Id)', async () => {
      expect((await suite.owner.get(`${BASE}/${inB}`)).status).toBe(404)
      const viaHeader = await suite.owner.get(`${BASE}/${inB}`, { headers: { 'x-clinic-id': clinicB } })
      expect(viaHeader.status).toBe(200)
      expect(viaHeader.body.data).toMatchObject({ id: inB, clinic_id: clinicB, last_name: 'InB' })
      const foreignViaHeader = await suite.owner.get(`${BASE}/${inA}`, { headers: { 'x-clinic-id': clinicB } })
      expect(foreignViaHeader.status).toBe(404)
    })

    it('lists, searches and recent patients hold only the current clinic\'s patients', async () => {
      const b = await adminB.get(`${BASE}?status=all`)
      expect(b.status).toBe(200)
      expect(b.body.data.map((p: { id: string }) => p.id)).toEqual([inB])
      expect(b.body.total).toBe(1)
      for (const q of ['tenant.a', '699000111', 'perm']) {
        const res = await adminB.get(`${BASE}?status=all&search=${encodeURIComponent(q)}`)
        expect(res.body, q).toMatchObject({ data: [], total: 0 })
      }
      const recent = await adminB.get(`${BASE}/recent`)
      expect(recent.body.data.map((p: { id: string }) => p.id)).toEqual([inB])
      const a = await suite.owner.get(`${BASE}?status=all&page_size=100`)
      expect(a.body.data.map((p: { id: string }) => p.id)).not.toContain(inB)
      expect(a.body.data.every((p: { clinic_id: string }) => p.clinic_id !== clinicB)).toBe(true)
    })

    it('a patient created with X-Clinic-Id belongs to that clinic', async () => {
      const res = await suite.owner.post(BASE, { first_name: 'Header', last_name: 'Made' }, { headers: { 'x-clinic-id': clinicB } })
      expect(res.status).toBe(201)
      expect(res.body.data.clinic_id).toBe(clinicB)
      expect((await adminB.get(`${BASE}/${res.body.data.id}`)).status).toBe(200)
      expect((await suite.owner.get(`${BASE}/${res.body.data.id}`)).status).toBe(404)
    })
  })
})
