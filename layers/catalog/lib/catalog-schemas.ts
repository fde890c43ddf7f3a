// The catalog's payload schemas (published through models.ts), shared by
// the API (parseBody/parseQuery) and the browser's forms; messages are i18n
// keys. The rules across fields are itemRuleIssues (catalog-rules.ts).
import { z } from 'zod'
import { moneySchema, rateSchema } from '#shared/schemas/money'
import { CATALOG_SCOPES, TREATMENT_CLINICAL_TYPES } from './catalog-rules'
import type { LocalizedText } from './catalog-rules'
import { PRICING_STRATEGIES } from './catalog-pricing'

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

/** PUT /api/v1/catalog/items/{id}: fields sent change; the rules run on the merged item; `vat_type_id: null` → the clinic's default. */
export const itemUpdateSchema = z.object({ code: codeSchema, ...itemFields, vat_type_id: uuid.nullable() }).partial()
export type ItemUpdateInput = z.input<typeof itemUpdateSchema>

/**
 * One row of POST /api/v1/catalog/items/import (a CSV line, parsed in the
 * browser): the category by key and the VAT type by rate (the clinic's active
 * type with that rate; none → the default). Session templates are not imported.
 */
export const itemImportRowSchema = z.object({
  code: codeSchema,
  names: localizedTextSchema,
  descriptions: itemFields.descriptions.optional().transform(v => v ?? {}),
  category_key: keySchema,
  default_price: moneySchema,
  cost: itemFields.cost.optional().transform(v => v ?? null),
  duration_minutes: itemFields.duration_minutes.optional().transform(v => v ?? null),
  vat_rate: rateSchema.nullable().optional().transform(v => v ?? null),
  pricing_strategy: itemFields.pricing_strategy.optional().default('flat'),
  pricing: itemFields.pricing.optional().transform(v => v ?? null),
  scope: itemFields.scope.optional().default('tooth'),
  requires_surfaces: z.boolean().optional().default(false),
  clinical_type: itemFields.clinical_type.optional().transform(v => v ?? null),
  is_active: z.boolean().optional().default(true),
})
export type ItemImportRow = z.input<typeof itemImportRowSchema>

/** POST /api/v1/catalog/items/import: all rows or none; a code that exists updates that item. */
export const itemImportSchema = z.object({ items: z.array(itemImportRowSchema).min(1, 'validation.required').max(1000, 'validation.too_long') })

/** What an import did. */
export interface ItemImportResult {
  created: number
  updated: number
}

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
