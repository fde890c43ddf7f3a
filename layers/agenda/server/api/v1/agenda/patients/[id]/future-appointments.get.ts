import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { countFutureAppointments } from '#layers/agenda/server/services/appointments'

// `{count}` of the patient's active appointments starting after now (the archive dialog asks).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.read')
  const { id } = parseParams(event, idParamSchema)
  return ok(await countFutureAppointments(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id))
})
