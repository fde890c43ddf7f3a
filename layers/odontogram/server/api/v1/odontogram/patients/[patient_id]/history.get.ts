import { historyQuerySchema } from '#layers/odontogram/models'
import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, patientParamSchema } from '#layers/odontogram/server/params'
import { getHistory } from '#layers/odontogram/server/services/chart'

// Every change to the patient's chart, newest first, paginated.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.read')
  const { patient_id } = parseParams(event, patientParamSchema)
  const query = parseQuery(event, historyQuerySchema)
  const { items, total } = await getHistory(useDb<OdontogramDb>(), actorOf(auth), patient_id, query)
  return paginated(items, total, query.page, query.page_size)
})
