// The plan's vocabulary and status machine, pure (server and browser). Every
// transition has its own route and its own permission; `completed` is reached
// only automatically (every item done or cancelled), never by a route.

export const PLAN_STATUSES = ['draft', 'proposed', 'accepted', 'completed', 'closed'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const PLAN_ACTIONS = ['propose', 'accept', 'reopen', 'close', 'reactivate'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]

/** Where each action takes a plan. */
export const ACTION_TARGET: Record<PlanAction, PlanStatus> = {
  propose: 'proposed',
  accept: 'accepted',
  reopen: 'draft',
  close: 'closed',
  reactivate: 'draft',
}

/** The permission each action needs (reopening is the proposer's call). */
export const ACTION_PERMISSION: Record<PlanAction, string> = {
  propose: 'treatment_plan.plans.propose',
  accept: 'treatment_plan.plans.accept',
  reopen: 'treatment_plan.plans.propose',
  close: 'treatment_plan.plans.close',
  reactivate: 'treatment_plan.plans.reactivate',
}

/** The actions each status allows. */
export const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanAction[]> = {
  draft: ['propose', 'close'],
  proposed: ['accept', 'reopen', 'close'],
  accepted: ['close'],
  completed: [],
  closed: ['reactivate'],
}

/** Statuses whose items hold their treatment (a treatment is in at most one live plan). */
export const LIVE_STATUSES: readonly PlanStatus[] = ['draft', 'proposed', 'accepted']

export const CLOSE_REASONS = ['rejected_by_patient', 'expired', 'cancelled_by_clinic', 'patient_abandoned', 'other'] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]

export const ITEM_STATUSES = ['pending', 'completed', 'cancelled'] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]

/** Phase n is PLAN_PHASES[n - 1]. */
export const PLAN_PHASES = ['urgent', 'basic', 'restorative', 'prosthetic', 'maintenance'] as const
export type PlanPhase = (typeof PLAN_PHASES)[number]

export const PIPELINE_TABS = ['to_quote', 'waiting_patient', 'unscheduled', 'in_progress', 'closed'] as const
export type PipelineTab = (typeof PIPELINE_TABS)[number]

/** The outcome of asking for an action: allowed, already there (409) or not from here (400). */
export type TransitionCheck = 'ok' | 'same_state' | 'illegal'

export function checkTransition(status: PlanStatus, action: PlanAction): TransitionCheck {
  if (PLAN_TRANSITIONS[status].includes(action)) return 'ok'
  return ACTION_TARGET[action] === status ? 'same_state' : 'illegal'
}

/** The actions legal from `status` that the caller may perform. */
export function allowedActions(status: PlanStatus, can: (permission: string) => boolean): PlanAction[] {
  return PLAN_TRANSITIONS[status].filter(a => can(ACTION_PERMISSION[a]))
}

/** Items cannot change while the patient decides (later: while the plan's quote is sent or accepted). */
export function itemsLocked(status: PlanStatus): boolean {
  return status === 'proposed'
}

/** Items cannot change at all once the plan is over. */
export function planReadOnly(status: PlanStatus): boolean {
  return status === 'completed' || status === 'closed'
}

/** An accepted plan is complete when it has items and none is pending. */
export function isComplete(status: PlanStatus, itemStatuses: readonly ItemStatus[]): boolean {
  return status === 'accepted' && itemStatuses.length > 0 && !itemStatuses.includes('pending')
}
