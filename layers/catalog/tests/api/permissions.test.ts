import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../../../../tests/support/http'
import { allow, expectCallStatus, expectRefusals, matrixRows } from '../../../../tests/support/role-matrix'
import type { RoleMatrix, RouteCall } from '../../../../tests/support/role-matrix'
import { BASE, createItem, nextCode, ROLES, setupOtherClinic, startCatalogSuite } from './helpers'
import type { CatalogSuite } from './helpers'

// Written by hand from module.ts role_permissions: admin holds '*'; dentist
// holds catalog.read and catalog.write (items); hygienist, assistant and
// receptionist catalog.read; VAT types and categories need catalog.admin.
const READ = allow(200, ROLES)
const ADMIN = (ok: number) => allow(ok, ['admin'])
const WRITE = (ok: number) => allow(ok, ['admin', 'dentist'])
const MATRIX: RoleMatrix = {
  'GET /categories': READ,
  'POST /categories': ADMIN(201),
  'GET /categories/{id}': READ,
  'PUT /categories/{id}': ADMIN(200),
  'DELETE /categories/{id}': ADMIN(204),
  'GET /vat-types': READ,
  'POST /vat-types': ADMIN(201),
  'GET /vat-types/{id}': READ,
  'PUT /vat-types/{id}': ADMIN(200),
  'DELETE /vat-types/{id}': ADMIN(204),
  'GET /items': READ,
  'GET /items/search': READ,
  'POST /items': WRITE(201),
  'POST /items/import': WRITE(200),
  'GET /items/{id}': READ,
  'PUT /items/{id}': WRITE(200),
  'DELETE /items/{id}': WRITE(204),
}

const ROWS = matrixRows(MATRIX)

describe('catalog permissions and tenancy', () => {
  let { server, c } = {} as CatalogSuite
  let anonymous: ApiClient
  let other: Awaited<ReturnType<typeof setupOtherClinic>>
  let n = 0

  beforeAll(async () => {
    ({ server, c } = await startCatalogSuite())
    anonymous = new ApiClient(server.url)
    other = await setupOtherClinic(server)
  })
  afterAll(async () => server?.close())

  /** A fresh target per call (made by the admin), so every allowed call can succeed. */
  async function prepare(route: string): Promise<RouteCall> {
    const [method, path] = route.split(' ') as [string, string]
    n += 1
    const body = {
      'categories': { POST: { key: `matrix_${n}`, names: { en: `Matrix ${n}` } }, PUT: { names: { en: `Matrix ${n} renamed` } } },
      'vat-types': { POST: { names: { en: `Matrix ${n}` }, rate: '7.00' }, PUT: { rate: '8.00' } },
      'items': { POST: { code: `MATRIX-${n}`, names: { en: `Matrix ${n}` }, category_id: c.seeded.categories.diagnosis, default_price: '1.00' }, PUT: { default_price: '2.00' } },
    }
    const resource = path.split('/')[1] as keyof typeof body
    const sent = method === 'POST' || method === 'PUT' ? body[resource][method] : undefined
    if (path.endsWith('{id}')) {
      const made = resource === 'items'
        ? await createItem(c.admin, { category_id: c.seeded.categories.diagnosis, names: { en: `Matrix ${n}` } })
        : (await c.admin.post(`${BASE}/${resource}`, body[resource].POST)).body.data
      expect(made.id).toBeTruthy()
      return { method, path: `${BASE}/${resource}/${made.id}`, body: sent }
    }
    if (path === '/items/search') return { method, path: `${BASE}/items/search?q=crown` }
    if (path === '/items/import') {
      return { method, path: `${BASE}/items/import`, body: { items: [{ code: `IMPORT-${n}`, names: { en: `Imported ${n}` }, category_key: 'diagnosis', default_price: '3.00' }] } }
    }
    return { method, path: `${BASE}${path}`, body: sent }
  }

  it('the matrix lists every catalog route', () => {
    expect(Object.keys(MATRIX)).toHaveLength(17)
    expect(ROWS).toHaveLength(102)
  })

  it.each(ROWS)('%s as %s → %i', async (route, caller, expected) => {
    const target = await prepare(route)
    const before = target.method === 'GET' ? null : await snapshot(target)
    await expectCallStatus({ members: c.members, anonymous }, caller, target, expected)
    if (expected >= 400 && before !== null) expect(await snapshot(target)).toEqual(before)
  })

  /** What a write could change: the row it names, or the list it adds to. */
  async function snapshot(target: RouteCall) {
    const path = /\/[0-9a-f-]{36}$/.test(target.path) ? target.path : target.path.replace(/\/import$/, '')
    const res = await c.admin.get(`${path}${path.endsWith('items') ? '?page_size=200' : ''}`)
    expect(res.status).toBe(200)
    return res.body
  }

  describe('tenant isolation: another clinic\'s rows are 404 on every route', () => {
    let theirs: { category: string, vat: string, item: string }

    beforeAll(async () => {
      const category = await other.api.post(`${BASE}/categories`, { key: 'theirs', names: { en: 'Theirs' } })
      const vat = await other.api.post(`${BASE}/vat-types`, { names: { en: 'Theirs' }, rate: '4.00' })
      const item = await createItem(other.api, { category_id: category.body.data.id, code: 'THEIRS-1' })
      theirs = { category: category.body.data.id, vat: vat.body.data.id, item: item.id }
    })

    it.each(ROLES)('as %s of the first clinic', async (role) => {
      const api = c.members[role].api
      // Writes are 403 before the lookup for roles without the permission.
      const holds = { read: true, admin: role === 'admin', write: role === 'admin' || role === 'dentist' }
      const status = (needs: keyof typeof holds) => (holds[needs] ? 404 : 403)
      await expectRefusals([
        ['GET category', api.get(`${BASE}/categories/${theirs.category}`), status('read')],
        ['PUT category', api.put(`${BASE}/categories/${theirs.category}`, { names: { en: 'Stolen' } }), status('admin')],
        ['DELETE category', api.delete(`${BASE}/categories/${theirs.category}`), status('admin')],
        ['GET vat', api.get(`${BASE}/vat-types/${theirs.vat}`), status('read')],
        ['PUT vat', api.put(`${BASE}/vat-types/${theirs.vat}`, { rate: '1.00' }), status('admin')],
        ['DELETE vat', api.delete(`${BASE}/vat-types/${theirs.vat}`), status('admin')],
        ['GET item', api.get(`${BASE}/items/${theirs.item}`), status('read')],
        ['PUT item', api.put(`${BASE}/items/${theirs.item}`, { default_price: '0.00' }), status('write')],
        ['DELETE item', api.delete(`${BASE}/items/${theirs.item}`), status('write')],
      ])
      // Their rows are not in our lists, nor usable as references.
      const items = await api.get(`${BASE}/items?search=THEIRS&page_size=200`)
      expect(items.body.total).toBe(0)
      const search = await api.get(`${BASE}/items/search?q=THEIRS`)
      expect(search.body.data).toEqual([])
      expect((await api.get(`${BASE}/categories`)).body.data.map((x: { id: string }) => x.id)).not.toContain(theirs.category)
      expect((await api.get(`${BASE}/vat-types`)).body.data.map((x: { id: string }) => x.id)).not.toContain(theirs.vat)
      const filtered = await api.get(`${BASE}/items?category_id=${theirs.category}`)
      expect(filtered.body.total).toBe(0)
    })

    it('their category and VAT type cannot be used for our item (422), and nothing is saved', async () => {
      const code = nextCode('STEAL')
      const res = await c.admin.post(`${BASE}/items`, { code, names: { en: 'Stolen' }, category_id: theirs.category, default_price: '1.00', vat_type_id: theirs.vat })
      expect(res.status).toBe(422)
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'category_id', code: 'catalog.category_not_found' })])
      const vatOnly = await c.admin.post(`${BASE}/items`, { code, names: { en: 'Stolen' }, category_id: c.seeded.categories.diagnosis, default_price: '1.00', vat_type_id: theirs.vat })
      expect(vatOnly.status).toBe(422)
      expect(vatOnly.body.errors).toEqual([expect.objectContaining({ field: 'vat_type_id', code: 'catalog.vat_type_unavailable' })])
      expect((await c.admin.get(`${BASE}/items?search=${code}`)).body.total).toBe(0)
      // Their item is untouched.
      const mine = await other.api.get(`${BASE}/items/${theirs.item}`)
      expect(mine.body.data).toMatchObject({ code: 'THEIRS-1', default_price: '10.00', is_active: true })
    })
  })
})
