// Kysely access to the patients tables. Every function takes the database (or
// the unit of work's transaction) first and the clinic second: a row of another
// clinic is never read or written.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { NewPatientRow, PatientRow, PatientRowUpdate, PatientsTables, PatientListQuery } from '../../models'
import { containsPattern } from '../services/search'

export type PatientsDb = Kysely<PatientsTables>

/** A patient row with the allergies of its medical history (null when it has none). */
export type PatientWithAllergies = PatientRow & { allergies: string[] | null, allergies_recorded_at: Date | null }

export interface MedicalHistoryRow {
  patient_id: string
  clinic_id: string
  allergies: string[]
  medications: string[]
  conditions: string[]
  allergies_recorded_at: Date | null
  updated_by: string | null
  updated_at: Date
}

export interface MedicalLists {
  allergies: string[]
  medications: string[]
  conditions: string[]
}

/** The lists and whether the allergies were recorded (and when). */
export interface MedicalRecord extends MedicalLists {
  allergies_recorded_at: Date | string | null
}

// Sorting folds case and the accents of Spanish and the other western
// languages, so "Álvarez" sits with "Alvarez" and "de la Fuente" with "Díaz",
// whatever the database collation (C on PGlite and on many servers). The
// expression is indexed (migration 20261127000001_patients_name_order): keep
// both in step, or the list falls back to sorting every row.
export const FOLD_FROM = 'ÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇÝáàâäãåéèêëíìîïóòôöõúùûüñçýÿ'
export const FOLD_TO = 'AAAAAAEEEEIIIIOOOOOUUUUNCYaaaaaaeeeeiiiiooooouuuuncyy'

function folded(column: 'p.first_name' | 'p.last_name') {
  return sql<string>`lower(translate(${sql.ref(column)}, ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)}))`
}

type Filters = Pick<PatientListQuery, 'status' | 'do_not_contact'> & { terms: string[] }

function filtered(db: PatientsDb, clinicId: string, f: Filters) {
  let q = db.selectFrom('patients as p').where('p.clinic_id', '=', clinicId)
  if (f.status !== 'all') q = q.where('p.status', '=', f.status)
  if (f.do_not_contact !== undefined) q = q.where('p.do_not_contact', '=', f.do_not_contact)
  // Every term must match: one trigram-indexed LIKE per term.
  for (const term of f.terms) q = q.where('p.search_text', 'like', containsPattern(term))
  return q
}

function withAllergies<Q extends ReturnType<typeof filtered>>(q: Q) {
  return q
    .leftJoin('patients_medical_history as m', 'm.patient_id', 'p.id')
    .selectAll('p')
    .select(sql<string[] | null>`m.allergies`.as('allergies'))
    .select(sql<Date | null>`m.allergies_recorded_at`.as('allergies_recorded_at'))
}

export async function countPatients(db: PatientsDb, clinicId: string, f: Filters): Promise<number> {
  const row = await filtered(db, clinicId, f).select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface PageRequest {
  sort: PatientListQuery['sort']
  order: PatientListQuery['order']
  limit: number
  offset: number
}

export async function listPatients(db: PatientsDb, clinicId: string, f: Filters, page: PageRequest): Promise<PatientWithAllergies[]> {
  const dir = page.order
  let q = withAllergies(filtered(db, clinicId, f))
  switch (page.sort) {
    case 'last_name':
      q = q.orderBy(folded('p.last_name'), dir).orderBy(folded('p.first_name'), dir)
      break
    case 'first_name':
      q = q.orderBy(folded('p.first_name'), dir).orderBy(folded('p.last_name'), dir)
      break
    case 'created_at':
      q = q.orderBy('p.created_at', dir)
      break
    case 'updated_at':
      q = q.orderBy('p.updated_at', dir)
      break
    case 'last_visit':
      // Patients never seen come last in both directions.
      q = q.orderBy(sql`${sql.ref('p.last_visit_at')} ${sql.raw(dir === 'asc' ? 'asc' : 'desc')} nulls last`)
      break
  }
  // Ties (same name, same instant) keep one order from page to page.
  return await q.orderBy('p.id', 'asc').limit(page.limit).offset(page.offset).execute() as PatientWithAllergies[]
}

/** The clinic's most recently created or edited active patients. */
export async function listRecentPatients(db: PatientsDb, clinicId: string, limit: number): Promise<PatientWithAllergies[]> {
  return await withAllergies(filtered(db, clinicId, { status: 'active', do_not_contact: undefined, terms: [] }))
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute() as PatientWithAllergies[]
}

export async function findPatient(db: PatientsDb, clinicId: string, id: string): Promise<PatientWithAllergies | undefined> {
  return await withAllergies(db.selectFrom('patients as p').where('p.clinic_id', '=', clinicId).where('p.id', '=', id))
    .executeTakeFirst() as PatientWithAllergies | undefined
}

/** The row, locked until the end of the transaction (updates of one patient queue up). */
export async function lockPatient(trx: PatientsDb, clinicId: string, id: string): Promise<PatientRow | undefined> {
  return await trx.selectFrom('patients').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function insertPatient(trx: PatientsDb, row: NewPatientRow): Promise<PatientRow> {
  return await trx.insertInto('patients').values(row).returningAll().executeTakeFirstOrThrow()
}

/** Writes an edit of the record (and stamps `updated_at`). */
export async function updatePatient(trx: PatientsDb, clinicId: string, id: string, changes: PatientRowUpdate): Promise<void> {
  await trx.updateTable('patients').set({ ...changes, updated_at: sql<Date>`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id)
    .executeTakeFirstOrThrow()
}

export async function setArchived(trx: PatientsDb, clinicId: string, id: string, archived: boolean): Promise<void> {
  await trx.updateTable('patients')
    .set({ status: archived ? 'archived' : 'active', archived_at: archived ? sql<Date>`now()` : null, updated_at: sql<Date>`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id)
    .executeTakeFirstOrThrow()
}

/**
 * Moves `last_visit_at` forward to `at` (never back). Leaves `updated_at`
 * alone: a visit is not an edit of the record. Returns whether a row changed.
 */
export async function advanceLastVisit(db: PatientsDb, clinicId: string, id: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('patients')
    .set({ last_visit_at: at })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where(eb => eb.or([eb('last_visit_at', 'is', null), eb('last_visit_at', '<', at)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function findMedicalHistory(db: PatientsDb, clinicId: string, patientId: string): Promise<MedicalHistoryRow | undefined> {
  return await db.selectFrom('patients_medical_history').selectAll()
    .where('clinic_id', '=', clinicId).where('patient_id', '=', patientId)
    .executeTakeFirst() as MedicalHistoryRow | undefined
}

/** Creates or replaces the patient's medical history. */
export async function saveMedicalHistory(trx: PatientsDb, clinicId: string, patientId: string, lists: MedicalRecord, userId: string | null): Promise<MedicalHistoryRow> {
  // jsonb parameters travel as JSON text: the `pg` driver would send a JS array as a PostgreSQL array.
  const values = {
    allergies: JSON.stringify(lists.allergies),
    medications: JSON.stringify(lists.medications),
    conditions: JSON.stringify(lists.conditions),
    allergies_recorded_at: lists.allergies_recorded_at,
    updated_by: userId,
    updated_at: sql<Date>`now()`,
  }
  return await trx.insertInto('patients_medical_history')
    .values({ patient_id: patientId, clinic_id: clinicId, ...values })
    .onConflict(oc => oc.column('patient_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow() as MedicalHistoryRow
}
