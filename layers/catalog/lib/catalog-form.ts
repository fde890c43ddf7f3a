// The item editor's state and how it becomes the API payload (pure: the form
// composable and its tests share it). Field names in errors are the API's
// paths (`pricing.tiers[0].price`), so the server's 422 and the browser's
// own checks land on the same inputs.
import { isMoney, splitMoney } from '#shared/money'
import type { CatalogItem, CatalogScope, ItemCreateInput, PricingStrategy, TreatmentClinicalType } from '../models'

export interface CatalogItemFormState {
  code: string
  names: { en: string, es: string }
  descriptions: { en: string, es: string }
  category_id: string
  default_price: string
  cost: string
  duration_minutes: number | null
  /** '' → the clinic's default VAT type. */
  vat_type_id: string
  pricing_strategy: PricingStrategy
  tiers: { surfaces: number, price: string }[]
  roles: { pillar: string, pontic: string }
  scope: CatalogScope
  requires_surfaces: boolean
  /** '' → not charted. */
  clinical_type: TreatmentClinicalType | ''
  sessions: { label: { en: string, es: string }, amount: string }[]
  is_active: boolean
}

export const DEFAULT_TIERS = [{ surfaces: 1, price: '' }, { surfaces: 2, price: '' }, { surfaces: 3, price: '' }]

/** A blank form (a new item in `categoryId`), or the item's values. */
export function itemFormState(item: CatalogItem | null, categoryId = ''): CatalogItemFormState {
  if (!item) {
    return {
      code: '', names: { en: '', es: '' }, descriptions: { en: '', es: '' }, category_id: categoryId, default_price: '', cost: '', duration_minutes: null,
      vat_type_id: '', pricing_strategy: 'flat', tiers: DEFAULT_TIERS.map(t => ({ ...t })), roles: { pillar: '', pontic: '' }, scope: 'tooth',
      requires_surfaces: false, clinical_type: '', sessions: [], is_active: true,
    }
  }
  const pricing = item.pricing
  return {
    code: item.code,
    names: { en: item.names.en, es: item.names.es ?? '' },
    descriptions: { en: item.descriptions.en ?? '', es: item.descriptions.es ?? '' },
    category_id: item.category_id,
    default_price: item.default_price,
    cost: item.cost ?? '',
    duration_minutes: item.duration_minutes,
    vat_type_id: item.vat_type_id,
    pricing_strategy: item.pricing_strategy,
    tiers: pricing && 'tiers' in pricing ? pricing.tiers.map(t => ({ ...t })) : DEFAULT_TIERS.map(t => ({ ...t })),
    roles: pricing && 'roles' in pricing ? { ...pricing.roles } : { pillar: '', pontic: '' },
    scope: item.scope,
    requires_surfaces: item.requires_surfaces,
    clinical_type: item.clinical_type ?? '',
    sessions: (item.session_template ?? []).map(s => ({ label: { en: s.label.en, es: s.label.es ?? '' }, amount: s.amount })),
    is_active: item.is_active,
  }
}

/** The strategy's part of the pricing, as the API takes it. */
export function formPricing(state: CatalogItemFormState): ItemCreateInput['pricing'] {
  if (state.pricing_strategy === 'per_surface') return { tiers: state.tiers.map(t => ({ surfaces: t.surfaces, price: t.price.trim() })) }
  if (state.pricing_strategy === 'per_role') return { roles: { pillar: state.roles.pillar.trim(), pontic: state.roles.pontic.trim() } }
  return null
}

/** The POST/PUT body of the form. */
export function itemFormPayload(state: CatalogItemFormState): ItemCreateInput {
  return {
    code: state.code,
    names: { en: state.names.en, es: state.names.es },
    descriptions: { en: state.descriptions.en, es: state.descriptions.es },
    category_id: state.category_id,
    default_price: state.default_price.trim(),
    cost: state.cost.trim() || null,
    duration_minutes: state.duration_minutes || null,
    vat_type_id: state.vat_type_id || null,
    pricing_strategy: state.pricing_strategy,
    pricing: formPricing(state),
    scope: state.scope,
    requires_surfaces: state.requires_surfaces,
    clinical_type: state.clinical_type || null,
    session_template: state.sessions.length ? state.sessions.map(s => ({ label: { en: s.label.en, es: s.label.es }, amount: s.amount.trim() })) : null,
    is_active: state.is_active,
  }
}

/** The next tier: one more surface than the largest so far (at most 5). */
export function nextTier(tiers: CatalogItemFormState['tiers']): { surfaces: number, price: string } | null {
  const largest = Math.max(0, ...tiers.map(t => t.surfaces))
  return largest >= 5 ? null : { surfaces: largest + 1, price: '' }
}

/** The price split evenly over the sessions, to the cent (the first ones take the odd cents). */
export function evenSessions(price: string, count: number): string[] {
  return isMoney(price) && count > 0 ? splitMoney(price, count) : []
}
