// Set-up steps shared by the catalog API suites: a clinic with a signed-in
// client per role (its seed in place), a second clinic for isolation checks,
// and the seeded rows the tests build on.
import { expect } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { createClinic, createUser, NO_LOGIN_LIMIT, OWNER, setupOwner, signIn } from '../../../../tests/support/fixtures'
import { startServer } from '../../../../tests/support/server'
import type { TestServer } from '../../../../tests/support/server'

export const PASSWORD = 'Catalog-passw0rd'
export const ROLES = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist'] as const
export type Role = (typeof ROLES)[number]
export const BASE = '/api/v1/catalog'

export interface Seeded {
  /** Category ids by key (diagnosis, restorative, ...). */
  categories: Record<string, string>
  /** The seeded exempt (default) and standard VAT types. */
  exemptVat: string
  standardVat: string
}

export interface CatalogClinic {
  clinicId: string
  admin: ApiClient
  members: Record<Role, { id: string, api: ApiClient }>
  seeded: Seeded
}

/** The seeded categories and VAT types of the clinic `api` acts in. */
export async function seededRows(api: ApiClient): Promise<Seeded> {
  const categories = await api.get(`${BASE}/categories`)
  expect(categories.status, JSON.stringify(categories.body)).toBe(200)
  const vat = await api.get(`${BASE}/vat-types`)
  expect(vat.status, JSON.stringify(vat.body)).toBe(200)
  const rate = (r: string) => vat.body.data.find((v: { rate: string, is_system: boolean }) => v.rate === r && v.is_system).id as string
  return {
    categories: Object.fromEntries(categories.body.data.map((c: { key: string, id: string }) => [c.key, c.id])),
    exemptVat: rate('0.00'),
    standardVat: rate('21.00'),
  }
}

/** First-run setup plus one signed-in member per role. */
export async function setupCatalogClinic(server: TestServer): Promise<CatalogClinic> {
  const { api: admin, clinicId, user } = await setupOwner(server.url, { timezone: 'Europe/Madrid' })
  const members = { admin: { id: user.id, api: admin } } as CatalogClinic['members']
  for (const role of ROLES.filter(r => r !== 'admin')) {
    const created = await createUser(admin, { email: `${role}@catalog.test`, first_name: role, last_name: 'Tester', role, password: PASSWORD })
    members[role] = { id: created.user.id, api: await signIn(server.url, `${role}@catalog.test`, PASSWORD) }
  }
  return { clinicId, admin, members, seeded: await seededRows(admin) }
}

/** The built server and the clinic; the caller closes `server` after the suite. */
export async function startCatalogSuite() {
  const server = await startServer({ env: NO_LOGIN_LIMIT })
  const c = await setupCatalogClinic(server)
  return { server, c }
}
export type CatalogSuite = Awaited<ReturnType<typeof startCatalogSuite>>

/** A second clinic opened by the owner after install; `api` (the owner) acts in it through X-Clinic-Id. */
export async function setupOtherClinic(server: TestServer) {
  const owner = await signIn(server.url, OWNER.email, OWNER.password)
  const clinic = await createClinic(owner, 'Other clinic')
  owner.clinicId = clinic.id
  return { clinicId: clinic.id, api: owner, seeded: await seededRows(owner) }
}

let n = 0
/** A unique code per call. */
export const nextCode = (prefix = 'T') => `${prefix}-${++n}-${Date.now().toString(36)}`

/** Creates an item (201 asserted) and returns it. */
export async function createItem(api: ApiClient, body: Record<string, unknown>) {
  const res = await api.post(`${BASE}/items`, { code: nextCode(), names: { en: 'Test item' }, default_price: '10.00', ...body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.data
}

/** Error codes of an error envelope. */
export function errorCodes(body: any): string[] {
  return (body?.errors ?? []).map((e: { code: string }) => e.code)
}
