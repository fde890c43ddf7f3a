import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, idParamSchema } from '#layers/treatment_plan/server/params'
import { deletePlan } from '#layers/treatment_plan/server/services/plans'

// Drafts only (409 otherwise); the treatments stay planned on the chart.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.write')
  const { id } = parseParams(event, idParamSchema)
  await deletePlan(useDb<TreatmentPlanDb>(), actorOf(auth), id)
  return noContent(event)
})
