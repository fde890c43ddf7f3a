import { beforeAll, describe, expect, it } from 'vitest'
import { errorFields } from '../../../../tests/support/fixtures'
import { isErrorEnvelope } from '../../../../tests/support/http'
import { BASE, createItem, errorCodes, catalogSuite } from './helpers'

// PUT and DELETE /api/v1/catalog/items/{id}: fields sent change, the rules run
// on the merged item, a system item keeps what it charts as but its prices are
// the clinic's, and deleting is soft (the item leaves lists and the picker).
describe('catalog item changes', () => {
  const suite = catalogSuite()
  let restorative: string
  beforeAll(() => {
    restorative = suite.c.seeded.categories.restorative!
  })

  const seededItem = async (code: string) => {
    const res = await suite.admin.get(`${BASE}/items?search=${code}`)
    return res.body.data.find((x: { code: string }) => x.code === code)
  }

  it('changes only the fields sent', async () => {
    const item = await createItem(suite.admin, { category_id: restorative, names: { en: 'Before', es: 'Antes' }, default_price: '10.00', duration_minutes: 15 })
    const res = await suite.admin.put(`${BASE}/items/${item.id}`, { default_price: '12.5', names: { en: 'After' } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.message).toBe('Item updated')
    expect(res.body.data).toEqual({ ...item, default_price: '12.50', names: { en: 'After' }, updated_at: expect.any(String) })
    // The VAT type and category move with their ids.
    const moved = await suite.admin.put(`${BASE}/items/${item.id}`, { vat_type_id: suite.c.seeded.standardVat, category_id: suite.c.seeded.categories.surgery })
    expect(moved.body.data).toMatchObject({ vat_type: { id: suite.c.seeded.standardVat, rate: '21.00' }, category: { key: 'surgery' }, duration_minutes: 15 })
  })

  it('runs the rules on the merged item: a new price must still match the sessions', async () => {
    const item = await createItem(suite.admin, { category_id: restorative, default_price: '100.00', session_template: [{ label: { en: 'A' }, amount: '60.00' }, { label: { en: 'B' }, amount: '40.00' }] })
    const res = await suite.admin.put(`${BASE}/items/${item.id}`, { default_price: '120.00' })
    expect(res.status).toBe(422)
    expect(errorFields(res.body)).toEqual(['session_template'])
    expect((await suite.admin.get(`${BASE}/items/${item.id}`)).body.data.default_price).toBe('100.00')
    const both = await suite.admin.put(`${BASE}/items/${item.id}`, { default_price: '120.00', session_template: [{ label: { en: 'A' }, amount: '70.00' }, { label: { en: 'B' }, amount: '50.00' }] })
    expect(both.status).toBe(200)
    // Switching to per surface needs tiers; with them, pricing keeps only the tiers.
    const noTiers = await suite.admin.put(`${BASE}/items/${item.id}`, { pricing_strategy: 'per_surface' })
    expect(noTiers.status).toBe(422)
    expect(errorFields(noTiers.body)).toEqual(['pricing.tiers'])
    const tiers = await suite.admin.put(`${BASE}/items/${item.id}`, { pricing_strategy: 'per_surface', session_template: null, pricing: { tiers: [{ surfaces: 1, price: '120.00' }] } })
    expect(tiers.body.data).toMatchObject({ pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '120.00' }] }, session_template: null })
    // Back to flat: the tiers go.
    const flat = await suite.admin.put(`${BASE}/items/${item.id}`, { pricing_strategy: 'flat' })
    expect(flat.body.data).toMatchObject({ pricing_strategy: 'flat', pricing: null })
  })

  it('a code taken by another item is 409; its own code in another case is fine', async () => {
    const item = await createItem(suite.admin, { category_id: restorative, code: 'OWN-CODE' })
    const clash = await suite.admin.put(`${BASE}/items/${item.id}`, { code: 'res-comp' })
    expect(clash.status).toBe(409)
    expect(errorCodes(clash.body)).toEqual(['catalog.code_taken'])
    const own = await suite.admin.put(`${BASE}/items/${item.id}`, { code: 'own-code' })
    expect(own.status).toBe(200)
    expect(own.body.data.code).toBe('own-code')
  })

  it('a system item takes the clinic\'s prices, names and VAT, and can be switched off', async () => {
    const cleaning = await seededItem('PRE-CLEAN')
    expect(cleaning.is_system).toBe(true)
    const res = await suite.admin.put(`${BASE}/items/${cleaning.id}`, { default_price: '55.00', names: { en: 'Hygiene visit', es: 'Higiene' }, vat_type_id: suite.c.seeded.standardVat, cost: '12.00' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data).toMatchObject({ default_price: '55.00', names: { en: 'Hygiene visit', es: 'Higiene' }, vat_type: { rate: '21.00' }, cost: '12.00', is_system: true })
    const off = await suite.admin.put(`${BASE}/items/${cleaning.id}`, { is_active: false })
    expect(off.body.data.is_active).toBe(false)
    // The whole form sent back unchanged is fine.
    const same = await suite.admin.put(`${BASE}/items/${cleaning.id}`, { code: 'PRE-CLEAN', scope: 'mouth', clinical_type: 'cleaning', category_id: cleaning.category_id })
    expect(same.status).toBe(200)
  })

  it.each([
    ['code', { code: 'MY-CLEAN' }],
    ['clinical type', { clinical_type: 'whitening' }],
    ['scope', { scope: 'arch' }],
    ['strategy', { pricing_strategy: 'per_tooth', scope: 'tooth' }],
    ['category', { category: 'surgery' }],
  ])('a system item keeps its %s (403 catalog.system_row) and nothing is saved', async (_label, patch) => {
    const before = await seededItem('DIA-OPG')
    const body = 'category' in patch ? { category_id: suite.c.seeded.categories.surgery } : patch
    const res = await suite.admin.put(`${BASE}/items/${before.id}`, { ...body, default_price: '1.00' })
    expect(res.status).toBe(403)
    expect(isErrorEnvelope(res.body)).toBe(true)
    expect(errorCodes(res.body)).toEqual(['catalog.system_row'])
    expect(res.body.errors[0].params.fields).toEqual(Object.keys(body))
    expect(await seededItem('DIA-OPG')).toEqual(before)
  })

  it('deletes softly: gone from reads, lists and the picker; its code can be used again', async () => {
    const item = await createItem(suite.admin, { category_id: restorative, code: 'GONE-1', names: { en: 'Vanishing' } })
    const res = await suite.admin.delete(`${BASE}/items/${item.id}`)
    expect(res.status).toBe(204)
    expect((await suite.admin.get(`${BASE}/items/${item.id}`)).status).toBe(404)
    expect((await suite.admin.put(`${BASE}/items/${item.id}`, { default_price: '1.00' })).status).toBe(404)
    expect((await suite.admin.delete(`${BASE}/items/${item.id}`)).status).toBe(404)
    expect((await suite.admin.get(`${BASE}/items?search=vanishing`)).body.total).toBe(0)
    expect((await suite.admin.get(`${BASE}/items?search=vanishing&is_active=false`)).body.total).toBe(0)
    expect((await suite.admin.get(`${BASE}/items/search?q=vanishing`)).body.data).toEqual([])
    const again = await createItem(suite.admin, { category_id: restorative, code: 'GONE-1' })
    expect(again.id).not.toBe(item.id)
  })

  it('a system item is deactivated, not deleted (403)', async () => {
    const item = await seededItem('DIA-BW')
    const res = await suite.admin.delete(`${BASE}/items/${item.id}`)
    expect(res.status).toBe(403)
    expect(errorCodes(res.body)).toEqual(['catalog.system_row'])
    expect((await suite.admin.get(`${BASE}/items/${item.id}`)).status).toBe(200)
  })
})
