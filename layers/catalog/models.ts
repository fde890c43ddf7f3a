// The catalog module's published models (docs/core-api.md, "Importable models"):
// `import { priceTreatment, type CatalogItem } from '#layers/catalog/models'`.
// Table types, DTOs in their JSON shape, the pricing function and the payload
// schemas shared by the API and the browser. Covered by the deprecation policy.
// Money and rates are decimal strings with two decimals ("100.00", "21.00").
import type { ColumnType, Generated, Selectable } from 'kysely'
import { z } from 'zod'
import { moneySchema, rateSchema } from '#shared/schemas/money'
import { CATALOG_SCOPES } from './lib/catalog-rules'
import type { CatalogScope, SessionTemplateRow } from './lib/catalog-rules'
import { PRICING_STRATEGIES } from './lib/catalog-pricing'
import type { PricingConfig, PricingStrategy } from './lib/catalog-pricing'

export { BRIDGE_ROLES, PRICING_STRATEGIES, priceTreatment, pricePreview, rolePrice, surfaceTierPrice } from './lib/catalog-pricing'
export type { BridgeRole, PriceableItem, PricedTooth, PricingConfig, PricingStrategy, SurfaceTier } from './lib/catalog-pricing'
export { CATALOG_SCOPES, itemRuleIssues, pricingFor } from './lib/catalog-rules'
export type { CatalogScope, ItemRuleInput, ItemRuleIssue, SessionTemplateRow } from './lib/catalog-rules'

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

// ---- payload schemas --------------------------------------------------------

const text = (max: number) => z.string('validation.required').trim().min(1, 'validation.required').max(max, 'validation.too_long')
const optionalText = (max: number) => z.string().trim().max(max, 'validation.too_long').optional()
  .transform(v => (v === '' ? undefined : v))
const uuid = z.uuid('validation.uuid')

/** `{en, es?}`: English required; an empty Spanish name is no Spanish name. */
export const localizedTextSchema = z.object({ en: text(200), es: optionalText(200) })
  .transform(v => (v.es ? { en: v.en, es: v.es } : { en: v.en }))
const descriptionsSchema = z.object({ en: optionalText(2000), es: optionalText(2000) })
  .transform(v => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Partial<LocalizedText>)

const codeSchema = z.string('validation.required').trim().min(1, 'validation.required').max(30, 'validation.too_long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'validation.code')
const keySchema = z.string('validation.required').trim().min(1, 'validation.required').max(50, 'validation.too_long')
  .regex(/^[a-z][a-z0-9_]*$/, 'validation.key')

export const surfaceTierSchema = z.object({ surfaces: z.number().int().min(1).max(5), price: moneySchema })
export const pricingSchema = z.object({
  tiers: z.array(surfaceTierSchema).max(5).optional(),
  roles: z.object({ pillar: moneySchema, pontic: moneySchema }).partial().optional(),
}).nullable()
export const sessionTemplateSchema = z.array(z.object({ label: localizedTextSchema, amount: moneySchema })).max(24).nullable()
  .transform(v => (v && v.length > 0 ? v : null))

/** POST /api/v1/catalog/vat-types. */
export const vatTypeCreateSchema = z.object({
  names: localizedTextSchema,
  rate: rateSchema,
  is_default: z.boolean().optional().default(false),
  is_active: z.boolean().optional().default(true),
})
export type VatTypeCreateInput = z.input<typeof vatTypeCreateSchema>

/** PUT /api/v1/catalog/vat-types/{id}: fields sent change. */
export const vatTypeUpdateSchema = z.object({
  names: localizedTextSchema.optional(),
  rate: rateSchema.optional(),
  is_default: z.boolean().optional(),
  is_active: z.boolean().optional(),
})
export type VatTypeUpdateInput = z.input<typeof vatTypeUpdateSchema>

/** POST /api/v1/catalog/categories. */
export const categoryCreateSchema = z.object({
  key: keySchema,
  names: localizedTextSchema,
  display_order: z.number().int().min(0).max(10_000).optional(),
  is_active: z.boolean().optional().default(true),
})
export type CategoryCreateInput = z.input<typeof categoryCreateSchema>

/** PUT /api/v1/catalog/categories/{id}. */
export const categoryUpdateSchema = z.object({
  key: keySchema.optional(),
  names: localizedTextSchema.optional(),
  display_order: z.number().int().min(0).max(10_000).optional(),
  is_active: z.boolean().optional(),
})
export type CategoryUpdateInput = z.input<typeof categoryUpdateSchema>

const itemFields = {
  names: localizedTextSchema,
  descriptions: descriptionsSchema,
  category_id: uuid,
  default_price: moneySchema,
  cost: moneySchema.nullable(),
  duration_minutes: z.number().int().min(1).max(24 * 60).nullable(),
  vat_type_id: uuid,
  pricing_strategy: z.enum(PRICING_STRATEGIES),
  pricing: pricingSchema,
  scope: z.enum(CATALOG_SCOPES),
  requires_surfaces: z.boolean(),
  clinical_type: z.enum(TREATMENT_CLINICAL_TYPES).nullable(),
  session_template: sessionTemplateSchema,
  is_active: z.boolean(),
}

/** POST /api/v1/catalog/items; the rules across fields are `itemRuleIssues`. VAT omitted → the clinic's default. */
export const itemCreateSchema = z.object({
  code: codeSchema,
  ...itemFields,
  descriptions: itemFields.descriptions.optional().transform(v => v ?? {}),
  cost: itemFields.cost.optional().transform(v => v ?? null),
  duration_minutes: itemFields.duration_minutes.optional().transform(v => v ?? null),
  vat_type_id: uuid.nullable().optional().transform(v => v ?? null),
  pricing_strategy: itemFields.pricing_strategy.optional().default('flat'),
  pricing: itemFields.pricing.optional().transform(v => v ?? null),
  scope: itemFields.scope.optional().default('tooth'),
  requires_surfaces: z.boolean().optional().default(false),
  clinical_type: itemFields.clinical_type.optional().transform(v => v ?? null),
  session_template: sessionTemplateSchema.optional().transform(v => v ?? null),
  is_active: z.boolean().optional().default(true),
})
export type ItemCreateInput = z.input<typeof itemCreateSchema>

/** PUT /api/v1/catalog/items/{id}: fields sent change; the rules run on the merged item. */
export const itemUpdateSchema = z.object({ code: codeSchema, ...itemFields }).partial()
export type ItemUpdateInput = z.input<typeof itemUpdateSchema>

const boolQuery = z.enum(['true', 'false']).optional().transform(v => (v === undefined ? undefined : v === 'true'))

/** GET /api/v1/catalog/items query. `search` matches the code or a name in any language. */
export const itemListQuerySchema = z.object({
  category_id: uuid.optional(),
  is_active: boolQuery,
  scope: z.enum(CATALOG_SCOPES).optional(),
  search: z.string().trim().max(100, 'validation.too_long').optional(),
  page: z.coerce.number().int().min(1).optional().default(1),
  page_size: z.coerce.number().int().min(1).max(200).optional().default(50),
})

/** GET /api/v1/catalog/items/search?q= — the picker: active items only, at most 20. */
export const itemSearchQuerySchema = z.object({
  q: z.string().trim().max(100, 'validation.too_long').optional().default(''),
  category_id: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(20).optional().default(20),
})

/** GET /api/v1/catalog/categories and /vat-types query: `is_active=true|false` filters. */
export const activeListQuerySchema = z.object({ is_active: boolQuery })
