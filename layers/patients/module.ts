import { BaseModule, OFFICIAL_MODULE, useDb } from '#dentalpin'
import type { DemoContext } from '#dentalpin'
import type { PatientsTables } from './models'
import { seedPatientsDemo } from './server/demo'
import { recordVisit } from './server/services/patients'

/**
 * Patients: the clinic's patient records and their medical history
 * (allergies, medications, conditions). Other modules read the `Patient`
 * model from `#layers/patients/models` and follow its events.
 */
export default class PatientsModule extends BaseModule {
  static override manifest = {
    name: 'patients',
    version: '1.0.0',
    min_core_version: '0.1.0',
    summary: 'Patient records, search and medical history',
    ...OFFICIAL_MODULE,
    depends: [],
    role_permissions: {
      admin: ['*'],
      dentist: ['*'],
      // Hygienists work from the record at the chair but do not edit it.
      hygienist: ['read', 'medical.read'],
      assistant: ['read', 'write', 'medical.read', 'medical.write'],
      receptionist: ['read', 'write', 'archive', 'medical.read'],
    },
    frontend: {
      navigation: [
        { label: 'nav.patients', to: '/patients', icon: 'i-lucide-users', permission: 'patients.read', order: 10 },
      ],
    },
  }

  override getPermissions() {
    return ['read', 'write', 'archive', 'medical.read', 'medical.write']
  }

  override getModels() {
    return [{ table: 'patients' }, { table: 'patients_medical_history' }]
  }

  override getEventHandlers() {
    return {
      // agenda publishes {appointment_id, patient_id, clinic_id, start_time, end_time}:
      // the visit moves `last_visit_at` forward (not an edit: no updated_at, no event).
      'appointment.completed': {
        handler: async (payload: Record<string, unknown>) => {
          await recordVisit(useDb<PatientsTables>(), payload)
        },
        // Written once, on the instance that completed the appointment.
        publisherOnly: true,
      },
    }
  }

  override async seedDemo(ctx: DemoContext) {
    await seedPatientsDemo(ctx)
  }
}
