// The plan's events, published inside the unit of work (delivered after the commit, dropped on rollback).
import { eventBus } from '#dentalpin'
import type { EntryTooth } from '#layers/odontogram/models'
import type { CloseReason, PlanRow, PlanSession, ProposedItem } from '../../models'
import type { ItemWithTreatment } from '../repositories/items'
import { json, money } from './dto'

function facts(plan: PlanRow) {
  return { plan_id: plan.id, patient_id: plan.patient_id, clinic_id: plan.clinic_id, number: plan.number }
}

export function publishCreated(plan: PlanRow) {
  eventBus.publish('treatment_plan.created', facts(plan))
}

/** With what a quote is made of: the items that are not cancelled, and their total. */
export function publishProposed(plan: PlanRow, items: readonly ItemWithTreatment[], total: string) {
  const listed: ProposedItem[] = items.filter(i => i.status !== 'cancelled').map(i => ({
    item_id: i.id,
    treatment_id: i.treatment_id,
    catalog_item_id: i.catalog_item_id,
    clinical_type: i.clinical_type,
    teeth: json<EntryTooth[]>(i.teeth),
    price: money(i.price),
    phase: i.phase,
    sessions: json<PlanSession[]>(i.sessions),
  }))
  eventBus.publish('treatment_plan.proposed', { ...facts(plan), items: listed, total })
}

export function publishAccepted(plan: PlanRow) {
  eventBus.publish('treatment_plan.accepted', facts(plan))
}

export function publishCompleted(plan: PlanRow) {
  eventBus.publish('treatment_plan.completed', facts(plan))
}

export function publishClosed(plan: PlanRow, reason: CloseReason) {
  eventBus.publish('treatment_plan.closed', { ...facts(plan), reason })
}
