import { entryPerformSchema } from '#layers/odontogram/models'
import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, idParamSchema } from '#layers/odontogram/server/params'
import { performEntry } from '#layers/odontogram/server/services/entry-actions'

// `{performed_at?, notes?}`: planned → performed, once (409 after); publishes treatment.completed.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, entryPerformSchema)
  return ok(await performEntry(useDb<OdontogramDb>(), actorOf(auth), id, input), 'Treatment performed')
})
