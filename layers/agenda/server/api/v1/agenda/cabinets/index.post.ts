import { cabinetCreateSchema } from '#layers/agenda/models'
import { useDb } from '#dentalpin'
import type { AgendaDb } from '#layers/agenda/server/db'
import { createCabinet } from '#layers/agenda/server/services/cabinets'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'agenda.cabinets.write')
  const input = await parseBody(event, cabinetCreateSchema)
  return created(event, await createCabinet(useDb<AgendaDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, input), 'Cabinet created')
})
