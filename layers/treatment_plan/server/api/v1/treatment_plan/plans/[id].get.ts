import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, idParamSchema } from '#layers/treatment_plan/server/params'
import { getPlan } from '#layers/treatment_plan/server/services/plans'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.read')
  const { id } = parseParams(event, idParamSchema)
  return ok(await getPlan(useDb<TreatmentPlanDb>(), actorOf(auth), id))
})
