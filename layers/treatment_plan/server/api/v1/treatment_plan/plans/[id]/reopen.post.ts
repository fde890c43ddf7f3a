import { emptyBodySchema } from '#layers/treatment_plan/models'
import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, idParamSchema } from '#layers/treatment_plan/server/params'
import { transition } from '#layers/treatment_plan/server/services/transitions'

// Reopening is the proposer's call (ACTION_PERMISSION.reopen); same state 409, not from this status 400.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.propose')
  const { id } = parseParams(event, idParamSchema)
  await parseBody(event, emptyBodySchema)
  return ok(await transition(useDb<TreatmentPlanDb>(), actorOf(auth), id, 'reopen'))
})
