import type { ClinicMembershipsTable, ClinicsTable, UsersTable } from '#dentalpin'
import type { CatalogTables } from '#layers/catalog/models'
import type { PatientsTables } from '#layers/patients/models'
import type { OdontogramTables } from '../models'

/**
 * What the odontogram reads and writes: its own tables, the `patients` table
 * (whose chart; through patients' published type), the catalog's items (what
 * a treatment is and costs; through catalog's published type) and the core's
 * users (who charted), clinics (time zone, settings) and memberships.
 */
export interface OdontogramDb extends OdontogramTables, Pick<PatientsTables, 'patients'>, Pick<CatalogTables, 'catalog_items'> {
  users: UsersTable
  clinics: ClinicsTable
  clinic_memberships: ClinicMembershipsTable
}

/** Who acts, in which clinic, holding which grants (from the request's auth context). */
export interface Actor {
  clinicId: string
  userId: string
  /** The role's raw grants (`*`, `odontogram.*`, exact), matched with the core's hasPermission. */
  grants: readonly string[]
}
