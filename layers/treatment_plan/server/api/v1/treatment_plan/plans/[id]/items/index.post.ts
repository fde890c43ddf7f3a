import { itemAddSchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, idParamSchema } from '#layers/treatment_plan/server/params'
import { addItem } from '#layers/treatment_plan/server/services/items'

// `{treatment_id}` or `{catalog_item_id, teeth...}` (charted as planned through the odontogram: needs odontogram.write too).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, itemAddSchema)
  return created(event, await addItem(useDb<TreatmentPlanDb>(), actorOf(auth), id, input), 'Treatment added to the plan')
})
