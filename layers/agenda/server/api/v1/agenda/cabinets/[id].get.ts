import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { getCabinet } from '#layers/agenda/server/services/cabinets'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.cabinets.read')
  const { id } = parseParams(event, idParamSchema)
  return ok(await getCabinet(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id))
})
