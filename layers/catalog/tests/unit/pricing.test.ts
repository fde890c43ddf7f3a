import { describe, expect, it } from 'vitest'
import { priceTreatment, pricePreview } from '../../models'
import type { PriceableItem, PricedTooth } from '../../models'

const flat: PriceableItem = { default_price: '50.00', pricing_strategy: 'flat', pricing: null }
const perTooth: PriceableItem = { default_price: '550.00', pricing_strategy: 'per_tooth', pricing: null }
const perSurface: PriceableItem = {
  default_price: '55.00',
  pricing_strategy: 'per_surface',
  pricing: { tiers: [{ surfaces: 2, price: '70.00' }, { surfaces: 1, price: '55.00' }, { surfaces: 3, price: '85.00' }] },
}
const bridge: PriceableItem = { default_price: '1300.00', pricing_strategy: 'per_role', pricing: { roles: { pillar: '450.00', pontic: '400.00' } } }

const t = (tooth: number, surfaces?: string[], role?: 'pillar' | 'pontic'): PricedTooth => ({ tooth, surfaces, role })

describe('priceTreatment', () => {
  it.each<[string, PriceableItem, PricedTooth[], string]>([
    ['flat, one tooth', flat, [t(16)], '50.00'],
    ['flat, whole mouth (no teeth)', flat, [], '50.00'],
    ['flat, three teeth: still once', flat, [t(14), t(15), t(16)], '50.00'],
    ['per tooth, one', perTooth, [t(11)], '550.00'],
    ['per tooth, three', perTooth, [t(11), t(12), t(21)], '1650.00'],
    ['per tooth, none', perTooth, [], '0.00'],
    ['per surface, 1 surface', perSurface, [t(16, ['O'])], '55.00'],
    ['per surface, 2 surfaces', perSurface, [t(16, ['M', 'O'])], '70.00'],
    ['per surface, 3 surfaces', perSurface, [t(16, ['M', 'O', 'D'])], '85.00'],
    ['per surface, 5 surfaces: the largest tier', perSurface, [t(16, ['M', 'O', 'D', 'B', 'L'])], '85.00'],
    ['per surface, a surface named twice counts once', perSurface, [t(16, ['O', 'O'])], '55.00'],
    ['per surface, no surface: the smallest tier', perSurface, [t(16, [])], '55.00'],
    ['per surface, two teeth priced each by its own count', perSurface, [t(16, ['O']), t(17, ['M', 'O', 'D'])], '140.00'],
    ['per role, 3-unit bridge = pillar + pontic + pillar', bridge, [t(14, [], 'pillar'), t(15, [], 'pontic'), t(16, [], 'pillar')], '1300.00'],
    ['per role, 4-unit bridge', bridge, [t(13, [], 'pillar'), t(14, [], 'pontic'), t(15, [], 'pontic'), t(16, [], 'pillar')], '1700.00'],
    ['per role, a tooth without a role is a pillar', bridge, [t(14), t(15, [], 'pontic'), t(16)], '1300.00'],
  ])('%s', (_name, item, teeth, expected) => {
    expect(priceTreatment(item, teeth)).toBe(expected)
  })

  it('never multiplies a bridge again by its teeth (the original booked it at 3×)', () => {
    const teeth = [t(14, [], 'pillar'), t(15, [], 'pontic'), t(16, [], 'pillar')]
    expect(priceTreatment(bridge, teeth)).not.toBe('3900.00')
    expect(priceTreatment(bridge, teeth)).toBe('1300.00')
  })

  it('uses the tier below when a count falls between tiers', () => {
    const gappy: PriceableItem = { default_price: '60.00', pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '60.00' }, { surfaces: 3, price: '90.00' }] } }
    expect(priceTreatment(gappy, [t(16, ['M', 'O'])])).toBe('60.00')
    expect(priceTreatment(gappy, [t(16, ['M', 'O', 'D', 'B'])])).toBe('90.00')
  })

  it('falls back to the default price per tooth without valid settings', () => {
    expect(priceTreatment({ default_price: '40.00', pricing_strategy: 'per_surface', pricing: null }, [t(16, ['O']), t(17, ['O'])])).toBe('80.00')
    expect(priceTreatment({ default_price: '40.00', pricing_strategy: 'per_role', pricing: null }, [t(14, [], 'pillar'), t(15, [], 'pontic')])).toBe('80.00')
  })

  it('adds cents exactly', () => {
    const cents: PriceableItem = { default_price: '0.10', pricing_strategy: 'per_tooth', pricing: null }
    expect(priceTreatment(cents, [t(11), t(12), t(13)])).toBe('0.30')
    expect(priceTreatment({ default_price: '33.33', pricing_strategy: 'per_role', pricing: { roles: { pillar: '33.33', pontic: '33.34' } } }, [t(14, [], 'pillar'), t(15, [], 'pontic'), t(16, [], 'pillar')])).toBe('100.00')
  })
})

describe('pricePreview', () => {
  it('works the per-surface examples: 1, 2 and 3 surfaces', () => {
    expect(pricePreview(perSurface).map(p => [p.label, p.price])).toEqual([['surfaces_1', '55.00'], ['surfaces_2', '70.00'], ['surfaces_3', '85.00']])
  })

  it('works a 3-unit and a 4-unit bridge', () => {
    expect(pricePreview(bridge).map(p => [p.label, p.price])).toEqual([['bridge_3', '1300.00'], ['bridge_4', '1700.00']])
  })

  it('shows flat once and per tooth for one and two teeth', () => {
    expect(pricePreview(flat).map(p => p.price)).toEqual(['50.00'])
    expect(pricePreview(perTooth).map(p => p.price)).toEqual(['550.00', '1100.00'])
  })
})
