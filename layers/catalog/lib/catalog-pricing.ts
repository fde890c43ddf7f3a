// The one pricing function of the catalog (published through models.ts): a
// treatment is priced ONCE, from its catalog item and the teeth it covers, and
// that price is the snapshot everyone downstream keeps (chart entry, plan,
// quote). Nothing multiplies it again later — the original booked a 3-unit
// bridge at three times its price that way.
import { addMoney, compareMoney, isMoney, multiplyMoney } from '#shared/money'

export const PRICING_STRATEGIES = ['flat', 'per_tooth', 'per_surface', 'per_role'] as const
export type PricingStrategy = (typeof PRICING_STRATEGIES)[number]

export const BRIDGE_ROLES = ['pillar', 'pontic'] as const
export type BridgeRole = (typeof BRIDGE_ROLES)[number]

/** per_surface: the price of ONE tooth by how many of its surfaces are treated. */
export interface SurfaceTier {
  surfaces: number
  price: string
}

/**
 * Strategy settings (`catalog_items.pricing`): per_surface →
 * `{ tiers: [{ surfaces: 1, price: "60.00" }, { surfaces: 2, price: "80.00" }] }`;
 * per_role → `{ roles: { pillar: "450.00", pontic: "400.00" } }`; flat and
 * per_tooth use `default_price` and keep `null` here.
 */
export type PricingConfig = { tiers: SurfaceTier[] } | { roles: Record<BridgeRole, string> }

export interface PriceableItem {
  default_price: string
  pricing_strategy: PricingStrategy
  pricing: PricingConfig | null
}

/** One tooth of a treatment: FDI number, surfaces treated, role in a bridge. */
export interface PricedTooth {
  tooth: number
  surfaces?: readonly string[]
  role?: BridgeRole | null
}

function tiersOf(pricing: PricingConfig | null): SurfaceTier[] {
  const tiers = pricing && 'tiers' in pricing && Array.isArray(pricing.tiers) ? pricing.tiers : []
  return tiers.filter(t => Number.isInteger(t.surfaces) && isMoney(t.price)).sort((a, b) => a.surfaces - b.surfaces)
}

/**
 * The price of one tooth with `count` treated surfaces: the tier for that
 * count; past the largest tier, the largest; between tiers, the largest tier
 * not above the count; below the smallest (no surface given), the smallest.
 */
export function surfaceTierPrice(item: PriceableItem, count: number): string {
  const tiers = tiersOf(item.pricing)
  if (tiers.length === 0) return item.default_price
  let chosen = tiers[0]!
  for (const tier of tiers) if (tier.surfaces <= count) chosen = tier
  return chosen.price
}

/** The price of one tooth in a bridge; a tooth without a role is priced as a pillar. */
export function rolePrice(item: PriceableItem, role: BridgeRole | null | undefined): string {
  const roles = item.pricing && 'roles' in item.pricing ? item.pricing.roles : null
  const price = roles?.[role ?? 'pillar']
  return isMoney(price) ? price : item.default_price
}

/**
 * The price of a treatment, exact, with two decimals:
 * - flat: `default_price`, once, however many teeth;
 * - per_tooth: `default_price` × number of teeth;
 * - per_surface: per tooth, the tier price for its number of distinct surfaces, summed;
 * - per_role: per tooth, its role's price, summed (3-unit bridge = pillar + pontic + pillar).
 * A per_surface/per_role item without valid settings falls back to `default_price` per tooth.
 */
export function priceTreatment(item: PriceableItem, teeth: readonly PricedTooth[]): string {
  switch (item.pricing_strategy) {
    case 'flat':
      return addMoney(item.default_price)
    case 'per_tooth':
      return multiplyMoney(item.default_price, teeth.length)
    case 'per_surface':
      return addMoney(...teeth.map(t => surfaceTierPrice(item, new Set(t.surfaces ?? []).size)))
    case 'per_role':
      return addMoney(...teeth.map(t => rolePrice(item, t.role)))
  }
}

/** The worked examples the editor previews: 1, 2 and 3 surfaces; a 3-unit bridge. */
export function pricePreview(item: PriceableItem): { label: string, teeth: PricedTooth[], price: string }[] {
  const examples: Record<PricingStrategy, { label: string, teeth: PricedTooth[] }[]> = {
    flat: [{ label: 'once', teeth: [{ tooth: 16 }] }],
    per_tooth: [{ label: 'teeth_1', teeth: [{ tooth: 16 }] }, { label: 'teeth_2', teeth: [{ tooth: 16 }, { tooth: 17 }] }],
    per_surface: [1, 2, 3].map(n => ({ label: `surfaces_${n}`, teeth: [{ tooth: 16, surfaces: ['M', 'O', 'D'].slice(0, n) }] })),
    per_role: [
      { label: 'bridge_3', teeth: [{ tooth: 14, role: 'pillar' }, { tooth: 15, role: 'pontic' }, { tooth: 16, role: 'pillar' }] },
      { label: 'bridge_4', teeth: [{ tooth: 13, role: 'pillar' }, { tooth: 14, role: 'pontic' }, { tooth: 15, role: 'pontic' }, { tooth: 16, role: 'pillar' }] },
    ],
  }
  return examples[item.pricing_strategy].map(e => ({ ...e, price: priceTreatment(item, e.teeth) }))
}

/** True when `a` and `b` are the same amount ("100" and "100.00"). */
export const sameAmount = (a: string, b: string) => isMoney(a) && isMoney(b) && compareMoney(a, b) === 0
