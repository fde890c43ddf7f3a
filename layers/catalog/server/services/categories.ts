import { conflict, notFound, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { SYSTEM_EDITABLE } from '../../models'
import type { activeListQuerySchema, CategoryRow, categoryCreateSchema, categoryUpdateSchema, TreatmentCategory } from '../../models'
import type { Actor, CatalogDb } from '../db'
import * as repo from '../repositories/categories'
import { assertNotSystem, assertSystemEditable, guardUnique, sent } from './guards'

type Db = Kysely<CatalogDb>

export function toCategoryDto(row: CategoryRow): TreatmentCategory {
  return {
    id: row.id,
    key: row.key,
    names: row.names,
    display_order: row.display_order,
    is_active: row.is_active,
    is_system: row.is_system,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}

const notFoundError = () => notFound('catalog.category_not_found')
const keyTaken = () => conflict('catalog.category_key_taken', 'A category with this key already exists')

export async function listCategories(db: Db, actor: Actor, query: z.output<typeof activeListQuerySchema>): Promise<TreatmentCategory[]> {
  return (await repo.listCategories(db, actor.clinicId, { isActive: query.is_active })).map(toCategoryDto)
}

export async function getCategory(db: Db, actor: Actor, id: string): Promise<TreatmentCategory> {
  const row = await repo.findCategory(db, actor.clinicId, id)
  if (!row) throw notFoundError()
  return toCategoryDto(row)
}

export async function createCategory(db: Db, actor: Actor, input: z.output<typeof categoryCreateSchema>): Promise<TreatmentCategory> {
  return guardUnique(keyTaken, () => transaction(db, async (trx) => {
    if (await repo.findCategoryByKey(trx, actor.clinicId, input.key)) throw keyTaken()
    const row = await repo.insertCategory(trx, {
      clinic_id: actor.clinicId,
      key: input.key,
      names: input.names,
      display_order: input.display_order ?? await repo.nextDisplayOrder(trx, actor.clinicId),
      is_active: input.is_active,
      is_system: false,
    })
    return toCategoryDto(row)
  }))
}

/** Fields sent change; a system category only its activation (its key is what the chart groups by). */
export async function updateCategory(db: Db, actor: Actor, id: string, input: z.output<typeof categoryUpdateSchema>): Promise<TreatmentCategory> {
  return guardUnique(keyTaken, () => transaction(db, async (trx) => {
    const current = await repo.findCategory(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    assertSystemEditable(current, input, SYSTEM_EDITABLE.category)
    if (input.key !== undefined && await repo.findCategoryByKey(trx, actor.clinicId, input.key, id)) throw keyTaken()
    const changes = sent(input)
    if (Object.keys(changes).length === 0) return toCategoryDto(current)
    return toCategoryDto(await repo.updateCategory(trx, actor.clinicId, id, changes))
  }))
}

/** Deletes a category no item has ever used (409 `catalog.category_in_use`: deactivate it instead). */
export async function deleteCategory(db: Db, actor: Actor, id: string): Promise<void> {
  await transaction(db, async (trx) => {
    const current = await repo.lockCategory(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    assertNotSystem(current)
    const uses = await repo.countItemsIn(trx, actor.clinicId, id)
    if (uses > 0) throw conflict('catalog.category_in_use', 'Items use this category: move them or deactivate it instead', { count: uses })
    await repo.deleteCategory(trx, actor.clinicId, id)
  })
}
