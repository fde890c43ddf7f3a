// The patients module's published model (docs/core-api.md, "Importable models"): `import type { Patient } from '#layers/patients/models'`.
// Table types, the DTO in its JSON shape and the payload schemas shared by
// the API and the browser forms. Covered by the deprecation policy.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import { z } from 'zod'
import { isoDateSchema } from '#shared/schemas/dates'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type JsonList = ColumnType<string[], string | string[] | undefined, string | string[]>

export const PATIENT_STATUSES = ['active', 'archived'] as const
export type PatientStatus = (typeof PATIENT_STATUSES)[number]
export const GENDERS = ['female', 'male', 'other'] as const
export const NATIONAL_ID_TYPES = ['dni', 'nie', 'passport', 'other'] as const
export const PATIENT_SORT_FIELDS = ['last_name', 'first_name', 'created_at', 'updated_at', 'last_visit'] as const

/** The patient's personal and contact fields: the same in the table and in the DTO. */
export interface PatientDetails {
  phone: string | null
  email: string | null
  /** `YYYY-MM-DD` (dates are read as strings). */
  date_of_birth: string | null
  gender: (typeof GENDERS)[number] | null
  national_id: string | null
  national_id_type: (typeof NATIONAL_ID_TYPES)[number] | null
  address: string | null
  notes: string | null
  billing_name: string | null
  billing_tax_id: string | null
  billing_address: string | null
  billing_email: string | null
}

export interface PatientsTable extends PatientDetails {
  id: Generated<string>
  clinic_id: string
  first_name: string
  last_name: string
  status: ColumnType<PatientStatus, PatientStatus | undefined, PatientStatus>
  do_not_contact: ColumnType<boolean, boolean | undefined, boolean>
  search_text: ColumnType<string, string | undefined, string>
  last_visit_at: Date | null
  archived_at: Date | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PatientsMedicalHistoryTable {
  patient_id: string
  clinic_id: string
  allergies: JsonList
  medications: JsonList
  conditions: JsonList
  /**
   * When the allergies were last recorded, "none known" included. Null: never
   * asked (the state shown in amber as "Allergies not recorded").
   */
  allergies_recorded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  updated_by: string | null
  updated_at: Timestamp
}

/** The tables this module owns, for `Kysely<PatientsTables>`. */
export interface PatientsTables {
  patients: PatientsTable
  patients_medical_history: PatientsMedicalHistoryTable
}

/**
 * What is known of a patient's allergies: never asked (`not_recorded`, shown in
 * amber), asked and none (`none_known`), or the list (`recorded`).
 */
export const ALLERGIES_STATUSES = ['not_recorded', 'none_known', 'recorded'] as const
export type AllergiesStatus = (typeof ALLERGIES_STATUSES)[number]

/** The allergy state of a medical-history row (or of no row at all): other modules use it too. */
export function allergiesStatus(allergies: readonly string[] | null | undefined, recordedAt: Date | string | null | undefined): AllergiesStatus {
  if (allergies && allergies.length > 0) return 'recorded'
  return recordedAt ? 'none_known' : 'not_recorded'
}

export type PatientRow = Selectable<PatientsTable>
export type NewPatientRow = Insertable<PatientsTable>
export type PatientRowUpdate = Updateable<PatientsTable>

/** A patient as the API returns it (JSON shape: ids and dates are strings). */
export interface Patient extends PatientDetails {
  id: string
  clinic_id: string
  first_name: string
  last_name: string
  full_name: string
  status: PatientStatus
  do_not_contact: boolean
  /** Billing values with the patient's own data filling the gaps. */
  effective_billing: { name: string, tax_id: string | null, address: string | null, email: string | null }
  /** Shown wherever the patient is treated: safety first. */
  allergies: string[]
  /** Whether `allergies: []` means "none known" or "never asked". */
  allergies_status: AllergiesStatus
  last_visit_at: string | null
  archived_at: string | null
  created_at: string
  updated_at: string
}

/**
 * The ctx of the `patient.archive.warnings` slot, hosted by the archive
 * dialog: what other modules want to say before a patient is archived
 * (agenda: "N future appointments", with an offer to cancel them).
 * `afterArchive(task)` runs `task` once the archive succeeded (never when it
 * failed or was cancelled); it returns the function that withdraws it. Tasks
 * report their own outcome (toasts) and should not throw.
 */
export type PatientArchiveWarningsCtx = {
  patient: Patient
  afterArchive: (task: () => Promise<void>) => () => void
}

// The slot patients hosts, so `register('patient.archive.warnings', ...)` and
// `<ModuleSlot name="patient.archive.warnings">` type its ctx.
declare module '#shared/types/slots' {
  interface ModuleSlots {
    'patient.archive.warnings': PatientArchiveWarningsCtx
  }
}

export interface PatientMedicalHistory {
  patient_id: string
  allergies: string[]
  allergies_status: AllergiesStatus
  medications: string[]
  conditions: string[]
  updated_by: string | null
  updated_at: string | null
}

const optionalText = (max: number) => z.string().trim().max(max, 'validation.too_long').nullable().optional()
  .transform(v => (v === '' || v === undefined ? null : v))
const optionalEmail = z.union([z.literal(''), z.string().trim().toLowerCase().max(254).pipe(z.email('validation.email'))])
  .nullable().optional().transform(v => (v === '' || v === undefined ? null : v))
const dateOfBirth = z.union([
  z.literal(''),
  isoDateSchema.refine(v => v <= new Date().toISOString().slice(0, 10), 'validation.past_date'),
]).nullable().optional().transform(v => (v === '' || v === undefined ? null : v))
const requiredName = z.string('validation.required').trim().min(1, 'validation.required').max(100, 'validation.too_long')

const medicalList = z.array(z.string().trim().min(1, 'validation.required').max(200, 'validation.too_long')).max(100)

// "None known" and a list of allergies cannot both be true.
const allergiesAgree = (v: { allergies?: string[], no_known_allergies?: boolean }) =>
  !(v.no_known_allergies === true && (v.allergies?.length ?? 0) > 0)
const allergiesDisagree = { message: 'validation.allergies_none_with_list', path: ['no_known_allergies'] }

/** The fields of a patient record (what `PUT /api/v1/patients/{id}` may change). */
const patientFieldsSchema = z.object({
  first_name: requiredName,
  last_name: requiredName,
  phone: optionalText(40),
  email: optionalEmail,
  date_of_birth: dateOfBirth,
  gender: z.enum(GENDERS).nullable().optional().transform(v => v ?? null),
  national_id: optionalText(40),
  national_id_type: z.enum(NATIONAL_ID_TYPES).nullable().optional().transform(v => v ?? null),
  address: optionalText(500),
  notes: optionalText(5000),
  do_not_contact: z.boolean().optional().default(false),
  billing_name: optionalText(200),
  billing_tax_id: optionalText(50),
  billing_address: optionalText(500),
  billing_email: optionalEmail,
})

/**
 * POST /api/v1/patients and the "New patient" form. The allergies asked at
 * registration come with it (`allergies`, or `no_known_allergies: true`);
 * sending neither leaves them "not recorded".
 */
export const patientCreateSchema = patientFieldsSchema.extend({
  allergies: medicalList.optional(),
  no_known_allergies: z.boolean().optional(),
}).refine(allergiesAgree, allergiesDisagree)
export type PatientCreateInput = z.input<typeof patientCreateSchema>

/** The record fields of the edit form (the allergies are edited in the medical history). */
export const patientEditSchema = patientFieldsSchema
/** The keys a record edit may change. */
export const PATIENT_EDITABLE_FIELDS = Object.keys(patientFieldsSchema.shape) as (keyof z.output<typeof patientFieldsSchema>)[]

/** PUT /api/v1/patients/{id}: the fields sent are changed, the rest stay. */
export const patientUpdateSchema = patientFieldsSchema.partial().extend({
  do_not_contact: z.boolean().optional(),
})
export type PatientUpdateInput = z.input<typeof patientUpdateSchema>

/**
 * PUT /api/v1/patients/{id}/medical. `allergies` replaces the list (a
 * non-empty list is "recorded"; an empty one without `no_known_allergies`
 * goes back to "not recorded"); `no_known_allergies: true` records "none
 * known" (and empties the list).
 */
export const medicalHistorySchema = z.object({
  allergies: medicalList.optional(),
  no_known_allergies: z.boolean().optional(),
  medications: medicalList.optional(),
  conditions: medicalList.optional(),
}).refine(allergiesAgree, allergiesDisagree)
export type MedicalHistoryInput = z.input<typeof medicalHistorySchema>

/** GET /api/v1/patients query. */
export const patientListQuerySchema = z.object({
  search: z.string().trim().max(200).optional(),
  status: z.enum([...PATIENT_STATUSES, 'all']).optional().default('active'),
  do_not_contact: z.enum(['true', 'false']).optional().transform(v => (v === undefined ? undefined : v === 'true')),
  sort: z.enum(PATIENT_SORT_FIELDS).optional().default('last_name'),
  order: z.enum(['asc', 'desc']).optional().default('asc'),
  page: z.coerce.number().int().min(1).optional().default(1),
  page_size: z.coerce.number().int().min(1).max(100).optional().default(25),
})
export type PatientListQuery = z.output<typeof patientListQuerySchema>

/** `{id}` of the patient routes: anything but a UUID names no patient (404). */
export const patientIdParamsSchema = z.object({ id: z.guid() })
