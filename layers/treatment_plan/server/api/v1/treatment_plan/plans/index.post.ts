import { planCreateSchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf } from '#layers/treatment_plan/server/params'
import { createPlan } from '#layers/treatment_plan/server/services/plans'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const input = await parseBody(event, planCreateSchema)
  return created(event, await createPlan(useDb<TreatmentPlanDb>(), actorOf(auth), input), 'Treatment plan created')
})
