import { pipelineQuerySchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf } from '#layers/treatment_plan/server/params'
import { pipeline } from '#layers/treatment_plan/server/services/plans'

// How many plans each pipeline tab holds (same professional and search filters as the list).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.read')
  const query = parseQuery(event, pipelineQuerySchema)
  return ok(await pipeline(useDb<TreatmentPlanDb>(), actorOf(auth), query))
})
