// The catalog module's published models (docs/core-api.md, "Importable models"):
// `import { priceTreatment, type CatalogItem } from '#layers/catalog/models'`.
// Table types, DTOs in their JSON shape, the pricing function and the payload
// schemas shared by the API and the browser. Covered by the deprecation policy.
// Money and rates are decimal strings with two decimals ("100.00", "21.00").
import type { ColumnType, Generated, Selectable } from 'kysely'
import type { CatalogScope, LocalizedText, SessionTemplateRow, TreatmentClinicalType } from './lib/catalog-rules'
import type { PricingConfig, PricingStrategy } from './lib/catalog-pricing'

export { BRIDGE_ROLES, PRICING_STRATEGIES, priceTreatment, pricePreview, rolePrice, surfaceTierPrice } from './lib/catalog-pricing'
export type { BridgeRole, PriceableItem, PricedTooth, PricingConfig, PricingStrategy, SurfaceTier } from './lib/catalog-pricing'
export { CATALOG_LANGUAGES, CATALOG_SCOPES, itemRuleIssues, pricingFor, TREATMENT_CLINICAL_TYPES } from './lib/catalog-rules'
export type { CatalogScope, ItemRuleInput, ItemRuleIssue, LocalizedText, SessionTemplateRow, TreatmentClinicalType } from './lib/catalog-rules'
export * from './lib/catalog-schemas'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Jsonb<T> = ColumnType<T, string | T, string | T>
type Flag = ColumnType<boolean, boolean | undefined, boolean>
/** numeric columns: read as the decimal string PostgreSQL prints ("100.00"). */
type Numeric = ColumnType<string, string, string>

export interface CatalogVatTypesTable {
  id: Generated<string>
  clinic_id: string
  names: Jsonb<LocalizedText>
  rate: Numeric
  is_default: Flag
  is_system: Flag
  is_active: Flag
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CatalogCategoriesTable {
  id: Generated<string>
  clinic_id: string
  key: string
  names: Jsonb<LocalizedText>
  display_order: ColumnType<number, number | undefined, number>
  is_active: Flag
  is_system: Flag
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CatalogItemsTable {
  id: Generated<string>
  clinic_id: string
  code: string
  names: Jsonb<LocalizedText>
  descriptions: ColumnType<Partial<LocalizedText>, string | Partial<LocalizedText> | undefined, string | Partial<LocalizedText>>
  category_id: string
  default_price: Numeric
  cost: ColumnType<string | null, string | null | undefined, string | null>
  duration_minutes: ColumnType<number | null, number | null | undefined, number | null>
  vat_type_id: string
  pricing_strategy: ColumnType<PricingStrategy, PricingStrategy | undefined, PricingStrategy>
  pricing: ColumnType<PricingConfig | null, string | PricingConfig | null | undefined, string | PricingConfig | null>
  scope: ColumnType<CatalogScope, CatalogScope | undefined, CatalogScope>
  requires_surfaces: Flag
  clinical_type: ColumnType<TreatmentClinicalType | null, TreatmentClinicalType | null | undefined, TreatmentClinicalType | null>
  session_template: ColumnType<SessionTemplateRow[] | null, string | SessionTemplateRow[] | null | undefined, string | SessionTemplateRow[] | null>
  is_active: Flag
  is_system: Flag
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: Timestamp
  updated_at: Timestamp
}

/** The tables this module owns, for `Kysely<CatalogTables>`. */
export interface CatalogTables {
  catalog_vat_types: CatalogVatTypesTable
  catalog_categories: CatalogCategoriesTable
  catalog_items: CatalogItemsTable
}

export type VatTypeRow = Selectable<CatalogVatTypesTable>
export type CategoryRow = Selectable<CatalogCategoriesTable>
export type ItemRow = Selectable<CatalogItemsTable>

/** A VAT type as the API returns it (`rate` in percent, "21.00"). */
export interface VatType {
  id: string
  names: LocalizedText
  rate: string
  is_default: boolean
  is_system: boolean
  is_active: boolean
  created_at: string
  updated_at: string
}

/** A treatment category as the API returns it; `key` is stable (diagnosis, restorative, ...). */
export interface TreatmentCategory {
  id: string
  key: string
  names: LocalizedText
  display_order: number
  is_active: boolean
  is_system: boolean
  created_at: string
  updated_at: string
}

/**
 * A catalog item as the API returns it. `default_price` is the flat/per-tooth
 * price; per_surface and per_role items price through `pricing` (see
 * `priceTreatment`). System items (seeded) keep what they chart as: code,
 * category, clinical type, scope, strategy and surfaces; prices stay the clinic's.
 */
export interface CatalogItem {
  id: string
  code: string
  names: LocalizedText
  descriptions: Partial<LocalizedText>
  category_id: string
  category: { id: string, key: string, names: LocalizedText }
  default_price: string
  cost: string | null
  duration_minutes: number | null
  vat_type_id: string
  vat_type: { id: string, rate: string, names: LocalizedText }
  pricing_strategy: PricingStrategy
  pricing: PricingConfig | null
  scope: CatalogScope
  requires_surfaces: boolean
  clinical_type: TreatmentClinicalType | null
  session_template: SessionTemplateRow[] | null
  is_active: boolean
  is_system: boolean
  created_at: string
  updated_at: string
}

/** Fields a system row (seeded) keeps: only these may change on it. */
export const SYSTEM_EDITABLE = {
  vat_type: ['is_active', 'is_default'],
  category: ['is_active'],
  item: ['names', 'descriptions', 'default_price', 'cost', 'duration_minutes', 'vat_type_id', 'pricing', 'session_template', 'is_active'],
} as const
