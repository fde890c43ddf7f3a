// Set-up steps shared by the catalog API suites: a clinic with a signed-in
// client per role (its seed in place), a second clinic for isolation checks,
// and the seeded rows the tests build on.
import { afterAll, beforeAll, expect } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { openOtherClinic, startRoleSuite } from '../../../../tests/support/role-clinic'
import type { RoleClinic } from '../../../../tests/support/role-clinic'
import type { TestServer } from '../../../../tests/support/server'

export { errorCodes, ROLES } from '../../../../tests/support/role-clinic'
export type { Role } from '../../../../tests/support/role-clinic'
export const BASE = '/api/v1/catalog'

export interface Seeded {
  /** Category ids by key (diagnosis, restorative, ...). */
  categories: Record<string, string>
  /** The seeded exempt (default) and standard VAT types. */
  exemptVat: string
  standardVat: string
}

export interface CatalogClinic extends RoleClinic {
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

/** The built server and the clinic; the caller closes `server` after the suite. */
export async function startCatalogSuite() {
  const { server, c } = await startRoleSuite('catalog.test')
  return { server, c: { ...c, seeded: await seededRows(c.admin) } as CatalogClinic }
}
export type CatalogSuite = Awaited<ReturnType<typeof startCatalogSuite>>

/**
 * The usual catalog suite as hooks: started before the file's tests, closed
 * after them. Its fields (`server`, the clinic `c` and its `admin`) are
 * filled once its `beforeAll` has run: read them in hooks and tests.
 */
export function catalogSuite(): CatalogSuite & { admin: ApiClient } {
  const suite = {} as CatalogSuite & { admin: ApiClient }
  beforeAll(async () => {
    Object.assign(suite, await startCatalogSuite())
    suite.admin = suite.c.admin
  })
  afterAll(async () => suite.server?.close())
  return suite
}

/** A second clinic opened by the owner after install; `api` (the owner) acts in it through X-Clinic-Id. */
export async function setupOtherClinic(server: TestServer) {
  const other = await openOtherClinic(server)
  return { ...other, seeded: await seededRows(other.api) }
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
