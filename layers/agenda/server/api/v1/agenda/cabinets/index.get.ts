import { cabinetListQuerySchema } from '#layers/agenda/models'
import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { listCabinets } from '#layers/agenda/server/services/cabinets'

// The clinic's cabinets by display order; `?is_active=true` for the bookable ones.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.cabinets.read')
  const query = parseQuery(event, cabinetListQuerySchema)
  return ok(await listCabinets(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, query))
})
