import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { deleteCabinet } from '#layers/agenda/server/services/cabinets'

// 409 while an active appointment uses the cabinet.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.cabinets.write')
  const { id } = parseParams(event, idParamSchema)
  await deleteCabinet(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id)
  return noContent(event)
})
