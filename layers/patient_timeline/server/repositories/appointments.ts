// The agenda's appointment row, read only when an appointment event does not
// carry what the timeline needs (patient, clinic, time). patient_timeline
// does not depend on agenda, so the table is typed here by the few columns we
// read, and its absence is expected (agenda not installed), not an error.
import type { Kysely } from 'kysely'

interface AgendaAppointmentsReadTable {
  id: string
  clinic_id: string
  patient_id: string | null
  start_time: Date
  reason: string | null
  status: string
}

export interface AppointmentFacts {
  clinic_id: string
  patient_id: string | null
  start_time: Date
  reason: string | null
  status: string
}

/** The appointment, `undefined` when there is none, `null` when the agenda's table does not exist. */
export async function findAppointmentFacts<DB>(db: Kysely<DB>, appointmentId: string, clinicId: string | null): Promise<AppointmentFacts | undefined | null> {
  let query = (db as unknown as Kysely<{ agenda_appointments: AgendaAppointmentsReadTable }>).selectFrom('agenda_appointments')
    .select(['clinic_id', 'patient_id', 'start_time', 'reason', 'status'])
    .where('id', '=', appointmentId)
  if (clinicId) query = query.where('clinic_id', '=', clinicId)
  try {
    return await query.executeTakeFirst()
  }
  catch (error) {
    if (isMissingRelation(error)) return null
    throw error
  }
}

function isMissingRelation(error: unknown): boolean {
  const e = error as { code?: string, message?: string }
  return e?.code === '42P01' || /relation .* does not exist/i.test(e?.message ?? '')
}
