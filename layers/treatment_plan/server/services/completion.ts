// One path for completing (or cancelling) an item, whichever way its
// treatment was performed or cancelled: from a visit, from the plan or from
// the chart. The item mirrors its odontogram treatment; an accepted plan with
// nothing left pending completes.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { isComplete } from '../../models'
import type { ItemStatus } from '../../models'
import type { TreatmentPlanDb } from '../db'
import { setPlanItemsLive } from '../repositories/items'
import { lockPlan, updatePlan } from '../repositories/plans'
import { publishCompleted } from './events'

type Db = Kysely<TreatmentPlanDb>

/** Completes an accepted plan (locked by the caller or here) when no item is pending. */
export async function completeIfDone(trx: Db, clinicId: string, planId: string): Promise<boolean> {
  const plan = await lockPlan(trx, clinicId, planId)
  if (!plan) return false
  const statuses = (await trx.selectFrom('treatment_plan_items').select('status').where('plan_id', '=', planId).execute()).map(r => r.status as ItemStatus)
  if (!isComplete(plan.status, statuses)) return false
  await updatePlan(trx, clinicId, planId, { status: 'completed', status_changed_at: new Date() })
  await setPlanItemsLive(trx, planId, false)
  publishCompleted(plan)
  return true
}

/**
 * The pending items that plan this treatment become `outcome`; then each of
 * their plans completes if nothing is left. Idempotent: a second delivery
 * finds nothing pending. Plans are locked before their items (the order every
 * plan command takes).
 */
export async function settleTreatment(trx: Db, clinicId: string, treatmentId: string, outcome: 'completed' | 'cancelled'): Promise<void> {
  const pending = await trx.selectFrom('treatment_plan_items').select(['id', 'plan_id'])
    .where('clinic_id', '=', clinicId).where('treatment_id', '=', treatmentId).where('status', '=', 'pending').execute()
  const planIds = [...new Set(pending.map(p => p.plan_id))].sort()
  for (const planId of planIds) await lockPlan(trx, clinicId, planId)
  const at = outcome === 'completed' ? { completed_at: new Date() } : { cancelled_at: new Date() }
  await trx.updateTable('treatment_plan_items').set({ status: outcome, ...at, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('treatment_id', '=', treatmentId).where('status', '=', 'pending').execute()
  for (const planId of planIds) await completeIfDone(trx, clinicId, planId)
}
