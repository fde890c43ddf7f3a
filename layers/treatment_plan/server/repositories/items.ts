// Plan items with the treatment they plan (the odontogram entry, read through its published table type).
import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import { ACTIVE_STATUSES } from '#layers/agenda/models'
import type { TreatmentPlanItemsTable } from '../../models'
import type { TreatmentPlanDb } from '../db'

type Db = Kysely<TreatmentPlanDb>

function itemQuery(db: Db, clinicId: string) {
  return db.selectFrom('treatment_plan_items as i')
    .innerJoin('odontogram_entries as e', 'e.id', 'i.treatment_id')
    .leftJoin('catalog_items as c', 'c.id', 'e.catalog_item_id')
    .leftJoin('users as u', 'u.id', 'i.professional_id')
    .selectAll('i')
    .select([
      'e.clinical_type', 'e.status as treatment_status', 'e.teeth', 'e.scope', 'e.arch', 'e.catalog_item_id',
      'e.price as treatment_price', 'e.performed_at', 'c.code as item_code', 'c.names as item_names',
      'u.first_name as professional_first_name', 'u.last_name as professional_last_name',
    ])
    .where('i.clinic_id', '=', clinicId)
}

export type ItemWithTreatment = Awaited<ReturnType<typeof planItems>>[number]

/** The items of these plans, by plan and position. */
export async function planItems(db: Db, clinicId: string, planIds: readonly string[]) {
  if (planIds.length === 0) return []
  return itemQuery(db, clinicId).where('i.plan_id', 'in', planIds).orderBy('i.plan_id').orderBy('i.position').orderBy('i.id').execute()
}

export async function findItem(db: Db, clinicId: string, id: string) {
  return itemQuery(db, clinicId).where('i.id', '=', id).executeTakeFirst()
}

export async function findItems(db: Db, clinicId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return itemQuery(db, clinicId).where('i.id', 'in', ids).execute()
}

export async function insertItem(db: Db, values: Insertable<TreatmentPlanItemsTable>) {
  return db.insertInto('treatment_plan_items').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateItem(db: Db, clinicId: string, id: string, changes: Updateable<TreatmentPlanItemsTable>) {
  await db.updateTable('treatment_plan_items').set({ ...changes, updated_at: sql`now()` }).where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

export async function deleteItem(db: Db, clinicId: string, id: string) {
  await db.deleteFrom('treatment_plan_items').where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** The position after the plan's last item. */
export async function nextPosition(db: Db, planId: string): Promise<number> {
  const row = await db.selectFrom('treatment_plan_items').select(sql<string>`coalesce(max(position), 0)`.as('max')).where('plan_id', '=', planId).executeTakeFirstOrThrow()
  return Number(row.max) + 1
}

/** Closing takes a plan's items out of the live set; reactivating and reopening put them back. */
export async function setPlanItemsLive(db: Db, planId: string, live: boolean) {
  await db.updateTable('treatment_plan_items').set({ live, updated_at: sql`now()` }).where('plan_id', '=', planId).execute()
}

/** The live item that holds a treatment, with its plan's number, if any. */
export async function liveItemOfTreatment(db: Db, treatmentId: string) {
  return db.selectFrom('treatment_plan_items as i').innerJoin('treatment_plan_plans as p', 'p.id', 'i.plan_id')
    .select(['i.id', 'i.plan_id', 'p.number']).where('i.treatment_id', '=', treatmentId).where('i.live', '=', true).executeTakeFirst()
}

/** Treatments of these items held by a live item of ANOTHER plan (a reactivation conflict). */
export async function heldElsewhere(db: Db, planId: string) {
  return db.selectFrom('treatment_plan_items as mine')
    .innerJoin('treatment_plan_items as other', 'other.treatment_id', 'mine.treatment_id')
    .innerJoin('treatment_plan_plans as p', 'p.id', 'other.plan_id')
    .select(['other.plan_id', 'p.number', 'mine.id as item_id'])
    .where('mine.plan_id', '=', planId).whereRef('other.plan_id', '<>', 'mine.plan_id').where('other.live', '=', true)
    .executeTakeFirst()
}

/** Every item (of any plan of the clinic) that plans this treatment, pending ones locked. */
export async function pendingItemsOfTreatment(db: Db, clinicId: string, treatmentId: string) {
  return db.selectFrom('treatment_plan_items').select(['id', 'plan_id']).where('clinic_id', '=', clinicId)
    .where('treatment_id', '=', treatmentId).where('status', '=', 'pending').forUpdate().execute()
}

/** The next active appointment of each item (the first by start time). */
export async function bookedAppointments(db: Db, itemIds: readonly string[]) {
  if (itemIds.length === 0) return new Map<string, { id: string, start_time: Date, status: string }>()
  const rows = await db.selectFrom('treatment_plan_visit_items as v').innerJoin('agenda_appointments as a', 'a.id', 'v.appointment_id')
    .select(['v.item_id', 'a.id', 'a.start_time', 'a.status'])
    .where('v.item_id', 'in', itemIds).where('a.status', 'in', ACTIVE_STATUSES).orderBy('a.start_time').orderBy('a.id').execute()
  const map = new Map<string, { id: string, start_time: Date, status: string }>()
  for (const r of rows) if (!map.has(r.item_id)) map.set(r.item_id, { id: r.id, start_time: r.start_time, status: r.status })
  return map
}
