import { visitItemsSchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, appointmentParamSchema } from '#layers/treatment_plan/server/params'
import { putVisitItems } from '#layers/treatment_plan/server/services/visits'

// `{items: [{item_id, done?}]}` replaces the visit's items; one 400 names each item that does not fit.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const { appointment_id } = parseParams(event, appointmentParamSchema)
  const input = await parseBody(event, visitItemsSchema)
  return ok(await putVisitItems(useDb<TreatmentPlanDb>(), actorOf(auth), appointment_id, input))
})
