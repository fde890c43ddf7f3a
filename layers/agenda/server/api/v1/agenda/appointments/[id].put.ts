import { appointmentUpdateSchema } from '#layers/agenda/models'
import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { updateAppointment } from '#layers/agenda/server/services/appointments'

// Move, resize, reassign or edit while the appointment is active (409 once closed).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, appointmentUpdateSchema)
  return ok(await updateAppointment(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id, input), 'Appointment updated')
})
