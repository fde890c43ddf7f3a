import { entryUpdateSchema } from '#layers/odontogram/models'
import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, idParamSchema } from '#layers/odontogram/server/params'
import { updateEntry } from '#layers/odontogram/server/services/entry-actions'

// Notes and surfaces of a planned treatment (409 for anything else: corrections are new entries).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, entryUpdateSchema)
  return ok(await updateEntry(useDb<OdontogramDb>(), actorOf(auth), id, input), 'Entry updated')
})
