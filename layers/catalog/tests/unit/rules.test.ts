import { describe, expect, it } from 'vitest'
import { itemCreateSchema, itemRuleIssues, pricingFor } from '../../models'
import type { ItemRuleInput } from '../../models'

const base: ItemRuleInput = {
  default_price: '100.00',
  pricing_strategy: 'flat',
  pricing: null,
  scope: 'tooth',
  requires_surfaces: false,
  session_template: null,
}
const fields = (item: Partial<ItemRuleInput>) => itemRuleIssues({ ...base, ...item }).map(i => [i.field, i.code])

describe('itemRuleIssues', () => {
  it('accepts a sound flat item', () => {
    expect(fields({})).toEqual([])
  })

  it('needs tiers for per_surface, one per surface count', () => {
    expect(fields({ pricing_strategy: 'per_surface' })).toEqual([['pricing.tiers', 'catalog.tiers_required']])
    expect(fields({ pricing_strategy: 'per_surface', pricing: { tiers: [] } })).toEqual([['pricing.tiers', 'catalog.tiers_required']])
    expect(fields({ pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '1.00' }, { surfaces: 1, price: '2.00' }] } }))
      .toEqual([['pricing.tiers[1].surfaces', 'catalog.tier_duplicate']])
    expect(fields({ pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '1.00' }] } })).toEqual([])
  })

  it('needs a pillar and a pontic price for per_role, on a multi-tooth scope', () => {
    expect(fields({ pricing_strategy: 'per_role', scope: 'multi_tooth', pricing: { roles: { pillar: '450.00' } } }))
      .toEqual([['pricing.roles.pontic', 'catalog.role_price_required']])
    expect(fields({ pricing_strategy: 'per_role', scope: 'tooth', pricing: { roles: { pillar: '1.00', pontic: '1.00' } } }))
      .toEqual([['scope', 'catalog.scope_for_strategy']])
    expect(fields({ pricing_strategy: 'per_role', scope: 'multi_tooth', pricing: null }))
      .toEqual([['pricing.roles.pillar', 'catalog.role_price_required'], ['pricing.roles.pontic', 'catalog.role_price_required']])
  })

  it('prices by tooth or surface only on tooth scopes; surfaces only on teeth', () => {
    expect(fields({ pricing_strategy: 'per_tooth', scope: 'mouth' })).toEqual([['scope', 'catalog.scope_for_strategy']])
    expect(fields({ requires_surfaces: true, scope: 'arch' })).toEqual([['requires_surfaces', 'catalog.surfaces_need_teeth']])
    expect(fields({ requires_surfaces: true, scope: 'multi_tooth' })).toEqual([])
  })

  it('wants session amounts that add up exactly to the price', () => {
    const row = (amount: string) => ({ label: { en: 'Visit' }, amount })
    expect(fields({ session_template: [row('60.00'), row('40.00')] })).toEqual([])
    const issues = itemRuleIssues({ ...base, session_template: [row('33.33'), row('33.33'), row('33.33')] })
    expect(issues).toEqual([{ field: 'session_template', code: 'catalog.session_total', message: 'The session amounts must add up to the price', params: { total: '99.99', price: '100.00' } }])
  })
})

describe('pricingFor', () => {
  it('keeps only the part the strategy uses', () => {
    const both = { tiers: [{ surfaces: 2, price: '2.00' }, { surfaces: 1, price: '1.00' }], roles: { pillar: '3.00', pontic: '4.00' } }
    expect(pricingFor('flat', both)).toBeNull()
    expect(pricingFor('per_tooth', both)).toBeNull()
    expect(pricingFor('per_surface', both)).toEqual({ tiers: [{ surfaces: 1, price: '1.00' }, { surfaces: 2, price: '2.00' }] })
    expect(pricingFor('per_role', both)).toEqual({ roles: { pillar: '3.00', pontic: '4.00' } })
  })
})

describe('itemCreateSchema', () => {
  const category = '00000000-0000-4000-8000-000000000001'
  it('fills the defaults and normalises money', () => {
    const parsed = itemCreateSchema.parse({ code: 'X-1', names: { en: 'Thing', es: '' }, category_id: category, default_price: '100' })
    expect(parsed).toEqual({
      code: 'X-1', names: { en: 'Thing' }, descriptions: {}, category_id: category, default_price: '100.00', cost: null,
      duration_minutes: null, vat_type_id: null, pricing_strategy: 'flat', pricing: null, scope: 'tooth', requires_surfaces: false,
      clinical_type: null, session_template: null, is_active: true,
    })
  })

  it('names the field of each bad value', () => {
    const result = itemCreateSchema.safeParse({ code: 'bad code', names: { es: 'Sin inglés' }, category_id: 'x', default_price: 100, clinical_type: 'tattoo', pricing: { tiers: [{ surfaces: 9, price: '1.001' }] } })
    const paths = result.error!.issues.map(i => i.path.join('.')).sort()
    expect(paths).toEqual(['category_id', 'clinical_type', 'code', 'default_price', 'names.en', 'pricing.tiers.0.price', 'pricing.tiers.0.surfaces'])
  })
})
