import { planListQuerySchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf } from '#layers/treatment_plan/server/params'
import { listPlans } from '#layers/treatment_plan/server/services/plans'

// Filters: patient_id, status (repeat or comma list), professional_id, pipeline tab, search; paginated.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.read')
  const query = parseQuery(event, planListQuerySchema)
  const { items, total } = await listPlans(useDb<TreatmentPlanDb>(), actorOf(auth), query)
  return paginated(items, total, query.page, query.page_size)
})
