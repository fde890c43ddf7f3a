import type { ClinicMembershipsTable, ClinicsTable, UsersTable } from '#dentalpin'
import type { PatientsTables } from '#layers/patients/models'
import type { AgendaTables } from '../models'

/**
 * What the agenda reads and writes: its own tables, the patients tables of the
 * module it depends on (the record and, for the allergies, the medical history) (through its published table type), and the core's
 * users, clinics and memberships.
 */
export interface AgendaDb extends AgendaTables, Pick<PatientsTables, 'patients' | 'patients_medical_history'> {
  users: UsersTable
  clinics: ClinicsTable
  clinic_memberships: ClinicMembershipsTable
}

/** Who acts, in which clinic (from the request's auth context). */
export interface Actor {
  clinicId: string
  userId: string
}
