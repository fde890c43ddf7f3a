import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, idParamSchema } from '#layers/odontogram/server/params'
import { getEntry } from '#layers/odontogram/server/services/entries'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.read')
  const { id } = parseParams(event, idParamSchema)
  return ok(await getEntry(useDb<OdontogramDb>(), actorOf(auth), id))
})
