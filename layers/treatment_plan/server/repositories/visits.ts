// The plan items a visit does (treatment_plan_visit_items) and the candidates to add.
import type { Kysely } from 'kysely'
import type { TreatmentPlanDb } from '../db'

type Db = Kysely<TreatmentPlanDb>

/** The visit's items in the order they were added: id and ticked flag. */
export async function visitRows(db: Db, clinicId: string, appointmentId: string) {
  return db.selectFrom('treatment_plan_visit_items').select(['item_id', 'done'])
    .where('clinic_id', '=', clinicId).where('appointment_id', '=', appointmentId).orderBy('created_at').orderBy('item_id').execute()
}

export async function replaceVisitItems(db: Db, clinicId: string, appointmentId: string, rows: readonly { item_id: string, done: boolean }[]) {
  await db.deleteFrom('treatment_plan_visit_items').where('clinic_id', '=', clinicId).where('appointment_id', '=', appointmentId).execute()
  if (rows.length === 0) return
  const now = Date.now()
  // Distinct creation times keep the order sent.
  await db.insertInto('treatment_plan_visit_items')
    .values(rows.map((r, i) => ({ appointment_id: appointmentId, item_id: r.item_id, clinic_id: clinicId, done: r.done, created_at: new Date(now + i) })))
    .execute()
}

/** The pending items of the patient's draft and accepted plans (what a visit may do). */
export async function openItemIds(db: Db, clinicId: string, patientId: string) {
  const rows = await db.selectFrom('treatment_plan_items as i').innerJoin('treatment_plan_plans as p', 'p.id', 'i.plan_id')
    .select('i.id').where('i.clinic_id', '=', clinicId).where('p.patient_id', '=', patientId).where('p.deleted_at', 'is', null)
    .where('p.status', 'in', ['draft', 'accepted']).where('i.status', '=', 'pending')
    .orderBy('p.created_at').orderBy('i.position').execute()
  return rows.map(r => r.id)
}

/** The plans (number, title, status, patient) of these items. */
export async function plansOfItems(db: Db, clinicId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return []
  return db.selectFrom('treatment_plan_items as i').innerJoin('treatment_plan_plans as p', 'p.id', 'i.plan_id')
    .select(['i.id as item_id', 'p.id', 'p.number', 'p.title', 'p.status', 'p.patient_id', 'p.deleted_at'])
    .where('i.clinic_id', '=', clinicId).where('i.id', 'in', itemIds).execute()
}

/** Items ticked done on the visit that are still pending (what `appointment.completed` performs). */
export async function tickedPending(db: Db, clinicId: string, appointmentId: string) {
  return db.selectFrom('treatment_plan_visit_items as v').innerJoin('treatment_plan_items as i', 'i.id', 'v.item_id')
    .select(['i.id', 'i.treatment_id']).where('v.clinic_id', '=', clinicId).where('v.appointment_id', '=', appointmentId)
    .where('v.done', '=', true).where('i.status', '=', 'pending').orderBy('v.created_at').execute()
}

/** Removing an item takes it off every visit. */
export async function dropItemFromVisits(db: Db, itemId: string) {
  await db.deleteFrom('treatment_plan_visit_items').where('item_id', '=', itemId).execute()
}

/** Deleting a plan takes its items off every visit. */
export async function dropPlanFromVisits(db: Db, planId: string) {
  await db.deleteFrom('treatment_plan_visit_items')
    .where('item_id', 'in', db.selectFrom('treatment_plan_items').select('id').where('plan_id', '=', planId)).execute()
}
