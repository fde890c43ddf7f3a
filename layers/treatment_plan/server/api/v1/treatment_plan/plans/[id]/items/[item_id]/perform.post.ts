import { itemPerformSchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, itemParamSchema } from '#layers/treatment_plan/server/params'
import { performItem } from '#layers/treatment_plan/server/services/items'

// Performing is clinical work: the plan's write here, the chart's write (odontogram.write) in the service.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const { id, item_id } = parseParams(event, itemParamSchema)
  const input = await parseBody(event, itemPerformSchema)
  return ok(await performItem(useDb<TreatmentPlanDb>(), actorOf(auth), id, item_id, input), 'Treatment performed')
})
