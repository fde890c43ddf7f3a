import { BaseModule, OFFICIAL_MODULE } from '#dentalpin'
import type { DemoContext } from '#dentalpin'
import { registerNoteOwnerType } from '#layers/clinical_notes/owners'
import { seedAgendaDemo } from './server/demo'
import { appointmentPatient } from './server/repositories/appointments'

// Visit notes: clinical_notes attaches notes to an appointment through the patient it is for.
registerNoteOwnerType({ type: 'appointment', module: 'agenda', patientOf: appointmentPatient })

/**
 * Agenda: cabinets (chairs/rooms) and appointments with their status
 * machine. Depends on patients; other modules read `Appointment` and
 * `Cabinet` from `#layers/agenda/models` and follow its events.
 */
export default class AgendaModule extends BaseModule {
  static override manifest = {
    name: 'agenda',
    version: '1.0.0',
    min_core_version: '0.1.0',
    summary: 'Appointments, cabinets and the daily schedule',
    ...OFFICIAL_MODULE,
    depends: ['patients@^1.0', 'clinical_notes@^1.0'],
    data_files: ['data/cabinets.yaml'],
    role_permissions: {
      admin: ['*'],
      dentist: ['appointments.read', 'appointments.write', 'cabinets.read'],
      hygienist: ['appointments.read', 'appointments.write', 'cabinets.read'],
      assistant: ['appointments.read', 'appointments.write', 'cabinets.read'],
      receptionist: ['appointments.read', 'appointments.write', 'cabinets.read'],
    },
    frontend: {
      navigation: [
        { label: 'nav.schedule', to: '/appointments', icon: 'i-lucide-calendar-days', permission: 'agenda.appointments.read', order: 20 },
      ],
    },
  }

  override getPermissions() {
    return ['appointments.read', 'appointments.write', 'cabinets.read', 'cabinets.write']
  }

  override getModels() {
    return [{ table: 'agenda_cabinets' }, { table: 'agenda_appointments' }, { table: 'agenda_appointment_history' }]
  }

  override async seedDemo(ctx: DemoContext) {
    await seedAgendaDemo(ctx)
  }
}
