// Set-up steps shared by the treatment_plan API suites: a Europe/Madrid clinic
// with a signed-in client per role, catalog items with known prices and a
// session template (over the catalog API), patients, planned treatments,
// plans in a given status and visits, all over HTTP.
import { expect } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { createClinic, createUser, NO_LOGIN_LIMIT, OWNER, setupOwner, signIn } from '../../../../tests/support/fixtures'
import { startServer } from '../../../../tests/support/server'
import type { TestServer } from '../../../../tests/support/server'

export const PASSWORD = 'Plans-passw0rd'
export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const
export type Role = (typeof ROLES)[number]
export const BASE = '/api/v1/treatment_plan'

export interface PlanClinic {
  clinicId: string
  admin: ApiClient
  members: Record<Role, { id: string, api: ApiClient }>
}

/** First-run setup (Europe/Madrid) plus one signed-in member per role (the dentist is a professional). */
export async function setupClinic(server: TestServer): Promise<PlanClinic> {
  const { api: admin, clinicId, user } = await setupOwner(server.url, { timezone: 'Europe/Madrid' })
  const members = { admin: { id: user.id, api: admin } } as PlanClinic['members']
  for (const role of ROLES.filter(r => r !== 'admin')) {
    const created = await createUser(admin, { email: `${role}@plans.test`, first_name: role[0]!.toUpperCase() + role.slice(1), last_name: 'Tester', role, password: PASSWORD, is_professional: role === 'dentist' })
    members[role] = { id: created.user.id, api: await signIn(server.url, `${role}@plans.test`, PASSWORD) }
  }
  return { clinicId, admin, members }
}

export interface Items {
  /** Filling per surface: 1 surface 55.00, 2 surfaces 70.00. */
  composite: string
  /** Crown per tooth 550.00, sessions 40 % / 60 % (220.00 + 330.00 at the catalog price). */
  crown: string
  /** Root canal per tooth 100.00, three equal sessions (33.34 + 33.33 + 33.33). */
  endo: string
}

/** Creates the items over the catalog API (the admin holds catalog.write). */
export async function createItems(api: ApiClient): Promise<Items> {
  const categories = await api.get('/api/v1/catalog/categories')
  expect(categories.status, JSON.stringify(categories.body)).toBe(200)
  const category = (key: string) => categories.body.data.find((c: { key: string }) => c.key === key).id as string
  const item = async (code: string, body: Record<string, unknown>) => {
    const res = await api.post('/api/v1/catalog/items', { code, names: { en: code, es: `${code} es` }, ...body })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.data.id as string
  }
  return {
    composite: await item('P-COMP', { category_id: category('restorative'), default_price: '55.00', pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '55.00' }, { surfaces: 2, price: '70.00' }, { surfaces: 3, price: '85.00' }] }, scope: 'tooth', requires_surfaces: true, clinical_type: 'filling' }),
    crown: await item('P-CROWN', { category_id: category('prosthodontics'), default_price: '550.00', pricing_strategy: 'per_tooth', scope: 'tooth', clinical_type: 'crown', session_template: [{ label: { en: 'Preparation', es: 'Preparación' }, amount: '220.00' }, { label: { en: 'Fitting', es: 'Colocación' }, amount: '330.00' }] }),
    endo: await item('P-ENDO', { category_id: category('endodontics'), default_price: '100.00', pricing_strategy: 'per_tooth', scope: 'tooth', clinical_type: 'root_canal', session_template: [{ label: { en: 'Access' }, amount: '33.34' }, { label: { en: 'Shaping' }, amount: '33.33' }, { label: { en: 'Filling' }, amount: '33.33' }] }),
  }
}

/** The usual start of a suite; the caller closes `server`. */
export async function startPlanSuite() {
  const server = await startServer({ env: NO_LOGIN_LIMIT })
  const c = await setupClinic(server)
  const items = await createItems(c.admin)
  return { server, c, items, api: c.members.dentist.api }
}
export type PlanSuite = Awaited<ReturnType<typeof startPlanSuite>>

/** A second clinic (opened by the owner); `api` acts in it through X-Clinic-Id. */
export async function setupOtherClinic(server: TestServer) {
  const clinic = await createClinic(await signIn(server.url, OWNER.email, OWNER.password), 'Other clinic', { timezone: 'America/New_York' })
  const api = await signIn(server.url, OWNER.email, OWNER.password)
  api.clinicId = clinic.id
  return { clinicId: clinic.id, api }
}

export async function createPatient(api: ApiClient, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/api/v1/patients', { first_name: 'Ana', last_name: 'García', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data.id
}

/** 201 asserted; returns the plan detail. */
export async function createPlan(api: ApiClient, patientId: string, body: Record<string, unknown> = {}) {
  const res = await api.post(`${BASE}/plans`, { patient_id: patientId, ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data
}

/** Adds an item (201 asserted): a filling on `tooth` (surface O) unless told otherwise. */
export async function addItem(api: ApiClient, planId: string, body: Record<string, unknown>) {
  const res = await api.post(`${BASE}/plans/${planId}/items`, body)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data
}

export const filling = (items: Items, tooth: number, surfaces = ['O']) => ({ catalog_item_id: items.composite, teeth: [{ tooth, surfaces }] })

/** A transition (status asserted); returns the body. */
export async function act(api: ApiClient, planId: string, action: string, body: Record<string, unknown> = {}, status = 200) {
  const res = await api.post(`${BASE}/plans/${planId}/${action}`, body)
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  return res.body
}

export async function getPlan(api: ApiClient, planId: string) {
  const res = await api.get(`${BASE}/plans/${planId}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data
}

/** A plan of `patientId` with one filling per tooth, brought to `status` through the routes (admin). */
export async function planIn(api: ApiClient, items: Items, patientId: string, status: string, teeth = [16]) {
  const plan = await createPlan(api, patientId)
  for (const tooth of teeth) await addItem(api, plan.id, filling(items, tooth))
  if (status === 'draft') return plan
  if (status === 'closed') {
    await act(api, plan.id, 'close', { reason: 'expired' })
    return plan
  }
  await act(api, plan.id, 'propose')
  if (status === 'proposed') return plan
  await act(api, plan.id, 'accept')
  if (status === 'accepted') return plan
  // completed: every item performed from the plan.
  for (const item of (await getPlan(api, plan.id)).items) {
    const res = await api.post(`${BASE}/plans/${plan.id}/items/${item.id}/perform`, {})
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  expect((await getPlan(api, plan.id)).status).toBe('completed')
  return plan
}

let hour = 0
let cabinet: string | undefined
/** An appointment of the patient with the dentist in the first cabinet, one hour after the previous one (201 asserted). */
export async function book(api: ApiClient, patientId: string, professionalId: string, start = Date.UTC(2030, 0, 7, 8, 0, 0)) {
  cabinet ??= (await api.get('/api/v1/agenda/cabinets')).body.data[0].id as string
  const at = start + (hour++) * 3_600_000
  const res = await api.post('/api/v1/agenda/appointments', {
    patient_id: patientId, professional_id: professionalId, cabinet_id: cabinet,
    start_time: new Date(at).toISOString(), end_time: new Date(at + 1_800_000).toISOString(),
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data.id as string
}

/** Checks the visit in, treats and completes it (each transition asserted). */
export async function completeVisit(api: ApiClient, appointmentId: string) {
  for (const to_status of ['checked_in', 'in_treatment', 'completed']) {
    const res = await api.post(`/api/v1/agenda/appointments/${appointmentId}/transitions`, { to_status })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
}

/** Polls `read` until `done` holds (event handlers run after the response), for up to 10 s. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 10_000
  let value = await read()
  while (!done(value) && Date.now() < until) {
    await new Promise(r => setTimeout(r, 100))
    value = await read()
  }
  return value
}

/** `[field, code]` pairs of an error envelope. */
export function fieldErrors(body: any): [string | undefined, string][] {
  return (body?.errors ?? []).map((e: { field?: string, code: string }) => [e.field, e.code])
}
