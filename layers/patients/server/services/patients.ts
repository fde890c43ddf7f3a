// The patients service: the rules of a patient record (archiving, what counts
// as a change, the search text it keeps), its events and the row → DTO
// mapping. Route handlers, event handlers and the in-process tests call it.
import { z } from 'zod'
import type { Kysely } from 'kysely'
import { conflict, eventBus, iso, notFound, transaction } from '#dentalpin'
import { allergiesStatus, PATIENT_EDITABLE_FIELDS } from '../../models'
import type { AllergiesStatus, medicalHistorySchema, Patient, PatientMedicalHistory, PatientRow, PatientRowUpdate, PatientsTables, PatientListQuery, patientCreateSchema, patientUpdateSchema } from '../../models'
import * as repo from '../repositories/patients'
import type { MedicalHistoryRow, MedicalRecord } from '../repositories/patients'
import { buildSearchText, searchTerms } from './search'

export type PatientsDb = Kysely<PatientsTables>
export type PatientCreateData = z.output<typeof patientCreateSchema>
export type PatientUpdateData = z.output<typeof patientUpdateSchema>
export type MedicalHistoryData = z.output<typeof medicalHistorySchema>

/** The record fields a create or an update may set, in the order `changes` lists them. */
export const EDITABLE_FIELDS = PATIENT_EDITABLE_FIELDS
const MEDICAL_LISTS = ['allergies', 'medications', 'conditions'] as const

/** How many patients `GET /recent` returns. */
export const RECENT_LIMIT = 10

const notFoundError = () => notFound('patients.not_found', 'Patient not found')
const archivedError = () => conflict('patients.archived', 'This patient is archived: restore the patient before editing')

/** The API shape of a patient (ids and dates as strings). */
export function toPatientDto(row: PatientRow & { allergies?: string[] | null, allergies_recorded_at?: Date | string | null }): Patient {
  const fullName = `${row.first_name} ${row.last_name}`
  return {
    id: row.id,
    clinic_id: row.clinic_id,
    first_name: row.first_name,
    last_name: row.last_name,
    full_name: fullName,
    phone: row.phone,
    email: row.email,
    date_of_birth: row.date_of_birth,
    gender: row.gender,
    national_id: row.national_id,
    national_id_type: row.national_id_type,
    address: row.address,
    notes: row.notes,
    status: row.status,
    do_not_contact: row.do_not_contact,
    billing_name: row.billing_name,
    billing_tax_id: row.billing_tax_id,
    billing_address: row.billing_address,
    billing_email: row.billing_email,
    effective_billing: {
      name: row.billing_name ?? fullName,
      tax_id: row.billing_tax_id ?? row.national_id,
      address: row.billing_address ?? row.address,
      email: row.billing_email ?? row.email,
    },
    allergies: row.allergies ?? [],
    allergies_status: allergiesStatus(row.allergies, row.allergies_recorded_at),
    last_visit_at: iso(row.last_visit_at),
    archived_at: iso(row.archived_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  }
}

export function toMedicalHistoryDto(patientId: string, row: MedicalHistoryRow | undefined): PatientMedicalHistory {
  return {
    patient_id: patientId,
    allergies: row?.allergies ?? [],
    allergies_status: allergiesStatus(row?.allergies, row?.allergies_recorded_at),
    medications: row?.medications ?? [],
    conditions: row?.conditions ?? [],
    updated_by: row?.updated_by ?? null,
    updated_at: row ? iso(row.updated_at) : null,
  }
}

/** One page of the clinic's patients: every search term must match (see search.ts). */
export async function listPatients(db: PatientsDb, clinicId: string, query: PatientListQuery): Promise<{ items: Patient[], total: number }> {
  const filters = { status: query.status, do_not_contact: query.do_not_contact, terms: searchTerms(query.search) }
  const [total, rows] = await Promise.all([
    repo.countPatients(db, clinicId, filters),
    repo.listPatients(db, clinicId, filters, {
      sort: query.sort,
      order: query.order,
      limit: query.page_size,
      offset: (query.page - 1) * query.page_size,
    }),
  ])
  return { items: rows.map(toPatientDto), total }
}

export async function listRecentPatients(db: PatientsDb, clinicId: string): Promise<Patient[]> {
  return (await repo.listRecentPatients(db, clinicId, RECENT_LIMIT)).map(toPatientDto)
}

export async function getPatient(db: PatientsDb, clinicId: string, id: string): Promise<Patient> {
  const row = await repo.findPatient(db, clinicId, id)
  if (!row) throw notFoundError()
  return toPatientDto(row)
}

/**
 * Registers a patient. The allergies asked at the front desk come with it
 * (`allergies`, or `no_known_allergies: true`) and start the medical history;
 * sending neither leaves them "not recorded". Whoever may register a patient
 * may record these first answers (see the README: later changes need
 * `patients.medical.write`).
 */
export async function createPatient(db: PatientsDb, clinicId: string, input: PatientCreateData, userId: string | null = null): Promise<Patient> {
  const { allergies = [], no_known_allergies = false, ...fields } = input
  return transaction(db, async (trx) => {
    const row = await repo.insertPatient(trx, { ...fields, clinic_id: clinicId, search_text: buildSearchText(fields) })
    let history: MedicalHistoryRow | undefined
    if (allergies.length > 0 || no_known_allergies) {
      history = await repo.saveMedicalHistory(trx, clinicId, row.id, { allergies, medications: [], conditions: [], allergies_recorded_at: new Date() }, userId)
    }
    eventBus.publish('patient.created', { patient_id: row.id, clinic_id: clinicId })
    return toPatientDto({ ...row, allergies: history?.allergies ?? [], allergies_recorded_at: history?.allergies_recorded_at ?? null })
  })
}

/** The editable fields whose sent value differs from the stored one. */
export function changedFields(row: PatientRow, input: PatientUpdateData): (keyof PatientUpdateData & keyof PatientRow)[] {
  return EDITABLE_FIELDS.filter(field => input[field] !== undefined && input[field] !== row[field])
}

/**
 * Changes the fields sent; the rest stay. Nothing changed → no write, no event.
 * An archived patient is read-only until restored (409 `patients.archived`).
 */
export async function updatePatient(db: PatientsDb, clinicId: string, id: string, input: PatientUpdateData): Promise<Patient> {
  return transaction(db, async (trx) => {
    const row = await repo.lockPatient(trx, clinicId, id)
    if (!row) throw notFoundError()
    if (row.status === 'archived') throw archivedError()
    const changes = changedFields(row, input)
    if (changes.length > 0) {
      const set: PatientRowUpdate = Object.fromEntries(changes.map(f => [f, input[f]]))
      await repo.updatePatient(trx, clinicId, id, { ...set, search_text: buildSearchText({ ...row, ...set } as PatientRow) })
      eventBus.publish('patient.updated', { patient_id: id, clinic_id: clinicId, changes })
    }
    return toPatientDto((await repo.findPatient(trx, clinicId, id))!)
  })
}

/** Archives (the soft delete of the API): 409 when already archived. */
export async function archivePatient(db: PatientsDb, clinicId: string, id: string): Promise<void> {
  await transaction(db, async (trx) => {
    const row = await repo.lockPatient(trx, clinicId, id)
    if (!row) throw notFoundError()
    if (row.status === 'archived') throw conflict('patients.already_archived', 'This patient is already archived')
    await repo.setArchived(trx, clinicId, id, true)
    eventBus.publish('patient.archived', { patient_id: id, clinic_id: clinicId })
  })
}

/** Brings an archived patient back (published as an update of `status`); 409 when active. */
export async function restorePatient(db: PatientsDb, clinicId: string, id: string): Promise<Patient> {
  return transaction(db, async (trx) => {
    const row = await repo.lockPatient(trx, clinicId, id)
    if (!row) throw notFoundError()
    if (row.status !== 'archived') throw conflict('patients.not_archived', 'This patient is not archived')
    await repo.setArchived(trx, clinicId, id, false)
    eventBus.publish('patient.updated', { patient_id: id, clinic_id: clinicId, changes: ['status'] })
    return toPatientDto((await repo.findPatient(trx, clinicId, id))!)
  })
}

export async function getMedicalHistory(db: PatientsDb, clinicId: string, patientId: string): Promise<PatientMedicalHistory> {
  const patient = await repo.findPatient(db, clinicId, patientId)
  if (!patient) throw notFoundError()
  return toMedicalHistoryDto(patientId, await repo.findMedicalHistory(db, clinicId, patientId))
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

/**
 * What the allergies become after a save: a non-empty list is "recorded";
 * `no_known_allergies: true` is "none known" (the schema refuses it with a
 * list); an empty list sent without it, or `no_known_allergies: false` over
 * "none known", goes back to "not recorded". Nothing about allergies sent:
 * unchanged.
 */
function nextAllergiesStatus(before: AllergiesStatus, input: MedicalHistoryData): AllergiesStatus {
  if (input.no_known_allergies === true) return 'none_known'
  if (input.allergies !== undefined) return input.allergies.length > 0 ? 'recorded' : 'not_recorded'
  if (input.no_known_allergies === false && before === 'none_known') return 'not_recorded'
  return before
}

/**
 * Replaces the lists sent (allergies, medications, conditions); the others
 * stay. Nothing changed → no write, no event. Archived patients are read-only.
 */
export async function updateMedicalHistory(
  db: PatientsDb,
  actor: { clinicId: string, userId: string },
  patientId: string,
  input: MedicalHistoryData,
): Promise<PatientMedicalHistory> {
  const { clinicId, userId } = actor
  return transaction(db, async (trx) => {
    const patient = await repo.lockPatient(trx, clinicId, patientId)
    if (!patient) throw notFoundError()
    if (patient.status === 'archived') throw archivedError()
    const current = await repo.findMedicalHistory(trx, clinicId, patientId)
    const before: MedicalRecord = {
      allergies: current?.allergies ?? [],
      medications: current?.medications ?? [],
      conditions: current?.conditions ?? [],
      allergies_recorded_at: current?.allergies_recorded_at ?? null,
    }
    const after: MedicalRecord = { ...before }
    for (const list of MEDICAL_LISTS) {
      const sent = input[list]
      if (sent !== undefined) after[list] = sent
    }
    const statusBefore = allergiesStatus(before.allergies, before.allergies_recorded_at)
    const statusAfter = nextAllergiesStatus(statusBefore, input)
    if (statusAfter === 'none_known') after.allergies = []
    if (statusAfter !== statusBefore || !sameList(before.allergies, after.allergies)) {
      after.allergies_recorded_at = statusAfter === 'not_recorded' ? null : new Date()
    }
    if (statusAfter === statusBefore && MEDICAL_LISTS.every(list => sameList(before[list], after[list]))) return toMedicalHistoryDto(patientId, current)
    const saved = await repo.saveMedicalHistory(trx, clinicId, patientId, after, userId)
    eventBus.publish('patient.medical_updated', { patient_id: patientId, clinic_id: clinicId, user_id: userId })
    return toMedicalHistoryDto(patientId, saved)
  })
}

// What this module reads of an `appointment.completed` payload (agenda sends
// these keys beyond the catalog's appointment_id).
const completedVisit = z.object({
  patient_id: z.guid(),
  clinic_id: z.guid(),
  start_time: z.union([z.date(), z.iso.datetime({ offset: true })]).transform(v => new Date(v)),
})

/**
 * Records a completed appointment as a visit: `last_visit_at` becomes the
 * later of its value and the appointment's start. Not an edit of the record:
 * `updated_at` stays and no `patient.updated` is published. Payloads without a
 * patient (blocked slots) or with an unknown patient change nothing.
 */
export async function recordVisit(db: PatientsDb, payload: Record<string, unknown>): Promise<boolean> {
  const parsed = completedVisit.safeParse(payload)
  if (!parsed.success) return false
  const { clinic_id, patient_id, start_time } = parsed.data
  return repo.advanceLastVisit(db, clinic_id, patient_id, start_time)
}
