import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { CatalogVatTypesTable } from '../../models'
import type { CatalogDb } from '../db'
import { asJson } from './json'

type Db = Kysely<CatalogDb>

/** The clinic's VAT types that are not deleted: the default first, then by rate. */
export async function listVatTypes(db: Db, clinicId: string, filter: { isActive?: boolean }) {
  let q = db.selectFrom('catalog_vat_types').selectAll().where('clinic_id', '=', clinicId).where('deleted_at', 'is', null)
  if (filter.isActive !== undefined) q = q.where('is_active', '=', filter.isActive)
  return q.orderBy('is_default', 'desc').orderBy('rate').orderBy(sql`names->>'en'`).orderBy('id').execute()
}

export async function findVatType(db: Db, clinicId: string, id: string) {
  return db.selectFrom('catalog_vat_types').selectAll()
    .where('clinic_id', '=', clinicId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
}

export async function findDefaultVatType(db: Db, clinicId: string) {
  return db.selectFrom('catalog_vat_types').selectAll()
    .where('clinic_id', '=', clinicId).where('is_default', '=', true).where('deleted_at', 'is', null).executeTakeFirst()
}

/** Locks the clinic's VAT types: default changes of one clinic happen one at a time. */
export async function lockVatTypes(db: Db, clinicId: string) {
  await db.selectFrom('catalog_vat_types').select('id').where('clinic_id', '=', clinicId).forUpdate().execute()
}

export async function clearDefault(db: Db, clinicId: string) {
  await db.updateTable('catalog_vat_types').set({ is_default: false, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('is_default', '=', true).execute()
}

export async function insertVatType(db: Db, values: Insertable<CatalogVatTypesTable>) {
  return db.insertInto('catalog_vat_types').values(asJson(values, ['names'])).returningAll().executeTakeFirstOrThrow()
}

export async function updateVatType(db: Db, clinicId: string, id: string, changes: Updateable<CatalogVatTypesTable>) {
  return db.updateTable('catalog_vat_types').set({ ...asJson(changes, ['names']), updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

/** Soft delete: items that used it keep a readable VAT type. */
export async function softDeleteVatType(db: Db, clinicId: string, id: string) {
  await db.updateTable('catalog_vat_types').set({ deleted_at: sql`now()`, is_active: false, is_default: false, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** Live (not deleted) items priced with this VAT type. */
export async function countItemsWithVat(db: Db, clinicId: string, vatTypeId: string): Promise<number> {
  const row = await db.selectFrom('catalog_items').select(sql<number>`count(*)::int`.as('n'))
    .where('clinic_id', '=', clinicId).where('vat_type_id', '=', vatTypeId).where('deleted_at', 'is', null).executeTakeFirstOrThrow()
  return row.n
}
