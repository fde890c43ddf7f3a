import { planUpdateSchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, idParamSchema } from '#layers/treatment_plan/server/params'
import { updatePlan } from '#layers/treatment_plan/server/services/plans'

// Title, professional and notes; the status changes only through its own routes.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, planUpdateSchema)
  return ok(await updatePlan(useDb<TreatmentPlanDb>(), actorOf(auth), id, input), 'Treatment plan saved')
})
