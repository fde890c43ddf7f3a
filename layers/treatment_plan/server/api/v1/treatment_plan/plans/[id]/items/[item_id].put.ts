import { itemUpdateSchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, itemParamSchema } from '#layers/treatment_plan/server/params'
import { updateItem } from '#layers/treatment_plan/server/services/items'

// `{phase?, professional_id?}` of a pending item.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const { id, item_id } = parseParams(event, itemParamSchema)
  const input = await parseBody(event, itemUpdateSchema)
  return ok(await updateItem(useDb<TreatmentPlanDb>(), actorOf(auth), id, item_id, input))
})
