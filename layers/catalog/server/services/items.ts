import { conflict, DomainError, invalid, notFound, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { itemRuleIssues, pricingFor, SYSTEM_EDITABLE } from '../../models'
import type { CatalogItem, ItemRuleInput, itemCreateSchema, itemListQuerySchema, itemSearchQuerySchema, itemUpdateSchema } from '../../models'
import type { Actor, CatalogDb } from '../db'
import { findCategory } from '../repositories/categories'
import * as repo from '../repositories/items'
import { findDefaultVatType, findVatType } from '../repositories/vat-types'
import { assertNotSystem, assertSystemEditable, guardUnique, sent } from './guards'
import { toItemDto } from './items-dto'
import { itemSearchTerms } from './search'

type Db = Kysely<CatalogDb>

const notFoundError = () => notFound('catalog.item_not_found')
const codeTaken = () => conflict('catalog.code_taken', 'An item with this code already exists')

/** 422 with every broken cross-field rule, each naming its field. */
function assertRules(item: ItemRuleInput): void {
  const issues = itemRuleIssues(item)
  if (issues.length > 0) throw new DomainError('invalid', issues[0]!.code, 'Validation failed', { errors: issues })
}

/** The category and VAT type must be the clinic's own (422 on the field otherwise). */
async function assertRefs(db: Db, clinicId: string, refs: { category_id?: string, vat_type_id?: string }) {
  if (refs.category_id && !await findCategory(db, clinicId, refs.category_id)) {
    throw invalid('category_id', 'catalog.category_not_found', 'No such category in this clinic')
  }
  if (refs.vat_type_id) {
    const vat = await findVatType(db, clinicId, refs.vat_type_id)
    if (!vat || !vat.is_active) throw invalid('vat_type_id', 'catalog.vat_type_unavailable', 'No such active VAT type in this clinic')
  }
}

/** The clinic's default VAT type (what an item without one gets). */
async function defaultVatId(db: Db, clinicId: string): Promise<string> {
  const vat = await findDefaultVatType(db, clinicId)
  if (!vat) throw invalid('vat_type_id', 'catalog.no_default_vat', 'The clinic has no default VAT type: choose one')
  return vat.id
}

async function reload(db: Db, clinicId: string, id: string): Promise<CatalogItem> {
  const row = await repo.findItem(db, clinicId, id)
  if (!row) throw notFoundError()
  return toItemDto(row)
}

export async function listItems(db: Db, actor: Actor, query: z.output<typeof itemListQuerySchema>) {
  const filter = { categoryId: query.category_id, isActive: query.is_active, scope: query.scope, terms: itemSearchTerms(query.search) }
  const { rows, total } = await repo.listItems(db, actor.clinicId, filter, { offset: (query.page - 1) * query.page_size, limit: query.page_size })
  return { items: rows.map(toItemDto), total, page: query.page, page_size: query.page_size }
}

/** The picker: at most `limit` (≤ 20) active items matching the code or a name. */
export async function searchItems(db: Db, actor: Actor, query: z.output<typeof itemSearchQuerySchema>): Promise<CatalogItem[]> {
  const rows = await repo.searchItems(db, actor.clinicId, { categoryId: query.category_id, terms: itemSearchTerms(query.q) }, query.limit)
  return rows.map(toItemDto)
}

export async function getItem(db: Db, actor: Actor, id: string): Promise<CatalogItem> {
  return reload(db, actor.clinicId, id)
}

/** VAT omitted → the clinic's default VAT type; `pricing` keeps only what the strategy uses. */
export async function createItem(db: Db, actor: Actor, input: z.output<typeof itemCreateSchema>): Promise<CatalogItem> {
  assertRules(input)
  return guardUnique(codeTaken, () => transaction(db, async (trx) => {
    await assertRefs(trx, actor.clinicId, { category_id: input.category_id, vat_type_id: input.vat_type_id ?? undefined })
    const vatTypeId = input.vat_type_id ?? await defaultVatId(trx, actor.clinicId)
    if (await repo.findItemByCode(trx, actor.clinicId, input.code)) throw codeTaken()
    const { id } = await repo.insertItem(trx, {
      ...input,
      clinic_id: actor.clinicId,
      vat_type_id: vatTypeId,
      pricing: pricingFor(input.pricing_strategy, input.pricing),
      is_system: false,
    })
    return reload(trx, actor.clinicId, id)
  }))
}

/**
 * Fields sent change; the rules run on the merged item. A system item keeps
 * what it charts as (code, category, clinical type, scope, strategy, surfaces):
 * 403 `catalog.system_row` when one of those would change.
 */
export async function updateItem(db: Db, actor: Actor, id: string, input: z.output<typeof itemUpdateSchema>): Promise<CatalogItem> {
  return guardUnique(codeTaken, () => transaction(db, async (trx) => {
    const current = await repo.findItem(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    assertSystemEditable(current, input, SYSTEM_EDITABLE.item)
    const { pricing: sentPricing, vat_type_id: sentVat, ...changes } = sent(input)
    const merged = { ...current, ...changes, pricing: sentPricing === undefined ? current.pricing : sentPricing }
    assertRules(merged)
    await assertRefs(trx, actor.clinicId, { category_id: changes.category_id, vat_type_id: sentVat ?? undefined })
    if (changes.code !== undefined && await repo.findItemByCode(trx, actor.clinicId, changes.code, id)) throw codeTaken()
    const vat = sentVat === null ? { vat_type_id: await defaultVatId(trx, actor.clinicId) } : sentVat === undefined ? {} : { vat_type_id: sentVat }
    const pricing = sentPricing !== undefined || changes.pricing_strategy !== undefined
      ? { pricing: pricingFor(merged.pricing_strategy, merged.pricing) }
      : {}
    if (Object.keys({ ...changes, ...vat, ...pricing }).length === 0) return toItemDto(current)
    await repo.updateItem(trx, actor.clinicId, id, { ...changes, ...vat, ...pricing })
    return reload(trx, actor.clinicId, id)
  }))
}

/** Soft delete (charted and planned treatments keep their item); a system item is deactivated instead (403). */
export async function deleteItem(db: Db, actor: Actor, id: string): Promise<void> {
  await transaction(db, async (trx) => {
    const current = await repo.findItem(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    assertNotSystem(current)
    await repo.softDeleteItem(trx, actor.clinicId, id)
  })
}
