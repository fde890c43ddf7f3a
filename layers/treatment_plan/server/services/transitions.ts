// The status machine: each action has its own route and permission (checked
// by the route), then: same state 409, not from here 400, and the action's
// own rules. `completed` is reached only through completion.ts.
import { badRequest, conflict, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import { ACTION_TARGET, checkTransition } from '../../models'
import type { PlanAction, PlanCloseInput, TreatmentPlanDetail } from '../../models'
import type { Actor, TreatmentPlanDb } from '../db'
import { heldElsewhere, planItems, setPlanItemsLive } from '../repositories/items'
import { findPlan, updatePlan } from '../repositories/plans'
import { completeIfDone } from './completion'
import { money } from './dto'
import { publishAccepted, publishClosed, publishProposed } from './events'
import { guardUnique, lockedPlan } from './guards'
import { loadDetail } from './plans'

type Db = Kysely<TreatmentPlanDb>
type CloseInput = { reason: NonNullable<PlanCloseInput['reason']>, note: string | null }

const inOtherPlan = (params: { plan_id: string, number: string }) =>
  conflict('treatment_plan.treatment_in_other_plan', 'A treatment of this plan is in another live plan', params)

export async function transition(db: Db, actor: Actor, id: string, action: PlanAction, close?: CloseInput): Promise<TreatmentPlanDetail> {
  return transaction(db, async (trx) => {
    const plan = await lockedPlan(trx, actor.clinicId, id)
    const to = ACTION_TARGET[action]
    const check = checkTransition(plan.status, action)
    if (check === 'same_state') throw conflict('treatment_plan.already_in_status', `The plan is already ${to}`, { status: to })
    if (check === 'illegal') throw badRequest('treatment_plan.illegal_transition', `A ${plan.status} plan cannot become ${to}`, { from: plan.status, to })

    const changes = { status: to, status_changed_at: new Date() }
    if (action === 'propose') {
      const items = await planItems(trx, actor.clinicId, [id])
      const live = items.filter(i => i.status !== 'cancelled')
      if (live.length === 0) throw conflict('treatment_plan.empty_plan', 'Add at least one treatment before proposing the plan')
      await updatePlan(trx, actor.clinicId, id, changes)
      publishProposed(plan, live, money((await findPlan(trx, actor.clinicId, id))!.total))
    }
    else if (action === 'close') {
      await updatePlan(trx, actor.clinicId, id, { ...changes, closure_reason: close!.reason, closure_note: close!.note, closed_at: new Date(), closed_by: actor.userId })
      // The items stay (closing never deletes treatments) but no longer hold their treatments.
      await setPlanItemsLive(trx, id, false)
      publishClosed(plan, close!.reason)
    }
    else if (action === 'reactivate') {
      const held = await heldElsewhere(trx, id)
      if (held) throw inOtherPlan({ plan_id: held.plan_id, number: held.number })
      await guardUnique(() => inOtherPlan({ plan_id: '', number: '' }), () => setPlanItemsLive(trx, id, true))
      await updatePlan(trx, actor.clinicId, id, { ...changes, closure_reason: null, closure_note: null, closed_at: null, closed_by: null })
    }
    else {
      await updatePlan(trx, actor.clinicId, id, changes)
      if (action === 'accept') {
        publishAccepted(plan)
        // Everything may already be done (performed from the chart meanwhile).
        await completeIfDone(trx, actor.clinicId, id)
      }
    }
    return loadDetail(trx, actor, id)
  })
}
