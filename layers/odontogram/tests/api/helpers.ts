// Set-up steps shared by the odontogram API suites: a Europe/Madrid clinic
// with a signed-in client per role, a second clinic for isolation checks,
// patients over the patients API, catalog items with known prices over the
// catalog API, and charting helpers.
import { expect } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { startRoleSuite } from '../../../../tests/support/role-clinic'
import type { Role } from '../../../../tests/support/role-clinic'

export { createPatient, ROLES } from '../../../../tests/support/role-clinic'
export type { Role } from '../../../../tests/support/role-clinic'
export const BASE = '/api/v1/odontogram'

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
  const { server, c } = await startRoleSuite('odonto.test')
  const items = await createItems(c.admin)
  return { server, c, api: c.members[actor].api, items }
}
export type OdontogramSuite = Awaited<ReturnType<typeof startOdontogramSuite>>

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
