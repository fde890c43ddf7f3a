import { describe, expect, it } from 'vitest'
import { errorFields } from '../../../../tests/support/fixtures'
import { BASE, errorCodes, catalogSuite } from './helpers'

// POST /api/v1/catalog/items/import (the CSV import, parsed in the browser):
// every row checked first, then all saved in one transaction or nothing.
describe('catalog item import', () => {
  const suite = catalogSuite()

  const byCode = async (code: string) => (await suite.admin.get(`${BASE}/items?search=${code}`)).body.data.find((x: { code: string }) => x.code === code)

  it('creates new codes and updates existing ones, a system item\'s prices included', async () => {
    const res = await suite.admin.post(`${BASE}/items/import`, {
      items: [
        { code: 'IMP-NEW-1', names: { en: 'Laser session', es: 'Sesión de láser' }, category_key: 'periodontics', default_price: '90', vat_rate: '21.00', scope: 'mouth', clinical_type: null },
        { code: 'IMP-NEW-2', names: { en: 'Onlay' }, category_key: 'restorative', default_price: '300.00', pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '300.00' }, { surfaces: 2, price: '330.00' }] }, requires_surfaces: true },
        { code: 'res-comp', names: { en: 'Composite filling', es: 'Obturación de composite' }, category_key: 'restorative', default_price: '60.00', pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '60.00' }, { surfaces: 2, price: '75.00' }, { surfaces: 3, price: '90.00' }] }, requires_surfaces: true, clinical_type: 'filling' },
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toEqual({ data: { created: 2, updated: 1 }, message: 'Items imported' })
    expect(await byCode('IMP-NEW-1')).toMatchObject({ names: { en: 'Laser session', es: 'Sesión de láser' }, default_price: '90.00', vat_type: { id: suite.c.seeded.standardVat, rate: '21.00' }, category: { key: 'periodontics' }, is_system: false })
    // No rate: the clinic's default.
    expect(await byCode('IMP-NEW-2')).toMatchObject({ vat_type: { id: suite.c.seeded.exemptVat }, pricing: { tiers: [{ surfaces: 1, price: '300.00' }, { surfaces: 2, price: '330.00' }] } })
    // Matched by code whatever the case; the stored code stays.
    expect(await byCode('RES-COMP')).toMatchObject({ code: 'RES-COMP', default_price: '60.00', is_system: true, pricing: { tiers: [{ surfaces: 1, price: '60.00' }, { surfaces: 2, price: '75.00' }, { surfaces: 3, price: '90.00' }] } })
  })

  it('lists every problem row by row and saves nothing', async () => {
    const before = await byCode('PRE-CLEAN')
    const res = await suite.admin.post(`${BASE}/items/import`, {
      items: [
        { code: 'IMP-OK', names: { en: 'Fine row' }, category_key: 'diagnosis', default_price: '10.00' },
        { code: 'IMP-BAD-CAT', names: { en: 'Bad' }, category_key: 'astrology', default_price: '10.00' },
        { code: 'IMP-BAD-VAT', names: { en: 'Bad' }, category_key: 'diagnosis', default_price: '10.00', vat_rate: '13.00' },
        { code: 'imp-ok', names: { en: 'Twice' }, category_key: 'diagnosis', default_price: '10.00' },
        { code: 'PRE-CLEAN', names: { en: 'Cleaning' }, category_key: 'prevention', default_price: '1.00', scope: 'mouth', clinical_type: 'whitening' },
        { code: 'IMP-BRIDGE', names: { en: 'Bridge' }, category_key: 'prosthodontics', default_price: '10.00', pricing_strategy: 'per_role', scope: 'multi_tooth', pricing: { roles: { pillar: '5.00' } } },
      ],
    })
    expect(res.status).toBe(422)
    expect(errorCodes(res.body)[0]).toBe('catalog.category_not_found')
    expect(res.body.errors.map((e: { field: string, code: string }) => [e.field, e.code])).toEqual([
      ['items[1].category_key', 'catalog.category_not_found'],
      ['items[2].vat_rate', 'catalog.vat_type_unavailable'],
      ['items[3].code', 'catalog.code_repeated'],
      ['items[4].clinical_type', 'catalog.system_row'],
      ['items[5].pricing.roles.pontic', 'catalog.role_price_required'],
    ])
    expect(await byCode('IMP-OK')).toBeUndefined()
    expect(await byCode('PRE-CLEAN')).toEqual(before)
  })

  it('refuses a malformed row by its path (422) before looking at any', async () => {
    const res = await suite.admin.post(`${BASE}/items/import`, { items: [{ code: 'IMP-X', names: { en: 'X' }, category_key: 'diagnosis', default_price: '1.00' }, { code: 'IMP-Y', names: { en: 'Y' }, category_key: 'diagnosis', default_price: 'free' }] })
    expect(res.status).toBe(422)
    expect(errorFields(res.body)).toEqual(['items[1].default_price'])
    expect(await byCode('IMP-X')).toBeUndefined()
    const empty = await suite.admin.post(`${BASE}/items/import`, { items: [] })
    expect(empty.status).toBe(422)
    expect(errorFields(empty.body)).toEqual(['items'])
  })
})
