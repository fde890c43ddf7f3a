import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { getAppointment } from '#layers/agenda/server/services/appointments'

// One appointment with its status history, oldest first.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.read')
  const { id } = parseParams(event, idParamSchema)
  return ok(await getAppointment(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id))
})
