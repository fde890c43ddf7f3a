import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { listProfessionals } from '#layers/agenda/server/services/professionals'

// Who can be booked: members of the clinic with is_professional and an active user.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.appointments.read')
  return ok(await listProfessionals(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }))
})
