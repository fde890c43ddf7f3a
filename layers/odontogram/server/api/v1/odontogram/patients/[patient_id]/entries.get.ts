import { entryListQuerySchema } from '#layers/odontogram/models'
import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, patientParamSchema } from '#layers/odontogram/server/params'
import { listEntries } from '#layers/odontogram/server/services/entries'

// The patient's live entries, newest first; filters kind, status, tooth, type.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.read')
  const { patient_id } = parseParams(event, patientParamSchema)
  const query = parseQuery(event, entryListQuerySchema)
  const { items, total } = await listEntries(useDb<OdontogramDb>(), actorOf(auth), patient_id, query)
  return paginated(items, total, query.page, query.page_size)
})
