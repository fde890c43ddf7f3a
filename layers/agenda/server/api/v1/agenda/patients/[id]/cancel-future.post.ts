import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { cancelFutureAppointments } from '#layers/agenda/server/services/appointments'

// Cancels the patient's future active appointments → `{cancelled}` (how many).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.write')
  const { id } = parseParams(event, idParamSchema)
  return ok(await cancelFutureAppointments(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id), 'Future appointments cancelled')
})
