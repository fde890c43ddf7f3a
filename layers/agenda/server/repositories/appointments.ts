import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import { ACTIVE_STATUSES } from '../../models'
import type { AgendaAppointmentHistoryTable, AgendaAppointmentsTable, AppointmentStatus } from '../../models'
import type { AgendaDb } from '../db'
import type { NoteOwnerType } from '#layers/clinical_notes/owners'

type Db = Kysely<AgendaDb>

export async function clinicTimeZone(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('timezone').where('id', '=', clinicId).executeTakeFirst()
  return row?.timezone ?? 'UTC'
}

export async function findPatient(db: Db, clinicId: string, id: string) {
  return db.selectFrom('patients').select(['id', 'status']).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}

/** The patient an appointment of the clinic is for (null for a blocked slot or another clinic's appointment). */
export const appointmentPatient: NoteOwnerType['patientOf'] = async (db, clinicId, id) => {
  const row = await (db as Db).selectFrom('agenda_appointments').select('patient_id').where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
  return row?.patient_id ?? null
}

/**
 * Serialises bookings of one patient, professional or cabinet until the
 * transaction ends, so two concurrent requests cannot both see a free slot.
 * Callers take them in one global order — patient, then professional, then
 * cabinet — so no two transactions wait on each other in a cycle. The key
 * is the id alone: a professional's bookings in every clinic queue up.
 */
export async function lockResource(db: Db, kind: 'patient' | 'professional' | 'cabinet', id: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`agenda.${kind}:${id}`}))`.execute(db)
}

/** An active appointment of the resource overlapping [start, end) (half-open: back-to-back is free). */
export async function findOverlap(db: Db, clinicId: string, slot: {
  column: 'professional_id' | 'cabinet_id' | 'patient_id'
  id: string
  start: Date
  end: Date
  excludeId: string | null
}) {
  let q = db.selectFrom('agenda_appointments').select(['id', 'professional_id', 'start_time', 'end_time'])
    .where('clinic_id', '=', clinicId)
    .where(slot.column, '=', slot.id)
    .where('status', 'in', ACTIVE_STATUSES)
    .where('start_time', '<', slot.end)
    .where('end_time', '>', slot.start)
  if (slot.excludeId) q = q.where('id', '!=', slot.excludeId)
  return q.limit(1).executeTakeFirst()
}

/**
 * An active appointment of the professional in ANOTHER clinic of the
 * installation overlapping [start, end): only its times are read (nothing of
 * the other clinic's patient may reach this clinic).
 */
export async function findProfessionalOverlapElsewhere(db: Db, clinicId: string, slot: { professionalId: string, start: Date, end: Date, excludeId: string | null }) {
  let q = db.selectFrom('agenda_appointments').select(['start_time', 'end_time'])
    .where('clinic_id', '!=', clinicId)
    .where('professional_id', '=', slot.professionalId)
    .where('status', 'in', ACTIVE_STATUSES)
    .where('start_time', '<', slot.end)
    .where('end_time', '>', slot.start)
  if (slot.excludeId) q = q.where('id', '!=', slot.excludeId)
  return q.orderBy('start_time').limit(1).executeTakeFirst()
}

/** The appointment row, locked for the rest of the transaction. */
export async function lockAppointment(db: Db, clinicId: string, id: string) {
  return db.selectFrom('agenda_appointments').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function insertAppointment(db: Db, values: Insertable<AgendaAppointmentsTable>) {
  return db.insertInto('agenda_appointments').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateAppointment(db: Db, clinicId: string, id: string, changes: Updateable<AgendaAppointmentsTable>) {
  return db.updateTable('agenda_appointments').set({ ...changes, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function insertHistory(db: Db, entry: Omit<Insertable<AgendaAppointmentHistoryTable>, 'changed_at'>) {
  // clock_timestamp(): entries written in one transaction still sort in the order written.
  await db.insertInto('agenda_appointment_history').values({ ...entry, changed_at: sql`clock_timestamp()` }).execute()
}

function withNames(db: Db) {
  return db.selectFrom('agenda_appointments as a')
    .leftJoin('patients as p', 'p.id', 'a.patient_id')
    .leftJoin('patients_medical_history as m', 'm.patient_id', 'a.patient_id')
    .innerJoin('users as u', 'u.id', 'a.professional_id')
    .leftJoin('agenda_cabinets as c', 'c.id', 'a.cabinet_id')
    .selectAll('a')
    .select([
      'p.first_name as patient_first_name',
      'p.last_name as patient_last_name',
      sql<string[] | null>`m.allergies`.as('patient_allergies'),
      sql<Date | null>`m.allergies_recorded_at`.as('patient_allergies_recorded_at'),
      'u.first_name as professional_first_name',
      'u.last_name as professional_last_name',
      'c.name as cabinet_name',
      'c.color as cabinet_color',
    ])
}

export type AppointmentWithNames = NonNullable<Awaited<ReturnType<typeof findAppointment>>>

export async function findAppointment(db: Db, clinicId: string, id: string) {
  return withNames(db).where('a.clinic_id', '=', clinicId).where('a.id', '=', id).executeTakeFirst()
}

export interface AppointmentFilters {
  start?: Date
  end?: Date
  cabinetId?: string
  professionalId?: string
  patientId?: string
  statuses?: AppointmentStatus[]
}

export async function listAppointments(db: Db, clinicId: string, f: AppointmentFilters, page: number, pageSize: number) {
  let q = withNames(db).where('a.clinic_id', '=', clinicId)
  // A range finds every appointment overlapping it, not only those starting inside.
  if (f.start) q = q.where('a.end_time', '>', f.start)
  if (f.end) q = q.where('a.start_time', '<', f.end)
  if (f.cabinetId) q = q.where('a.cabinet_id', '=', f.cabinetId)
  if (f.professionalId) q = q.where('a.professional_id', '=', f.professionalId)
  if (f.patientId) q = q.where('a.patient_id', '=', f.patientId)
  if (f.statuses?.length) q = q.where('a.status', 'in', f.statuses)
  const [rows, count] = await Promise.all([
    q.orderBy('a.start_time').orderBy('a.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: count.n }
}

export async function listHistory(db: Db, clinicId: string, appointmentId: string) {
  return db.selectFrom('agenda_appointment_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.from_status', 'h.to_status', 'h.note', 'h.changed_by', 'h.changed_at', 'u.first_name', 'u.last_name'])
    .where('h.clinic_id', '=', clinicId).where('h.appointment_id', '=', appointmentId)
    .orderBy('h.changed_at').orderBy('h.id')
    .execute()
}

function futureOfPatient(db: Db, clinicId: string, patientId: string) {
  return db.selectFrom('agenda_appointments')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', 'in', ACTIVE_STATUSES)
    .where('start_time', '>', sql<Date>`now()`)
}

export async function countFutureAppointments(db: Db, clinicId: string, patientId: string): Promise<number> {
  const row = await futureOfPatient(db, clinicId, patientId).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return row.n
}

/** Ids of the patient's future active appointments, earliest first (each is then locked by its transition). */
export async function listFutureAppointmentIds(db: Db, clinicId: string, patientId: string): Promise<string[]> {
  const rows = await futureOfPatient(db, clinicId, patientId).select('id').orderBy('start_time').orderBy('id').execute()
  return rows.map(r => r.id)
}
