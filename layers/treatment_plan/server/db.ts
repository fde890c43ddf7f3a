import type { ClinicMembershipsTable, ClinicsTable, UsersTable } from '#dentalpin'
import type { AgendaTables } from '#layers/agenda/models'
import type { CatalogTables } from '#layers/catalog/models'
import type { OdontogramTables } from '#layers/odontogram/models'
import type { PatientsTables } from '#layers/patients/models'
import type { TreatmentPlanTables } from '../models'

/**
 * What the module reads and writes: its own tables; through the published
 * types of its dependencies, the patients (whose plan), the odontogram's
 * entries (the treatments items plan; written only through odontogram's
 * published service), the catalog's items and categories (session template,
 * default phase) and the agenda's appointments (which visit does an item);
 * and the core's users, clinics and memberships.
 */
export interface TreatmentPlanDb extends TreatmentPlanTables,
  Pick<PatientsTables, 'patients'>,
  Pick<OdontogramTables, 'odontogram_entries'>,
  Pick<CatalogTables, 'catalog_items' | 'catalog_categories'>,
  Pick<AgendaTables, 'agenda_appointments'> {
  users: UsersTable
  clinics: ClinicsTable
  clinic_memberships: ClinicMembershipsTable
}

/** Who acts, in which clinic, holding which grants (from the request's auth context). */
export interface Actor {
  clinicId: string
  userId: string
  /** The role's raw grants (`*`, `treatment_plan.*`, exact), matched with the core's hasPermission. */
  grants: readonly string[]
}
