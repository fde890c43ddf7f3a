// What the plan reads of the core and of its dependencies (through their published table types).
import type { Kysely } from 'kysely'
import type { TreatmentPlanDb } from '../db'

type Db = Kysely<TreatmentPlanDb>

export async function clinicTimeZone(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('timezone').where('id', '=', clinicId).executeTakeFirst()
  return row?.timezone ?? 'UTC'
}

export async function findPatient(db: Db, clinicId: string, id: string) {
  return db.selectFrom('patients').select(['id', 'status']).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}

/** A member of the clinic, active there and as an account (the plan's or an item's professional). */
export async function findMember(db: Db, clinicId: string, userId: string) {
  return db.selectFrom('clinic_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id']).where('m.clinic_id', '=', clinicId).where('m.user_id', '=', userId)
    .where('m.is_active', '=', true).where('u.is_active', '=', true).executeTakeFirst()
}

/** An odontogram entry of the clinic (deleted ones too: the caller says why it does not fit). */
export async function findTreatment(db: Db, clinicId: string, id: string) {
  return db.selectFrom('odontogram_entries')
    .select(['id', 'patient_id', 'kind', 'status', 'existing', 'catalog_item_id', 'price', 'deleted_at'])
    .where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}

/** The catalog item's session template and category key (default phase). */
export async function catalogPlanning(db: Db, clinicId: string, id: string | null) {
  if (!id) return undefined
  return db.selectFrom('catalog_items as c').leftJoin('catalog_categories as k', 'k.id', 'c.category_id')
    .select(['c.session_template', 'k.key as category_key'])
    .where('c.clinic_id', '=', clinicId).where('c.id', '=', id).executeTakeFirst()
}

export async function findAppointment(db: Db, clinicId: string, id: string) {
  return db.selectFrom('agenda_appointments')
    .select(['id', 'patient_id', 'professional_id', 'status', 'start_time', 'end_time'])
    .where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}
