import { entryDeleteSchema } from '#layers/odontogram/models'
import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, idParamSchema } from '#layers/odontogram/server/params'
import { deleteEntry } from '#layers/odontogram/server/services/entry-actions'

// `{reason}`: a soft delete of an entry charted in error (performed treatments stay: 409).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, entryDeleteSchema)
  await deleteEntry(useDb<OdontogramDb>(), actorOf(auth), id, input)
  return noContent(event)
})
