// Set-up steps shared by the odontogram API suites: a Europe/Madrid clinic
// with a signed-in client per role, a second clinic for isolation checks,
// patients over the patients API, catalog items with known prices over the
// catalog API, and charting helpers.
import { expect } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { createClinic, createUser, NO_LOGIN_LIMIT, OWNER, setupOwner, signIn } from '../../../../tests/support/fixtures'
import { startServer } from '../../../../tests/support/server'
import type { TestServer } from '../../../../tests/support/server'

export const PASSWORD = 'Odonto-passw0rd'
export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const
export type Role = (typeof ROLES)[number]
export const BASE = '/api/v1/odontogram'

export interface OdontogramClinic {
  clinicId: string
  admin: ApiClient
  members: Record<Role, { id: string, api: ApiClient }>
}

/** First-run setup (Europe/Madrid) plus one signed-in member per role. */
export async function setupClinic(server: TestServer): Promise<OdontogramClinic> {
  const { api: admin, clinicId, user } = await setupOwner(server.url, { timezone: 'Europe/Madrid' })
  const members = { admin: { id: user.id, api: admin } } as OdontogramClinic['members']
  for (const role of ROLES.filter(r => r !== 'admin')) {
    const created = await createUser(admin, { email: `${role}@odonto.test`, first_name: role[0]!.toUpperCase() + role.slice(1), last_name: 'Tester', role, password: PASSWORD })
    members[role] = { id: created.user.id, api: await signIn(server.url, `${role}@odonto.test`, PASSWORD) }
  }
  return { clinicId, admin, members }
}

/** Catalog items with known pricing, one per strategy the tests price with. */
export interface Items {
  composite: string
  bridge: string
  sealant: string
  exam: string
  crown: string
  implant: string
  inactive: string
}

/** Creates the items over the catalog API (the admin holds catalog.write). */
export async function createItems(api: ApiClient): Promise<Items> {
  const categories = await api.get('/api/v1/catalog/categories')
  expect(categories.status, JSON.stringify(categories.body)).toBe(200)
  const category_id = categories.body.data[0].id as string
  const item = async (code: string, body: Record<string, unknown>) => {
    const res = await api.post('/api/v1/catalog/items', { code, names: { en: code, es: `${code} es` }, category_id, ...body })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.data.id as string
  }
  return {
    composite: await item('T-COMP', { default_price: '55.00', pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '55.00' }, { surfaces: 2, price: '70.00' }, { surfaces: 3, price: '85.00' }] }, scope: 'tooth', requires_surfaces: true, clinical_type: 'filling' }),
    bridge: await item('T-BRIDGE', { default_price: '1600.00', pricing_strategy: 'per_role', pricing: { roles: { pillar: '550.00', pontic: '500.00' } }, scope: 'multi_tooth', clinical_type: 'bridge' }),
    sealant: await item('T-SEAL', { default_price: '25.00', pricing_strategy: 'per_tooth', scope: 'tooth', clinical_type: 'sealant' }),
    exam: await item('T-EXAM', { default_price: '30.00', pricing_strategy: 'flat', scope: 'mouth', clinical_type: 'exam' }),
    crown: await item('T-CROWN', { default_price: '550.00', pricing_strategy: 'per_tooth', scope: 'tooth', clinical_type: 'crown' }),
    implant: await item('T-IMPLANT', { default_price: '900.00', pricing_strategy: 'per_tooth', scope: 'tooth', clinical_type: 'implant' }),
    inactive: await item('T-OLD', { default_price: '10.00', pricing_strategy: 'flat', scope: 'tooth', clinical_type: 'crown', is_active: false }),
  }
}

/** The usual start of an odontogram suite; the caller closes `server`. */
export async function startOdontogramSuite(actor: Role = 'dentist') {
  const server = await startServer({ env: NO_LOGIN_LIMIT })
  const c = await setupClinic(server)
  const items = await createItems(c.admin)
  return { server, c, api: c.members[actor].api, items }
}
export type OdontogramSuite = Awaited<ReturnType<typeof startOdontogramSuite>>

/** A second clinic (opened by the owner); `api` acts in it through X-Clinic-Id. */
export async function setupOtherClinic(server: TestServer) {
  const clinic = await createClinic(await signIn(server.url, OWNER.email, OWNER.password), 'Other clinic', { timezone: 'America/New_York' })
  const api = await signIn(server.url, OWNER.email, OWNER.password)
  api.clinicId = clinic.id
  return { clinicId: clinic.id, api }
}

/** Creates a patient over the patients API. */
export async function createPatient(api: ApiClient, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/api/v1/patients', { first_name: 'Ana', last_name: 'García', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data.id
}

/** Charts an entry (201 asserted) and returns it. */
export async function chart(api: ApiClient, patientId: string, body: Record<string, unknown>) {
  const res = await api.post(`${BASE}/patients/${patientId}/entries`, body)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data
}

/** Performs a planned entry (200 asserted). */
export async function perform(api: ApiClient, id: string, body: Record<string, unknown> = {}) {
  const res = await api.post(`${BASE}/entries/${id}/perform`, body)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data
}

/** The chart (200 asserted), optionally replayed at a date. */
export async function getChart(api: ApiClient, patientId: string, at?: string) {
  const res = await api.get(`${BASE}/patients/${patientId}/chart${at ? `?at=${at}` : ''}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data
}

/** One tooth of a chart. */
export function tooth(chartData: { teeth: { tooth: number }[] }, n: number): any {
  return chartData.teeth.find(t => t.tooth === n)
}

/** `[field, code]` pairs of an error envelope. */
export function fieldErrors(body: any): [string | undefined, string][] {
  return (body?.errors ?? []).map((e: { field?: string, code: string }) => [e.field, e.code])
}

/** The patient's entries (all pages of 500 are enough here). */
export async function entriesOf(api: ApiClient, patientId: string, query = '') {
  const res = await api.get(`${BASE}/patients/${patientId}/entries?page_size=500${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data as any[]
}
