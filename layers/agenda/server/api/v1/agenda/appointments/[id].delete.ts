import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { cancelAppointment } from '#layers/agenda/server/services/appointments'

// Deleting cancels (the row and its history stay), through the status machine.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.write')
  const { id } = parseParams(event, idParamSchema)
  await cancelAppointment(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id)
  return noContent(event)
})
