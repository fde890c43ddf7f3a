import { entryCancelSchema } from '#layers/odontogram/models'
import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, idParamSchema } from '#layers/odontogram/server/params'
import { cancelEntry } from '#layers/odontogram/server/services/entry-actions'

// `{reason?}`: planned → cancelled (409 for anything else).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, entryCancelSchema)
  return ok(await cancelEntry(useDb<OdontogramDb>(), actorOf(auth), id, input), 'Treatment cancelled')
})
