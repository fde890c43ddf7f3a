import { cabinetUpdateSchema } from '#layers/agenda/models'
import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { idParamSchema } from '#layers/agenda/server/params'
import { updateCabinet } from '#layers/agenda/server/services/cabinets'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.cabinets.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, cabinetUpdateSchema)
  return ok(await updateCabinet(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id, input), 'Cabinet updated')
})
