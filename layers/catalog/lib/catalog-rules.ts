// The catalog's vocabulary (clinical types, languages, scopes) and the rules
// a catalog item's fields must satisfy TOGETHER (both published through
// models.ts): each field's own format is the zod schema's job; these need the
// whole item (after a PUT is merged over the stored row), so the service and
// the editor run the same function and show the same field paths.
import { addMoney, compareMoney, isMoney } from '#shared/money'
import type { PricingConfig, PricingStrategy } from './catalog-pricing'

/**
 * What a catalog item can chart as on the odontogram (`clinical_type`; null:
 * not charted, e.g. a consultation fee). The odontogram owns what each means.
 */
export const TREATMENT_CLINICAL_TYPES = [
  'filling', 'crown', 'root_canal', 'implant', 'bridge', 'extraction', 'sealant', 'veneer', 'inlay', 'post',
  'bracket', 'retainer', 'cleaning', 'scaling', 'whitening', 'denture', 'apicoectomy', 'fluoride', 'exam', 'radiograph',
] as const
export type TreatmentClinicalType = (typeof TREATMENT_CLINICAL_TYPES)[number]

/** Languages a name may be written in; English is required (the fallback). */
export const CATALOG_LANGUAGES = ['en', 'es'] as const
export interface LocalizedText { en: string, es?: string }

export const CATALOG_SCOPES = ['tooth', 'multi_tooth', 'arch', 'mouth'] as const
export type CatalogScope = (typeof CATALOG_SCOPES)[number]

export interface SessionTemplateRow {
  label: { en: string, es?: string }
  amount: string
}

/** The fields the rules read; `pricing` may carry both parts while the editor switches strategy. */
export interface ItemRuleInput {
  default_price: string
  pricing_strategy: PricingStrategy
  pricing: { tiers?: { surfaces: number, price: string }[], roles?: { pillar?: string, pontic?: string } } | null
  scope: CatalogScope
  requires_surfaces: boolean
  session_template: SessionTemplateRow[] | null
}

export interface ItemRuleIssue {
  field: string
  code: string
  message: string
  params?: Record<string, string | number>
}

const TOOTH_SCOPES: readonly CatalogScope[] = ['tooth', 'multi_tooth']

/** Every broken rule, with the field it belongs to (`pricing.tiers[1].surfaces`); [] when the item is sound. */
export function itemRuleIssues(item: ItemRuleInput): ItemRuleIssue[] {
  const issues: ItemRuleIssue[] = []
  const tiers = item.pricing?.tiers ?? []
  const roles = item.pricing?.roles
  if (item.pricing_strategy === 'per_surface') {
    if (tiers.length === 0) issues.push({ field: 'pricing.tiers', code: 'catalog.tiers_required', message: 'Per-surface pricing needs at least one tier' })
    const seen = new Set<number>()
    tiers.forEach((tier, i) => {
      if (seen.has(tier.surfaces)) issues.push({ field: `pricing.tiers[${i}].surfaces`, code: 'catalog.tier_duplicate', message: 'Each number of surfaces has one tier' })
      seen.add(tier.surfaces)
    })
  }
  if (item.pricing_strategy === 'per_role') {
    for (const role of ['pillar', 'pontic'] as const) {
      if (!isMoney(roles?.[role])) issues.push({ field: `pricing.roles.${role}`, code: 'catalog.role_price_required', message: 'Per-role pricing needs a pillar and a pontic price', params: { role } })
    }
    if (item.scope !== 'multi_tooth') issues.push({ field: 'scope', code: 'catalog.scope_for_strategy', message: 'Per-role pricing is for multi-tooth treatments', params: { strategy: item.pricing_strategy } })
  }
  if ((item.pricing_strategy === 'per_surface' || item.pricing_strategy === 'per_tooth') && !TOOTH_SCOPES.includes(item.scope)) {
    issues.push({ field: 'scope', code: 'catalog.scope_for_strategy', message: 'Pricing by tooth or surface needs a tooth or multi-tooth scope', params: { strategy: item.pricing_strategy } })
  }
  if (item.requires_surfaces && !TOOTH_SCOPES.includes(item.scope)) {
    issues.push({ field: 'requires_surfaces', code: 'catalog.surfaces_need_teeth', message: 'Only tooth and multi-tooth treatments can require surfaces' })
  }
  const template = item.session_template ?? []
  if (template.length > 0 && template.every(row => isMoney(row.amount)) && isMoney(item.default_price)) {
    const total = addMoney(...template.map(row => row.amount))
    if (compareMoney(total, item.default_price) !== 0) {
      issues.push({ field: 'session_template', code: 'catalog.session_total', message: 'The session amounts must add up to the price', params: { total, price: item.default_price } })
    }
  }
  return issues
}

/** Only the part of `pricing` the strategy uses (null for flat and per_tooth). */
export function pricingFor(strategy: PricingStrategy, pricing: ItemRuleInput['pricing']): PricingConfig | null {
  if (strategy === 'per_surface') return { tiers: [...(pricing?.tiers ?? [])].sort((a, b) => a.surfaces - b.surfaces) }
  if (strategy === 'per_role') return { roles: { pillar: pricing?.roles?.pillar ?? '0.00', pontic: pricing?.roles?.pontic ?? '0.00' } }
  return null
}
