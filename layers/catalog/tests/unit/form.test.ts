import { describe, expect, it } from 'vitest'
import { evenSessions, itemFormPayload, itemFormState, nextTier } from '../../lib/catalog-form'
import { itemCreateSchema } from '../../models'
import type { CatalogItem } from '../../models'

const crown: CatalogItem = {
  id: 'i', code: 'PRO-CRZR', names: { en: 'Zirconia crown', es: 'Corona de zirconio' }, descriptions: { en: 'Monolithic' }, category_id: '00000000-0000-4000-8000-000000000001',
  category: { id: 'c', key: 'prosthodontics', names: { en: 'P' } }, default_price: '550.00', cost: '120.00', duration_minutes: 60,
  vat_type_id: '00000000-0000-4000-8000-000000000002', vat_type: { id: 'v', rate: '0.00', names: { en: 'Exempt' } }, pricing_strategy: 'per_tooth', pricing: null,
  scope: 'tooth', requires_surfaces: false, clinical_type: 'crown',
  session_template: [{ label: { en: 'Preparation', es: 'Tallado' }, amount: '250.00' }, { label: { en: 'Fitting' }, amount: '300.00' }],
  is_active: true, is_system: true, created_at: '', updated_at: '',
}

describe('item form', () => {
  it('sends back what it was filled with', () => {
    const payload = itemCreateSchema.parse(itemFormPayload(itemFormState(crown)))
    expect(payload).toEqual({
      code: 'PRO-CRZR', names: { en: 'Zirconia crown', es: 'Corona de zirconio' }, descriptions: { en: 'Monolithic' }, category_id: crown.category_id,
      default_price: '550.00', cost: '120.00', duration_minutes: 60, vat_type_id: crown.vat_type_id, pricing_strategy: 'per_tooth', pricing: null,
      scope: 'tooth', requires_surfaces: false, clinical_type: 'crown',
      session_template: [{ label: { en: 'Preparation', es: 'Tallado' }, amount: '250.00' }, { label: { en: 'Fitting' }, amount: '300.00' }],
      is_active: true,
    })
  })

  it('starts a new item blank, VAT by default, with three empty tiers ready', () => {
    const state = itemFormState(null, 'cat-1')
    expect(state).toMatchObject({ category_id: 'cat-1', vat_type_id: '', pricing_strategy: 'flat', clinical_type: '', sessions: [] })
    expect(state.tiers).toEqual([{ surfaces: 1, price: '' }, { surfaces: 2, price: '' }, { surfaces: 3, price: '' }])
    expect(itemFormPayload(state)).toMatchObject({ vat_type_id: null, clinical_type: null, pricing: null, session_template: null, cost: null, duration_minutes: null })
  })

  it('sends only the strategy\'s part of the pricing', () => {
    const state = { ...itemFormState(null), tiers: [{ surfaces: 1, price: ' 40 ' }], roles: { pillar: '400', pontic: '350' } }
    expect(itemFormPayload({ ...state, pricing_strategy: 'per_surface' }).pricing).toEqual({ tiers: [{ surfaces: 1, price: '40' }] })
    expect(itemFormPayload({ ...state, pricing_strategy: 'per_role' }).pricing).toEqual({ roles: { pillar: '400', pontic: '350' } })
    expect(itemFormPayload({ ...state, pricing_strategy: 'per_tooth' }).pricing).toBeNull()
  })

  it.each([
    [[], { surfaces: 1, price: '' }],
    [[{ surfaces: 1, price: '1' }, { surfaces: 3, price: '1' }], { surfaces: 4, price: '' }],
    [[{ surfaces: 5, price: '1' }], null],
  ])('adds the next tier after %j', (tiers, expected) => {
    expect(nextTier(tiers)).toEqual(expected)
  })

  it('splits the price evenly over the sessions, to the cent', () => {
    expect(evenSessions('100.00', 3)).toEqual(['33.34', '33.33', '33.33'])
    expect(evenSessions('1500', 2)).toEqual(['750.00', '750.00'])
    expect(evenSessions('abc', 2)).toEqual([])
    expect(evenSessions('10.00', 0)).toEqual([])
  })
})
