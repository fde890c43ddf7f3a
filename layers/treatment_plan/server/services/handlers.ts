// What the plan does when other modules' facts arrive (each handler runs in a
// unit of work of its own, after the publisher committed):
// - appointment.completed: the items ticked done at the visit are performed
//   through the odontogram (which publishes treatment.completed once each);
// - treatment.completed / odontogram.treatment_cancelled: the items planning
//   that treatment complete / are cancelled, and their plans maybe complete.
// Payloads may carry only the catalog's required keys: the rest is looked up.
import { consola } from 'consola'
import { DomainError, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import { entryPerformSchema } from '#layers/odontogram/models'
import { performEntry } from '#layers/odontogram/server/published'
import type { OdontogramDb } from '#layers/odontogram/server/published'
import type { TreatmentPlanDb } from '../db'
import { tickedPending } from '../repositories/visits'
import { settleTreatment } from './completion'

type Db = Kysely<TreatmentPlanDb>
type Payload = Record<string, unknown>

const log = consola.withTag('app.modules.treatment_plan')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : null)

export async function onAppointmentCompleted(db: Db, payload: Payload): Promise<void> {
  const appointmentId = uuid(payload.appointment_id)
  if (!appointmentId) return
  const appointment = await db.selectFrom('agenda_appointments').select(['clinic_id', 'professional_id'])
    .where('id', '=', appointmentId).executeTakeFirst()
  if (!appointment) return
  const items = await tickedPending(db, appointment.clinic_id, appointmentId)
  // The visit's professional did the work.
  const actor = { clinicId: appointment.clinic_id, userId: appointment.professional_id, grants: [] }
  for (const item of items) {
    try {
      await transaction(db, async (trx) => {
        await performEntry(trx as unknown as Kysely<OdontogramDb>, actor, item.treatment_id, entryPerformSchema.parse({}))
        await settleTreatment(trx, appointment.clinic_id, item.treatment_id, 'completed')
      })
    }
    catch (error) {
      // One item the chart refuses (already performed, tooth since extracted...) does not stop the others.
      if (!(error instanceof DomainError)) throw error
      log.warn(`appointment ${appointmentId}: item ${item.id} not performed (${error.code})`)
    }
  }
}

async function settleFromEvent(db: Db, payload: Payload, idKey: string, outcome: 'completed' | 'cancelled') {
  const treatmentId = uuid(payload[idKey])
  if (!treatmentId) return
  const clinicId = uuid(payload.clinic_id) ?? (await db.selectFrom('odontogram_entries').select('clinic_id').where('id', '=', treatmentId).executeTakeFirst())?.clinic_id
  if (!clinicId) return
  await transaction(db, trx => settleTreatment(trx, clinicId, treatmentId, outcome))
}

export const onTreatmentCompleted = (db: Db, payload: Payload) => settleFromEvent(db, payload, 'treatment_id', 'completed')
export const onTreatmentCancelled = (db: Db, payload: Payload) => settleFromEvent(db, payload, 'entry_id', 'cancelled')
