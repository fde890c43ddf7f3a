import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope } from '../../../../tests/support/http'
import { addItem, BASE, book, createPatient, createPlan, filling, planIn, ROLES, setupOtherClinic, startPlanSuite } from './helpers'
import type { PlanSuite, Role } from './helpers'

type Caller = Role | 'anonymous'
const CALLERS: Caller[] = [...ROLES, 'anonymous']

// Written by hand from module.ts role_permissions: admin '*'; dentist all six;
// hygienist read; assistant read, write; receptionist read, close, reactivate.
const by = (allowed: Role[], ok: number) => Object.fromEntries(CALLERS.map(c => [c, c === 'anonymous' ? 401 : allowed.includes(c as Role) ? ok : 403])) as Record<Caller, number>
const ALL: Role[] = [...ROLES]
const WRITERS: Role[] = ['admin', 'dentist', 'assistant']
const CLINICAL: Role[] = ['admin', 'dentist']

const MATRIX: Record<string, Record<Caller, number>> = {
  'GET /plans': by(ALL, 200),
  'GET /pipeline': by(ALL, 200),
  'POST /plans': by(WRITERS, 201),
  'GET /plans/{id}': by(ALL, 200),
  'PUT /plans/{id}': by(WRITERS, 200),
  'DELETE /plans/{id}': by(WRITERS, 204),
  // An existing planned treatment: the plan's write is enough.
  'POST /plans/{id}/items': by(WRITERS, 201),
  'PUT /plans/{id}/items/{item_id}': by(WRITERS, 200),
  'DELETE /plans/{id}/items/{item_id}': by(WRITERS, 204),
  'POST /plans/{id}/items/reorder': by(WRITERS, 200),
  // Performing is clinical: odontogram.write too (assistants lack it).
  'POST /plans/{id}/items/{item_id}/perform': by(CLINICAL, 200),
  'POST /plans/{id}/propose': by(CLINICAL, 200),
  'POST /plans/{id}/accept': by(CLINICAL, 200),
  'POST /plans/{id}/reopen': by(CLINICAL, 200),
  'POST /plans/{id}/close': by(['admin', 'dentist', 'receptionist'], 200),
  'POST /plans/{id}/reactivate': by(['admin', 'dentist', 'receptionist'], 200),
  'GET /appointments/{appointment_id}/items': by(ALL, 200),
  'PUT /appointments/{appointment_id}/items': by(WRITERS, 200),
}

const ROWS = Object.entries(MATRIX).flatMap(([route, byCaller]) => CALLERS.map(caller => [route, caller, byCaller[caller]] as const))

// The status a plan must be in for each route to succeed.
const NEEDS: Record<string, string> = { accept: 'proposed', reopen: 'proposed', reactivate: 'closed' }

describe('treatment_plan permissions and tenancy', () => {
  let { server, c, items } = {} as PlanSuite
  let anonymous: ApiClient
  let patient: string

  beforeAll(async () => {
    ({ server, c, items } = await startPlanSuite())
    anonymous = new ApiClient(server.url)
    patient = await createPatient(c.admin)
  })
  afterAll(async () => server?.close())

  /** A fresh plan in the status the route needs (made by the admin), so every allowed call can succeed. */
  async function prepare(route: string) {
    const [method, template] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string]
    const action = template.split('/').pop()!
    const plan = await planIn(c.admin, items, patient, NEEDS[action] ?? 'draft')
    const item = (await c.admin.get(`${BASE}/plans/${plan.id}`)).body.data.items[0]
    const appointment = template.startsWith('/appointments') ? await book(c.admin, patient, c.members.dentist.id) : ''
    let body: unknown
    if (template === '/plans' && method === 'POST') body = { patient_id: patient }
    else if (template === '/plans/{id}/items') {
      const entry = await c.admin.post(`/api/v1/odontogram/patients/${patient}/entries`, { kind: 'treatment', catalog_item_id: items.crown, teeth: [{ tooth: 11 }] })
      body = { treatment_id: entry.body.data.id }
    }
    else if (template.endsWith('/reorder')) body = { items: [{ id: item.id, phase: 1 }] }
    else if (template.endsWith('/close')) body = { reason: 'expired' }
    else if (template === '/appointments/{appointment_id}/items' && method === 'PUT') body = { items: [{ item_id: item.id }] }
    else if (method === 'PUT') body = { phase: 2, title: 'Changed' }
    else if (method === 'POST') body = {}
    if (template === '/plans/{id}/items/{item_id}' && method === 'PUT') body = { phase: 2 }
    if (template === '/plans/{id}' && method === 'PUT') body = { title: 'Changed' }
    const path = `${BASE}${template.replace('{id}', plan.id).replace('{item_id}', item.id).replace('{appointment_id}', appointment)}`
    return { method, path, body }
  }

  it.each(ROWS)('%s as %s → %i', async (route, caller, expected) => {
    const { method, path, body } = await prepare(route)
    const api = caller === 'anonymous' ? anonymous : c.members[caller].api
    const res = await api.request(method, path, body === undefined ? {} : { body })
    expect(res.status, JSON.stringify(res.body)).toBe(expected)
    if (expected >= 400) expect(isErrorEnvelope(res.body)).toBe(true)
  })

  it('assistants add existing treatments but do not chart new ones', async () => {
    const plan = await createPlan(c.admin, patient)
    const res = await c.members.assistant.api.post(`${BASE}/plans/${plan.id}/items`, filling(items, 33))
    expect(res.status).toBe(403)
    expect(res.body.errors[0].code).toBe('odontogram.treatments_forbidden')
    expect((await c.admin.get(`${BASE}/plans/${plan.id}`)).body.data.items).toEqual([])
  })

  it('another clinic sees none of this clinic\'s plans, items or visits', async () => {
    const other = await setupOtherClinic(server)
    const plan = await planIn(c.admin, items, patient, 'draft')
    const item = (await c.admin.get(`${BASE}/plans/${plan.id}`)).body.data.items[0]
    const visit = await book(c.admin, patient, c.members.dentist.id)
    const attempts = [
      other.api.get(`${BASE}/plans/${plan.id}`),
      other.api.put(`${BASE}/plans/${plan.id}`, { title: 'Taken' }),
      other.api.delete(`${BASE}/plans/${plan.id}`),
      other.api.post(`${BASE}/plans/${plan.id}/items`, filling(items, 34)),
      other.api.put(`${BASE}/plans/${plan.id}/items/${item.id}`, { phase: 1 }),
      other.api.delete(`${BASE}/plans/${plan.id}/items/${item.id}`),
      other.api.post(`${BASE}/plans/${plan.id}/items/${item.id}/perform`, {}),
      other.api.post(`${BASE}/plans/${plan.id}/propose`, {}),
      other.api.post(`${BASE}/plans/${plan.id}/close`, { reason: 'expired' }),
      other.api.get(`${BASE}/appointments/${visit}/items`),
      other.api.put(`${BASE}/appointments/${visit}/items`, { items: [] }),
      other.api.post(`${BASE}/plans`, { patient_id: patient }),
    ]
    for (const res of await Promise.all(attempts)) {
      expect(res.status, JSON.stringify(res.body)).toBe(404)
      expect(isErrorEnvelope(res.body)).toBe(true)
    }
    const list = await other.api.get(`${BASE}/plans?patient_id=${patient}`)
    expect(list.body).toMatchObject({ data: [], total: 0 })
    expect((await other.api.get(`${BASE}/plans`)).body.data.map((p: any) => p.id)).not.toContain(plan.id)
    expect((await other.api.get(`${BASE}/pipeline`)).body.data).toEqual({ to_quote: 0, waiting_patient: 0, unscheduled: 0, in_progress: 0, closed: 0 })
    // Its own plan cannot take this clinic's treatment.
    const theirPatient = await createPatient(other.api, { first_name: 'Other' })
    const theirPlan = await createPlan(other.api, theirPatient)
    const stolen = await other.api.post(`${BASE}/plans/${theirPlan.id}/items`, { treatment_id: item.treatment_id })
    expect(stolen.status).toBe(422)
    expect(stolen.body.errors[0].code).toBe('treatment_plan.treatment_not_found')
    // Nothing changed here.
    const mine = (await c.admin.get(`${BASE}/plans/${plan.id}`)).body.data
    expect(mine).toMatchObject({ status: 'draft', title: null, item_count: 1 })
    await addItem(c.admin, plan.id, filling(items, 35))
  })

  it('a malformed or unknown id is a 404', async () => {
    for (const path of [`${BASE}/plans/not-a-uuid`, `${BASE}/plans/00000000-0000-4000-8000-000000000000`, `${BASE}/appointments/nope/items`]) {
      const res = await c.admin.get(path)
      expect(res.status, path).toBe(404)
    }
  })
})
