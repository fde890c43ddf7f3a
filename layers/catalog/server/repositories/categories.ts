import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { CatalogCategoriesTable } from '../../models'
import type { CatalogDb } from '../db'
import { asJson } from './json'

type Db = Kysely<CatalogDb>

export async function listCategories(db: Db, clinicId: string, filter: { isActive?: boolean }) {
  let q = db.selectFrom('catalog_categories').selectAll().where('clinic_id', '=', clinicId)
  if (filter.isActive !== undefined) q = q.where('is_active', '=', filter.isActive)
  return q.orderBy('display_order').orderBy('key').execute()
}

export async function findCategory(db: Db, clinicId: string, id: string) {
  return db.selectFrom('catalog_categories').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}

/** The category, locked: no item can be filed under it until the transaction ends. */
export async function lockCategory(db: Db, clinicId: string, id: string) {
  return db.selectFrom('catalog_categories').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function findCategoryByKey(db: Db, clinicId: string, key: string, exceptId?: string) {
  let q = db.selectFrom('catalog_categories').select('id').where('clinic_id', '=', clinicId).where('key', '=', key)
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export async function nextDisplayOrder(db: Db, clinicId: string): Promise<number> {
  const row = await db.selectFrom('catalog_categories').select(sql<number>`coalesce(max(display_order), 0)::int + 10`.as('next'))
    .where('clinic_id', '=', clinicId).executeTakeFirstOrThrow()
  return row.next
}

export async function insertCategory(db: Db, values: Insertable<CatalogCategoriesTable>) {
  return db.insertInto('catalog_categories').values(asJson(values, ['names'])).returningAll().executeTakeFirstOrThrow()
}

export async function updateCategory(db: Db, clinicId: string, id: string, changes: Updateable<CatalogCategoriesTable>) {
  return db.updateTable('catalog_categories').set({ ...asJson(changes, ['names']), updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function deleteCategory(db: Db, clinicId: string, id: string) {
  await db.deleteFrom('catalog_categories').where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** Items in the category, deleted ones included (they still point at it). */
export async function countItemsIn(db: Db, clinicId: string, categoryId: string): Promise<number> {
  const row = await db.selectFrom('catalog_items').select(sql<number>`count(*)::int`.as('n'))
    .where('clinic_id', '=', clinicId).where('category_id', '=', categoryId).executeTakeFirstOrThrow()
  return row.n
}
