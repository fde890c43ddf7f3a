import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { CatalogItemsTable, CatalogScope } from '../../models'
import type { CatalogDb } from '../db'
import { asJson } from './json'

type Db = Kysely<CatalogDb>

export interface ItemFilter {
  categoryId?: string
  isActive?: boolean
  scope?: CatalogScope
  /** Normalised terms (lower case, no accents); each must match the code or a name. */
  terms: string[]
}

// Lower-cased and without accents, as the search terms are (services/search.ts).
const FOLD_FROM = 'áàâäãéèêëíìîïóòôöõúùûüñç'
const FOLD_TO = 'aaaaaeeeeiiiiooooouuuunc'
const searchable = sql<string>`translate(lower(i.code || ' ' || coalesce((select string_agg(value, ' ') from jsonb_each_text(i.names)), '')), ${FOLD_FROM}, ${FOLD_TO})`

/** A LIKE pattern matching `term` anywhere, with `\`, `%` and `_` taken literally. */
const contains = (term: string) => `%${term.replace(/[\\%_]/g, c => `\\${c}`)}%`

/** Items of the clinic (never deleted ones) with their category and VAT type. */
function itemsWithRefs(db: Db, clinicId: string) {
  return db.selectFrom('catalog_items as i')
    .innerJoin('catalog_categories as c', 'c.id', 'i.category_id')
    .innerJoin('catalog_vat_types as v', 'v.id', 'i.vat_type_id')
    .selectAll('i')
    .select(['c.key as category_key', 'c.names as category_names', 'c.display_order as category_order', 'v.rate as vat_rate', 'v.names as vat_names'])
    .where('i.clinic_id', '=', clinicId)
    .where('i.deleted_at', 'is', null)
}
export type ItemWithRefs = Awaited<ReturnType<ReturnType<typeof itemsWithRefs>['executeTakeFirstOrThrow']>>

function filtered(db: Db, clinicId: string, f: ItemFilter) {
  let q = itemsWithRefs(db, clinicId)
  if (f.categoryId) q = q.where('i.category_id', '=', f.categoryId)
  if (f.isActive !== undefined) q = q.where('i.is_active', '=', f.isActive)
  if (f.scope) q = q.where('i.scope', '=', f.scope)
  for (const term of f.terms) q = q.where(searchable, 'like', contains(term))
  return q
}

/** One page, by category order then code, and the total. */
export async function listItems(db: Db, clinicId: string, f: ItemFilter, page: { offset: number, limit: number }) {
  const rows = await filtered(db, clinicId, f).orderBy('category_order').orderBy('i.code').orderBy('i.id')
    .offset(page.offset).limit(page.limit).execute()
  const total = await filtered(db, clinicId, f).clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return { rows, total: total.n }
}

/**
 * The picker: active items only; a code starting with the first term first,
 * then by code.
 */
export async function searchItems(db: Db, clinicId: string, f: ItemFilter, limit: number) {
  const first = f.terms[0]
  let q = filtered(db, clinicId, { ...f, isActive: true })
  if (first) q = q.orderBy(sql`case when lower(i.code) like ${`${first.replace(/[\\%_]/g, c => `\\${c}`)}%`} then 0 else 1 end`)
  return q.orderBy('i.code').orderBy('i.id').limit(limit).execute()
}

export async function findItem(db: Db, clinicId: string, id: string) {
  return itemsWithRefs(db, clinicId).where('i.id', '=', id).executeTakeFirst()
}

/** Another live item of the clinic with this code, compared case-insensitively. */
export async function findItemByCode(db: Db, clinicId: string, code: string, exceptId?: string) {
  let q = db.selectFrom('catalog_items').select('id').where('clinic_id', '=', clinicId)
    .where('deleted_at', 'is', null).where(sql`lower(code)`, '=', code.toLowerCase())
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export async function insertItem(db: Db, values: Insertable<CatalogItemsTable>) {
  return db.insertInto('catalog_items').values(asJson(values, ['names', 'descriptions', 'pricing', 'session_template'])).returning('id').executeTakeFirstOrThrow()
}

export async function updateItem(db: Db, clinicId: string, id: string, changes: Updateable<CatalogItemsTable>) {
  await db.updateTable('catalog_items').set({ ...asJson(changes, ['names', 'descriptions', 'pricing', 'session_template']), updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** Soft delete: treatments already charted or planned keep their item. */
export async function softDeleteItem(db: Db, clinicId: string, id: string) {
  await db.updateTable('catalog_items').set({ deleted_at: sql`now()`, is_active: false, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** The clinic's live items by lower-cased code (for an import). */
export async function itemsByCode(db: Db, clinicId: string) {
  const rows = await itemsWithRefs(db, clinicId).forUpdate('i').execute()
  return new Map(rows.map(r => [r.code.toLowerCase(), r]))
}
