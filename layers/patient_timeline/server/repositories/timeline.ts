// Reads and writes of the patient_timeline table, and the few rows of core
// and of patients (our dependency) the timeline needs. Functions take the
// database (or a transaction) first and are named for their intent.
import type { Kysely } from 'kysely'
import type { ClinicsTable, UsersTable } from '#dentalpin'
import type { PatientsTables } from '#layers/patients/models'
import type { PatientTimelineRow, PatientTimelineTables, TimelineCategory } from '../../models'

export type TimelineDb = PatientTimelineTables & Pick<PatientsTables, 'patients'> & { clinics: ClinicsTable, users: UsersTable }

/** A row to insert: everything but the generated id and creation time (dedupe_key only for events recorded once per source, see the recorder). */
export type NewTimelineEntry = Omit<PatientTimelineRow, 'id' | 'created_at'>

export async function findClinicLocale(db: Kysely<TimelineDb>, clinicId: string) {
  return db.selectFrom('clinics').select(['language', 'timezone', 'currency']).where('id', '=', clinicId).executeTakeFirst()
}

export async function patientExistsInClinic(db: Kysely<TimelineDb>, clinicId: string, patientId: string): Promise<boolean> {
  const row = await db.selectFrom('patients').select('id').where('id', '=', patientId).where('clinic_id', '=', clinicId).executeTakeFirst()
  return row !== undefined
}

export async function findUserName(db: Kysely<TimelineDb>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select(['first_name', 'last_name']).where('id', '=', userId).executeTakeFirst()
  return row ? `${row.first_name} ${row.last_name}`.trim() : null
}

/**
 * Writes an entry; false when an entry with the same `dedupe_key` already
 * exists in the clinic (a retried or concurrent delivery of a once-per-source
 * event), decided by the unique index so two racing deliveries write one row.
 */
export async function insertEntry(db: Kysely<TimelineDb>, entry: NewTimelineEntry): Promise<boolean> {
  const row = await db.insertInto('patient_timeline')
    .values({ ...entry, data: JSON.stringify(entry.data) })
    .onConflict(oc => oc.columns(['clinic_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

function entriesOf(db: Kysely<TimelineDb>, clinicId: string, patientId: string, categories: readonly TimelineCategory[] | undefined) {
  let query = db.selectFrom('patient_timeline').where('clinic_id', '=', clinicId).where('patient_id', '=', patientId)
  if (categories?.length) query = query.where('category', 'in', categories)
  return query
}

/** One page of a patient's entries, newest first (ties by id, so pages never overlap). */
export async function listEntries(db: Kysely<TimelineDb>, clinicId: string, patientId: string, categories: readonly TimelineCategory[] | undefined, limit: number, offset: number): Promise<PatientTimelineRow[]> {
  return entriesOf(db, clinicId, patientId, categories).selectAll()
    .orderBy('occurred_at', 'desc').orderBy('id', 'desc')
    .limit(limit).offset(offset)
    .execute()
}

export async function countEntries(db: Kysely<TimelineDb>, clinicId: string, patientId: string, categories: readonly TimelineCategory[] | undefined): Promise<number> {
  const row = await entriesOf(db, clinicId, patientId, categories).select(eb => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
