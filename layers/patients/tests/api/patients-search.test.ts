import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { isErrorEnvelope } from '../../../../tests/support/http'
import { createClinic, errorFields, setupOwner } from '../../../../tests/support/fixtures'
import { startServer } from '../../../../tests/support/server'
import type { TestServer } from '../../../../tests/support/server'

const BASE = '/api/v1/patients'

// The search clinic's patients, named by key in the expectations below.
const PEOPLE = {
  ana: { first_name: 'Ana', last_name: 'García López', phone: '+34 600 123 456', email: 'ana.garcia@example.com', national_id: '12345678Z', national_id_type: 'dni' },
  jose: { first_name: 'José', last_name: 'Garcia Martín', phone: '611 222 333', email: 'jose@correo.es', national_id: 'X1234567L', national_id_type: 'nie' },
  maria: { first_name: 'MARÍA', last_name: 'GARCÍA' },
  peter: { first_name: 'Peter', last_name: 'O\'Brien', phone: '+44 20 7946 0958', email: 'peter.obrien@mail.co.uk' },
  zoe: { first_name: 'Zoë', last_name: 'Álvarez', email: 'zoe_alvarez@example.com' },
  lucia: { first_name: 'Lucía', last_name: 'Núñez', phone: '622 333 444', do_not_contact: true },
  carlos: { first_name: 'Carlos', last_name: 'Garcia' }, // archived below
  emile: { first_name: 'Émile', last_name: 'Durand', phone: '600 999 888' },
} as const
type Person = keyof typeof PEOPLE

describe('patients list: search, filters, sort, pagination', () => {
  let server: TestServer
  let owner: ApiClient
  const ids = {} as Record<Person, string>
  const nameOf = new Map<string, string>()

  async function list(query: string, api: ApiClient = owner, headers: Record<string, string> = {}) {
    const res = await api.get(`${BASE}${query ? `?${query}` : ''}`, { headers })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body as { data: { id: string, first_name: string }[], total: number, page: number, page_size: number }
  }
  const keys = (body: { data: { id: string }[] }) => body.data.map(p => nameOf.get(p.id) ?? p.id)

  beforeAll(async () => {
    server = await startServer()
    owner = (await setupOwner(server.url)).api
    for (const [key, body] of Object.entries(PEOPLE)) {
      const res = await owner.post(BASE, body)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      ids[key as Person] = res.body.data.id
      nameOf.set(res.body.data.id, key)
    }
    expect((await owner.delete(`${BASE}/${ids.carlos}`)).status).toBe(204)
  })
  afterAll(async () => server?.close())

  describe('search', () => {
    // Results in the default order (last name, then first name; accents and case folded).
    it.each<[string, Person[]]>([
      ['garcia', ['maria', 'ana', 'jose']],
      ['GARCÍA', ['maria', 'ana', 'jose']],
      ['García', ['maria', 'ana', 'jose']],
      ['garcía ana', ['ana']],
      ['ana garcia', ['ana']],
      ['Ana García López', ['ana']],
      ['garc mar', ['maria', 'jose']],
      ['mar garc', ['maria', 'jose']],
      ['maria', ['maria']],
      ['MARÍA', ['maria']],
      ['martin', ['jose']],
      ['nunez', ['lucia']],
      ['NÚÑEZ', ['lucia']],
      ['zoe', ['zoe']],
      ['emile', ['emile']],
      ['ÉMILE durand', ['emile']],
      ['o\'brien', ['peter']],
      ['600 123', ['ana']],
      ['600123', ['ana']],
      ['+34 600', ['ana']],
      ['+34600123456', ['ana']],
      ['600', ['emile', 'ana']],
      ['611-222-333', ['jose']],
      ['7946', ['peter']],
      ['jose@correo', ['jose']],
      ['JOSE@CORREO.ES', ['jose']],
      ['@example.com', ['zoe', 'ana']],
      ['x1234567l', ['jose']],
      ['12345678Z', ['ana']],
      ['1234567', ['ana', 'jose']],
      ['nobody', []],
      ['ana nobody', []],
      ['%', []],
      ['_', ['zoe']],
      ['carlos', []],
    ])('"%s"', async (search, expected) => {
      const body = await list(`search=${encodeURIComponent(search)}`)
      expect(keys(body)).toEqual(expected)
      expect(body.total).toBe(expected.length)
    })

    it('an empty or blank search lists everyone active', async () => {
      for (const q of ['search=', 'search=%20%20', '']) expect((await list(q)).total, q).toBe(7)
    })
  })

  describe('filters', () => {
    it.each<[string, Person[]]>([
      ['', ['zoe', 'emile', 'maria', 'ana', 'jose', 'lucia', 'peter']],
      ['status=active', ['zoe', 'emile', 'maria', 'ana', 'jose', 'lucia', 'peter']],
      ['status=archived', ['carlos']],
      ['status=all', ['zoe', 'emile', 'carlos', 'maria', 'ana', 'jose', 'lucia', 'peter']],
      ['status=archived&search=garcia', ['carlos']],
      ['status=all&search=garcia', ['carlos', 'maria', 'ana', 'jose']],
      ['do_not_contact=true', ['lucia']],
      ['do_not_contact=false', ['zoe', 'emile', 'maria', 'ana', 'jose', 'peter']],
      ['do_not_contact=false&status=all', ['zoe', 'emile', 'carlos', 'maria', 'ana', 'jose', 'peter']],
      ['do_not_contact=true&status=archived', []],
      ['do_not_contact=true&search=garcia', []],
    ])('?%s', async (query, expected) => {
      const body = await list(query)
      expect(keys(body)).toEqual(expected)
      expect(body.total).toBe(expected.length)
    })
  })

  describe('sort and pagination', () => {
    let clinicC: string
    const sortIds: string[] = []
    const h = () => ({ 'x-clinic-id': clinicC })
    // Created in this order, then edited in the order of UPDATED below.
    const SORT_PEOPLE = [
      { first_name: 'Beatriz', last_name: 'Álvarez' },
      { first_name: 'ana', last_name: 'de la Fuente' },
      { first_name: 'Carlos', last_name: 'Zapata' },
      { first_name: 'Óscar', last_name: 'Díaz' },
      { first_name: 'Bruno', last_name: 'Alvarez' },
    ]
    const UPDATED = [2, 1, 3, 4, 0]
    const names = (body: { data: { first_name: string }[] }) => body.data.map(p => p.first_name)

    beforeAll(async () => {
      clinicC = (await createClinic(owner, 'Sort clinic')).id
      for (const p of SORT_PEOPLE) {
        const res = await owner.post(BASE, p, { headers: h() })
        expect(res.status).toBe(201)
        sortIds.push(res.body.data.id)
      }
      for (const i of UPDATED) expect((await owner.put(`${BASE}/${sortIds[i]}`, { notes: `edit ${i}` }, { headers: h() })).status).toBe(200)
    })

    it.each<[string, string[]]>([
      ['', ['Beatriz', 'Bruno', 'ana', 'Óscar', 'Carlos']],
      ['sort=last_name', ['Beatriz', 'Bruno', 'ana', 'Óscar', 'Carlos']],
      ['sort=last_name&order=asc', ['Beatriz', 'Bruno', 'ana', 'Óscar', 'Carlos']],
      ['sort=last_name&order=desc', ['Carlos', 'Óscar', 'ana', 'Bruno', 'Beatriz']],
      ['sort=first_name', ['ana', 'Beatriz', 'Bruno', 'Carlos', 'Óscar']],
      ['sort=first_name&order=desc', ['Óscar', 'Carlos', 'Bruno', 'Beatriz', 'ana']],
      ['sort=created_at', ['Beatriz', 'ana', 'Carlos', 'Óscar', 'Bruno']],
      ['sort=created_at&order=desc', ['Bruno', 'Óscar', 'Carlos', 'ana', 'Beatriz']],
      ['sort=updated_at', ['Carlos', 'ana', 'Óscar', 'Bruno', 'Beatriz']],
      ['sort=updated_at&order=desc', ['Beatriz', 'Bruno', 'Óscar', 'ana', 'Carlos']],
    ])('?%s', async (query, expected) => {
      const body = await list(query, owner, h())
      expect(names(body)).toEqual(expected)
      expect(body.total).toBe(5)
    })

    it('last_visit with nobody seen yet falls back to the id order, in both directions', async () => {
      const byId = [...sortIds].sort()
      for (const order of ['asc', 'desc']) {
        const body = await list(`sort=last_visit&order=${order}`, owner, h())
        expect(body.data.map(p => p.id), order).toEqual(byId)
      }
    })

    it('pages through one order without gaps or repeats', async () => {
      const seen: string[] = []
      for (const page of [1, 2, 3]) {
        const body = await list(`page=${page}&page_size=2`, owner, h())
        expect(body).toMatchObject({ page, page_size: 2, total: 5 })
        seen.push(...names(body))
      }
      expect(seen).toEqual(['Beatriz', 'Bruno', 'ana', 'Óscar', 'Carlos'])
      const past = await list('page=4&page_size=2', owner, h())
      expect(past).toMatchObject({ data: [], total: 5, page: 4 })
      const max = await list('page_size=100', owner, h())
      expect(max).toMatchObject({ page_size: 100, total: 5 })
      expect(max.data).toHaveLength(5)
    })
  })

  describe('query validation', () => {
    it.each<[string, string]>([
      ['sort=age', 'sort'],
      ['sort=search_text', 'sort'],
      ['order=sideways', 'order'],
      ['page_size=101', 'page_size'],
      ['page_size=0', 'page_size'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['status=deleted', 'status'],
      ['do_not_contact=yes', 'do_not_contact'],
      [`search=${'a'.repeat(201)}`, 'search'],
    ])('?%s → 422 on %s', async (query, field) => {
      const res = await owner.get(`${BASE}?${query}`)
      expect(res.status).toBe(422)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(errorFields(res.body)).toEqual([field])
    })
  })
})
