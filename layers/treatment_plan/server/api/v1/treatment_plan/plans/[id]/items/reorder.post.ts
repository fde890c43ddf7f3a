import { itemReorderSchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, idParamSchema } from '#layers/treatment_plan/server/params'
import { reorderItems } from '#layers/treatment_plan/server/services/items'

// `{items: [{id, phase}]}`: every item once, in the new order.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, itemReorderSchema)
  return ok(await reorderItems(useDb<TreatmentPlanDb>(), actorOf(auth), id, input))
})
