import { describe, expect, it } from 'vitest'
import { errorFields, UUID } from '../../../../tests/support/fixtures'
import { isErrorEnvelope } from '../../../../tests/support/http'
import { BASE, createItem, errorCodes, catalogSuite } from './helpers'

// /api/v1/catalog/categories: the eleven seeded categories in en and es,
// unique keys, system categories only (de)activated, and no delete while any
// item is filed under one.
describe('catalog categories', () => {
  const suite = catalogSuite()

  const keys = async (query = '') => (await suite.admin.get(`${BASE}/categories${query}`)).body.data.map((x: { key: string }) => x.key)

  it('every clinic starts with the usual categories, in order, in en and es', async () => {
    const res = await suite.admin.get(`${BASE}/categories`)
    expect(res.status).toBe(200)
    expect(res.body.data.map((x: { key: string }) => x.key)).toEqual([
      'diagnosis', 'prevention', 'restorative', 'endodontics', 'periodontics', 'surgery', 'implants', 'prosthodontics', 'orthodontics', 'aesthetics', 'paediatrics',
    ])
    expect(res.body.data[0]).toEqual({
      id: suite.c.seeded.categories.diagnosis, key: 'diagnosis', names: { en: 'Diagnosis', es: 'Diagnóstico' }, display_order: 10, is_active: true, is_system: true,
      created_at: expect.any(String), updated_at: expect.any(String),
    })
    expect(res.body.data[10].names).toEqual({ en: 'Paediatric dentistry', es: 'Odontopediatría' })
  })

  it('creates a category (201) after the others; keys are unique (409) and well-formed (422)', async () => {
    const res = await suite.admin.post(`${BASE}/categories`, { key: 'sleep', names: { en: 'Sleep dentistry', es: 'Odontología del sueño' } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toEqual({
      message: 'Category created',
      data: { id: expect.stringMatching(UUID), key: 'sleep', names: { en: 'Sleep dentistry', es: 'Odontología del sueño' }, display_order: 120, is_active: true, is_system: false, created_at: expect.any(String), updated_at: expect.any(String) },
    })
    const taken = await suite.admin.post(`${BASE}/categories`, { key: 'surgery', names: { en: 'Again' } })
    expect(taken.status).toBe(409)
    expect(errorCodes(taken.body)).toEqual(['catalog.category_key_taken'])
    const bad = await suite.admin.post(`${BASE}/categories`, { key: 'Has Spaces', names: {} })
    expect(bad.status).toBe(422)
    expect(errorFields(bad.body).sort()).toEqual(['key', 'names.en'])
    expect((await keys()).filter((k: string) => k === 'surgery' || k === 'Has Spaces')).toEqual(['surgery'])
  })

  it('renames and reorders its own categories; ?is_active filters', async () => {
    const made = (await suite.admin.post(`${BASE}/categories`, { key: 'lab', names: { en: 'Lab work' }, display_order: 5 })).body.data
    expect((await keys())[0]).toBe('lab')
    const res = await suite.admin.put(`${BASE}/categories/${made.id}`, { names: { en: 'Laboratory', es: 'Laboratorio' }, is_active: false })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ key: 'lab', names: { en: 'Laboratory', es: 'Laboratorio' }, display_order: 5, is_active: false })
    expect(await keys('?is_active=false')).toEqual(['lab'])
    expect(await keys('?is_active=true')).not.toContain('lab')
    const clash = await suite.admin.put(`${BASE}/categories/${made.id}`, { key: 'implants' })
    expect(clash.status).toBe(409)
  })

  it('a system category is only (de)activated: renaming is 403, deleting is 403', async () => {
    const id = suite.c.seeded.categories.aesthetics!
    const before = (await suite.admin.get(`${BASE}/categories/${id}`)).body.data
    const rename = await suite.admin.put(`${BASE}/categories/${id}`, { names: { en: 'Cosmetic' } })
    expect(rename.status).toBe(403)
    expect(isErrorEnvelope(rename.body)).toBe(true)
    expect(errorCodes(rename.body)).toEqual(['catalog.system_row'])
    expect(rename.body.errors[0].params).toEqual({ fields: ['names'] })
    expect((await suite.admin.put(`${BASE}/categories/${id}`, { key: 'cosmetic' })).status).toBe(403)
    expect((await suite.admin.get(`${BASE}/categories/${id}`)).body.data).toEqual(before)
    const off = await suite.admin.put(`${BASE}/categories/${id}`, { is_active: false })
    expect(off.status).toBe(200)
    expect(off.body.data.is_active).toBe(false)
    const del = await suite.admin.delete(`${BASE}/categories/${id}`)
    expect(del.status).toBe(403)
    expect(errorCodes(del.body)).toEqual(['catalog.system_row'])
  })

  it('a category in use is not deleted (409), even by a deleted item; an unused one is (204)', async () => {
    const made = (await suite.admin.post(`${BASE}/categories`, { key: 'temp', names: { en: 'Temporary' } })).body.data
    const item = await createItem(suite.admin, { category_id: made.id })
    const inUse = await suite.admin.delete(`${BASE}/categories/${made.id}`)
    expect(inUse.status).toBe(409)
    expect(errorCodes(inUse.body)).toEqual(['catalog.category_in_use'])
    expect(inUse.body.errors[0].params).toEqual({ count: 1 })
    await suite.admin.delete(`${BASE}/items/${item.id}`)
    expect((await suite.admin.delete(`${BASE}/categories/${made.id}`)).status).toBe(409)
    const unused = (await suite.admin.post(`${BASE}/categories`, { key: 'unused', names: { en: 'Unused' } })).body.data
    expect((await suite.admin.delete(`${BASE}/categories/${unused.id}`)).status).toBe(204)
    expect((await suite.admin.get(`${BASE}/categories/${unused.id}`)).status).toBe(404)
    expect(await keys()).not.toContain('unused')
  })
})
