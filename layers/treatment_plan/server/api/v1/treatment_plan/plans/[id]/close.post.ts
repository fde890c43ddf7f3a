import { planCloseSchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, idParamSchema } from '#layers/treatment_plan/server/params'
import { transition } from '#layers/treatment_plan/server/services/transitions'

// `{reason, note?}` (note required for `other`); the items stay, their treatments stay planned on the chart.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.close')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, planCloseSchema)
  return ok(await transition(useDb<TreatmentPlanDb>(), actorOf(auth), id, 'close', input))
})
