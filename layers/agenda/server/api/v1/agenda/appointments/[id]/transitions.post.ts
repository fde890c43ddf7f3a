import { transitionSchema } from '#layers/agenda/models'
import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { transitionAppointment } from '#layers/agenda/server/services/appointments'

// `{to_status, note?, cabinet_id?}` → the appointment with its history.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, transitionSchema)
  return ok(await transitionAppointment(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id, input))
})
