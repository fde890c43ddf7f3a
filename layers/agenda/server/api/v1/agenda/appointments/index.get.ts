import { appointmentListQuerySchema } from '#layers/agenda/models'
import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { listAppointments } from '#layers/agenda/server/services/appointments'

// Appointments overlapping [start, end), filtered, by start time.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.read')
  const query = parseQuery(event, appointmentListQuerySchema)
  const { items, total } = await listAppointments(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, query)
  return paginated(items, total, query.page, query.page_size)
})
