import { describe, expect, it } from 'vitest'
import { csvColumnOf, csvRowToImport, itemToCsvRow } from '../../lib/catalog-csv'
import { itemImportRowSchema } from '../../models'
import type { CatalogItem } from '../../models'

const bridge: CatalogItem = {
  id: 'a', code: 'PRO-BRZR', names: { en: 'Zirconia bridge', es: 'Puente de zirconio' }, descriptions: {}, category_id: 'c',
  category: { id: 'c', key: 'prosthodontics', names: { en: 'Prosthodontics' } }, default_price: '1600.00', cost: null, duration_minutes: 90,
  vat_type_id: 'v', vat_type: { id: 'v', rate: '0.00', names: { en: 'Exempt' } }, pricing_strategy: 'per_role',
  pricing: { roles: { pillar: '550.00', pontic: '500.00' } }, scope: 'multi_tooth', requires_surfaces: false, clinical_type: 'bridge',
  session_template: null, is_active: true, is_system: true, created_at: '', updated_at: '',
}
const composite: CatalogItem = {
  ...bridge, code: 'RES-COMP', names: { en: 'Composite filling' }, descriptions: { es: 'Resina' }, category: { id: 'c', key: 'restorative', names: { en: 'R' } },
  default_price: '55.00', cost: '10.50', duration_minutes: null, pricing_strategy: 'per_surface', scope: 'tooth', requires_surfaces: true, clinical_type: 'filling',
  pricing: { tiers: [{ surfaces: 1, price: '55.00' }, { surfaces: 2, price: '70.00' }] }, is_active: false,
}

describe('catalog CSV', () => {
  it('writes an item as a row', () => {
    expect(itemToCsvRow(bridge)).toEqual({
      code: 'PRO-BRZR', name_en: 'Zirconia bridge', name_es: 'Puente de zirconio', description_en: '', description_es: '', category: 'prosthodontics',
      default_price: '1600.00', cost: '', duration_minutes: '90', vat_rate: '0.00', pricing_strategy: 'per_role', tiers: '',
      pillar_price: '550.00', pontic_price: '500.00', scope: 'multi_tooth', requires_surfaces: 'false', clinical_type: 'bridge', is_active: 'true',
    })
    expect(itemToCsvRow(composite)).toMatchObject({ name_es: '', description_es: 'Resina', cost: '10.50', duration_minutes: '', tiers: '1:55.00|2:70.00', pillar_price: '', is_active: 'false' })
  })

  it.each([['bridge', bridge], ['composite', composite]])('reads back what it wrote (%s), as the API accepts it', (_name, item) => {
    const parsed = itemImportRowSchema.parse(csvRowToImport(itemToCsvRow(item)))
    expect(parsed).toMatchObject({
      code: item.code, names: item.names, descriptions: item.descriptions, category_key: item.category.key, default_price: item.default_price,
      cost: item.cost, duration_minutes: item.duration_minutes, vat_rate: item.vat_type.rate, pricing_strategy: item.pricing_strategy,
      pricing: item.pricing, scope: item.scope, requires_surfaces: item.requires_surfaces, clinical_type: item.clinical_type, is_active: item.is_active,
    })
  })

  it('leaves empty cells out and passes unreadable ones on for the server to name', () => {
    expect(csvRowToImport({ code: ' X-1 ', name_en: 'Thing', category: 'diagnosis', default_price: '10', requires_surfaces: 'YES', is_active: 'maybe', duration_minutes: '1.5' }))
      .toEqual({ code: 'X-1', names: { en: 'Thing' }, descriptions: {}, category_key: 'diagnosis', default_price: '10', cost: null, duration_minutes: '1.5', vat_rate: null, clinical_type: null, requires_surfaces: true, is_active: 'maybe' })
    expect(csvRowToImport({ tiers: '1:40|x:50' }).pricing).toEqual({ tiers: [{ surfaces: 1, price: '40' }, { surfaces: 'x', price: '50' }] })
  })

  it.each([
    ['items[3].names.es', { row: 3, column: 'name_es' }],
    ['items[0].descriptions.en', { row: 0, column: 'description_en' }],
    ['items[2].category_key', { row: 2, column: 'category' }],
    ['items[1].pricing.tiers[0].price', { row: 1, column: 'tiers' }],
    ['items[4].pricing.roles.pontic', { row: 4, column: 'pontic_price' }],
    ['items[5].default_price', { row: 5, column: 'default_price' }],
    ['items[6].session_template', { row: 6, column: 'session_template' }],
    ['items', null],
  ])('points %s at its CSV cell', (field, expected) => {
    expect(csvColumnOf(field)).toEqual(expected)
  })
})
