import { useDb } from '#dentalpin'
import type { TreatmentPlanDb } from '#layers/treatment_plan/server/db'
import { actorOf, appointmentParamSchema } from '#layers/treatment_plan/server/params'
import { getVisitItems } from '#layers/treatment_plan/server/services/visits'

// The plan items booked on this visit, and the patient's other pending items to choose from.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'treatment_plan.plans.read')
  const { appointment_id } = parseParams(event, appointmentParamSchema)
  return ok(await getVisitItems(useDb<TreatmentPlanDb>(), actorOf(auth), appointment_id))
})
