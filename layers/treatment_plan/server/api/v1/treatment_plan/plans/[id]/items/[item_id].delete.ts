import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, itemParamSchema } from '#layers/treatment_plan/server/params'
import { removeItem } from '#layers/treatment_plan/server/services/items'

// A pending item leaves the plan; its treatment stays planned on the chart.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const { id, item_id } = parseParams(event, itemParamSchema)
  await removeItem(useDb<TreatmentPlanDb>(), actorOf(auth), id, item_id)
  return noContent(event)
})
