import { chartQuerySchema } from '#layers/odontogram/models'
import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, patientParamSchema } from '#layers/odontogram/server/params'
import { getChart } from '#layers/odontogram/server/services/chart'

// The chart now, or `?at=YYYY-MM-DD` replayed as of the end of that day (clinic time).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.read')
  const { patient_id } = parseParams(event, patientParamSchema)
  const query = parseQuery(event, chartQuerySchema)
  return ok(await getChart(useDb<OdontogramDb>(), actorOf(auth), patient_id, query))
})
