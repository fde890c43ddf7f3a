import { appointmentCreateSchema } from '#layers/agenda/models'
import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { createAppointment } from '#layers/agenda/server/services/appointments'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.write')
  const input = await parseBody(event, appointmentCreateSchema)
  return created(event, await createAppointment(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, input), 'Appointment scheduled')
})
