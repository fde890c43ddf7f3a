import { GENDERS, NATIONAL_ID_TYPES, PATIENT_EDITABLE_FIELDS } from '../models'
import type { Patient, PatientCreateInput } from '../models'
import type { PatientsCreatePayload, PatientsUpdatePayload } from './usePatientsMutations'

/** Selects cannot hold null: "not specified" is a value of its own. */
export const PATIENTS_UNSPECIFIED = 'unspecified'
type Unspecified = typeof PATIENTS_UNSPECIFIED

/** The patient form as the inputs edit it (text fields are strings, '' = empty). */
export interface PatientsFormState {
  first_name: string
  last_name: string
  phone: string
  email: string
  date_of_birth: string
  gender: (typeof GENDERS)[number] | Unspecified
  national_id: string
  national_id_type: (typeof NATIONAL_ID_TYPES)[number] | Unspecified
  address: string
  notes: string
  do_not_contact: boolean
  billing_name: string
  billing_tax_id: string
  billing_address: string
  billing_email: string
  /** Asked at registration only (edits go through the medical summary). */
  allergies: string[]
  no_known_allergies: boolean
}

export const PATIENTS_BILLING_FIELDS = ['billing_name', 'billing_tax_id', 'billing_address', 'billing_email'] as const

/** The form's starting values: blank, or the patient's. */
export function patientsFormState(patient?: Patient | null): PatientsFormState {
  return {
    first_name: patient?.first_name ?? '',
    last_name: patient?.last_name ?? '',
    phone: patient?.phone ?? '',
    email: patient?.email ?? '',
    date_of_birth: patient?.date_of_birth ?? '',
    gender: patient?.gender ?? PATIENTS_UNSPECIFIED,
    national_id: patient?.national_id ?? '',
    national_id_type: patient?.national_id_type ?? PATIENTS_UNSPECIFIED,
    address: patient?.address ?? '',
    notes: patient?.notes ?? '',
    do_not_contact: patient?.do_not_contact ?? false,
    billing_name: patient?.billing_name ?? '',
    billing_tax_id: patient?.billing_tax_id ?? '',
    billing_address: patient?.billing_address ?? '',
    billing_email: patient?.billing_email ?? '',
    allergies: [],
    no_known_allergies: false,
  }
}

/** What the shared schema validates (and the API receives once parsed). */
export function patientsFormInput(state: PatientsFormState): PatientCreateInput {
  return {
    ...state,
    allergies: [...state.allergies],
    gender: state.gender === PATIENTS_UNSPECIFIED ? null : state.gender,
    national_id_type: state.national_id_type === PATIENTS_UNSPECIFIED ? null : state.national_id_type,
  }
}

/** The fields of a parsed edit form whose value differs from the patient's: what an edit sends. */
export function patientsChangedFields(patient: Patient, parsed: PatientsUpdatePayload | PatientsCreatePayload): PatientsUpdatePayload {
  const changes: Record<string, unknown> = {}
  // Record fields only: the allergies asked at registration are not part of an edit.
  for (const key of PATIENT_EDITABLE_FIELDS) {
    if (!(key in parsed)) continue
    const value = parsed[key]
    const current = patient[key as keyof Patient] ?? null
    if ((value ?? null) !== current) changes[key] = value
  }
  return changes as PatientsUpdatePayload
}

/** Options of the gender and ID type selects, in the user's language. */
export function usePatientsFormOptions() {
  const { t } = useI18n()
  const unspecified = computed(() => ({ label: t('patients.form.unspecified'), value: PATIENTS_UNSPECIFIED }))
  const genders = computed(() => [unspecified.value, ...GENDERS.map(value => ({ label: t(`patients.genders.${value}`), value }))])
  const idTypes = computed(() => [unspecified.value, ...NATIONAL_ID_TYPES.map(value => ({ label: t(`patients.idTypes.${value}`), value }))])
  return { genders, idTypes }
}
