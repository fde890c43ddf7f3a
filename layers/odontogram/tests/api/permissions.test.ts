import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../../../../tests/support/http'
import { openOtherClinic } from '../../../../tests/support/role-clinic'
import { allow, expectCallStatus, expectRefusals, matrixRows } from '../../../../tests/support/role-matrix'
import type { RoleMatrix, RouteCall } from '../../../../tests/support/role-matrix'
import { BASE, chart, createPatient, entriesOf, ROLES, startOdontogramSuite } from './helpers'
import type { OdontogramSuite } from './helpers'

interface Prepared extends RouteCall {
  entryId?: string
}

const READ = allow(200, ['admin', 'dentist', 'hygienist', 'assistant'])
const WRITE = (ok: number) => allow(ok, ['admin', 'dentist', 'hygienist'])

// Written by hand from module.ts role_permissions: admin '*'; dentist and
// hygienist read, write, conditions.write; assistant read and conditions.write
// (which charts only where the clinic turns it on: off here); receptionist
// nothing — not even reading the chart.
const MATRIX: RoleMatrix = {
  'GET /patients/{patient_id}/chart': READ,
  'GET /patients/{patient_id}/entries': READ,
  'POST /patients/{patient_id}/entries': WRITE(201),
  'GET /patients/{patient_id}/history': READ,
  'GET /entries/{id}': READ,
  'PUT /entries/{id}': WRITE(200),
  'DELETE /entries/{id}': WRITE(204),
  'POST /entries/{id}/perform': WRITE(200),
  'POST /entries/{id}/cancel': WRITE(200),
}

const ROWS = matrixRows(MATRIX)

describe('odontogram permissions and tenancy', () => {
  let { server, c, items } = {} as OdontogramSuite
  let anonymous: ApiClient
  let patient: string

  beforeAll(async () => {
    ({ server, c, items } = await startOdontogramSuite())
    anonymous = new ApiClient(server.url)
    patient = await createPatient(c.admin)
  })
  afterAll(async () => server?.close())

  /** A fresh planned treatment per call (charted by the admin), so every allowed call can succeed. */
  async function prepare(route: string): Promise<Prepared> {
    const [method, template] = route.split(' ') as [string, string]
    if (template.startsWith('/entries/{id}')) {
      const entry = await chart(c.admin, patient, { kind: 'treatment', catalog_item_id: items.crown, teeth: [{ tooth: 11 }] })
      const rest = template.slice('/entries/{id}'.length)
      const body = method === 'PUT' ? { notes: 'Changed' } : method === 'DELETE' ? { reason: 'Charted in error' } : rest ? {} : undefined
      return { method, path: `${BASE}/entries/${entry.id}${rest}`, body, entryId: entry.id }
    }
    const body = method === 'POST' ? { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16, surfaces: ['O'] }], notes: `matrix ${Math.random()}` } : undefined
    return { method, path: `${BASE}${template.replace('{patient_id}', patient)}`, body }
  }

  it('the matrix lists every odontogram route', () => {
    expect(Object.keys(MATRIX)).toHaveLength(9)
    expect(ROWS).toHaveLength(54)
  })

  it.each(ROWS)('%s as %s → %i', async (route, caller, expected) => {
    const target = await prepare(route)
    await expectCallStatus({ members: c.members, anonymous }, caller, target, expected)
    if (expected >= 400) {
      // A refused write left its target as the admin charted it.
      if (target.entryId) expect((await c.admin.get(`${BASE}/entries/${target.entryId}`)).body.data).toMatchObject({ status: 'planned', notes: null })
      if (route === 'POST /patients/{patient_id}/entries') {
        const notes = (target.body as { notes: string }).notes
        expect((await entriesOf(c.admin, patient)).map(e => e.notes)).not.toContain(notes)
      }
    }
  })

  it('assistants chart conditions once the clinic turns it on — never treatments', async () => {
    const assistant = c.members.assistant.api
    const condition = { kind: 'condition', clinical_type: 'fracture', teeth: [{ tooth: 21 }] }
    const off = await assistant.post(`${BASE}/patients/${patient}/entries`, condition)
    expect([off.status, off.body.errors[0].code]).toEqual([403, 'odontogram.conditions_not_enabled'])
    const on = await c.admin.put('/api/v1/auth/clinic', { settings: { odontogram: { assistants_record_conditions: true } } })
    expect(on.status, JSON.stringify(on.body)).toBe(200)
    try {
      const res = await assistant.post(`${BASE}/patients/${patient}/entries`, condition)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.data.recorded_by.id).toBe(c.members.assistant.id)
      const treatment = await assistant.post(`${BASE}/patients/${patient}/entries`, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 22 }] })
      expect([treatment.status, treatment.body.errors[0].code]).toEqual([403, 'odontogram.treatments_forbidden'])
      // Still nothing else: performing, editing and deleting stay with odontogram.write.
      expect((await assistant.post(`${BASE}/entries/${res.body.data.id}/perform`, {})).status).toBe(403)
    }
    finally {
      expect((await c.admin.put('/api/v1/auth/clinic', { settings: {} })).status).toBe(200)
    }
  })

  describe('tenant isolation: another clinic\'s patient and entry are 404 on every route', () => {
    let theirs: { patient: string, entry: string }
    let other: Awaited<ReturnType<typeof openOtherClinic>>

    beforeAll(async () => {
      other = await openOtherClinic(server, 'America/New_York')
      const p = await createPatient(other.api, { first_name: 'Their' })
      const e = await chart(other.api, p, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 11 }] })
      theirs = { patient: p, entry: e.id }
    })

    it.each(ROLES)('as %s of the first clinic', async (role) => {
      const api = c.members[role].api
      // Roles without the grant are refused before the lookup (403): nothing of theirs is read either way.
      const status = (write: boolean) => (role === 'receptionist' || (write && role === 'assistant') ? 403 : 404)
      await expectRefusals([
        ['GET chart', api.get(`${BASE}/patients/${theirs.patient}/chart`), status(false)],
        ['GET chart at', api.get(`${BASE}/patients/${theirs.patient}/chart?at=2026-01-01`), status(false)],
        ['GET entries', api.get(`${BASE}/patients/${theirs.patient}/entries`), status(false)],
        ['GET history', api.get(`${BASE}/patients/${theirs.patient}/history`), status(false)],
        ['POST entry', api.post(`${BASE}/patients/${theirs.patient}/entries`, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16 }] }), status(true)],
        ['GET entry', api.get(`${BASE}/entries/${theirs.entry}`), status(false)],
        ['PUT entry', api.put(`${BASE}/entries/${theirs.entry}`, { notes: 'Stolen' }), status(true)],
        ['DELETE entry', api.request('DELETE', `${BASE}/entries/${theirs.entry}`, { body: { reason: 'Stolen' } }), status(true)],
        ['perform', api.post(`${BASE}/entries/${theirs.entry}/perform`, {}), status(true)],
        ['cancel', api.post(`${BASE}/entries/${theirs.entry}/cancel`, {}), status(true)],
      ])
    })

    it('and nothing of theirs changed', async () => {
      const entry = await other.api.get(`${BASE}/entries/${theirs.entry}`)
      expect(entry.body.data).toMatchObject({ status: 'planned', notes: null })
      expect(await entriesOf(other.api, theirs.patient)).toHaveLength(1)
      const history = await other.api.get(`${BASE}/patients/${theirs.patient}/history`)
      expect(history.body.total).toBe(1)
    })
  })
})
