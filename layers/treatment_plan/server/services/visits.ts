// The plan items a visit does: chosen when booking, ticked as done at the end.
// Completing the visit (appointment.completed, handlers.ts) performs the ticked ones.
import { conflict, DomainError, invalid, notFound, transaction } from '#dentalpin'
import type { ErrorItem } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { hasPermission } from '#shared/permissions'
import { ACTIVE_STATUSES } from '#layers/agenda/models'
import type { AppointmentStatus } from '#layers/agenda/models'
import type { VisitItem, VisitItems, visitItemsSchema } from '../../models'
import type { Actor, TreatmentPlanDb } from '../db'
import { findItems } from '../repositories/items'
import { clinicTimeZone, findAppointment } from '../repositories/lookups'
import * as repo from '../repositories/visits'
import { money, toTreatmentDto } from './dto'

type Db = Kysely<TreatmentPlanDb>

const OPEN_PLAN = new Set(['draft', 'accepted'])

async function appointmentOf(db: Db, clinicId: string, id: string) {
  const appointment = await findAppointment(db, clinicId, id)
  if (!appointment) throw notFound('treatment_plan.appointment_not_found', 'No such appointment in this clinic')
  return appointment
}

/** The items as the dialog shows them, in the order given. */
async function visitItems(db: Db, clinicId: string, ids: readonly string[], done: ReadonlyMap<string, boolean>, timeZone: string): Promise<VisitItem[]> {
  const [rows, plans] = await Promise.all([findItems(db, clinicId, ids), repo.plansOfItems(db, clinicId, ids)])
  return ids.flatMap((id) => {
    const row = rows.find(r => r.id === id)
    const plan = plans.find(p => p.item_id === id)
    if (!row || !plan || plan.deleted_at) return []
    return [{
      item_id: id,
      plan_id: plan.id,
      plan_number: plan.number,
      plan_title: plan.title,
      plan_status: plan.status,
      treatment: toTreatmentDto(row, timeZone),
      phase: row.phase,
      item_status: row.status,
      price: money(row.price),
      done: done.get(id) ?? false,
    }]
  })
}

export async function getVisitItems(db: Db, actor: Actor, appointmentId: string): Promise<VisitItems> {
  const appointment = await appointmentOf(db, actor.clinicId, appointmentId)
  const tz = await clinicTimeZone(db, actor.clinicId)
  const booked = await repo.visitRows(db, actor.clinicId, appointmentId)
  const done = new Map(booked.map(b => [b.item_id, b.done]))
  const open = appointment.patient_id ? await repo.openItemIds(db, actor.clinicId, appointment.patient_id) : []
  return {
    appointment_id: appointmentId,
    patient_id: appointment.patient_id,
    appointment_status: appointment.status,
    editable: ACTIVE_STATUSES.includes(appointment.status) && hasPermission(actor.grants, 'treatment_plan.plans.write'),
    items: await visitItems(db, actor.clinicId, booked.map(b => b.item_id), done, tz),
    available: await visitItems(db, actor.clinicId, open.filter(id => !done.has(id)), new Map(), tz),
  }
}

/**
 * Replaces the visit's items. New ones must be pending items of the patient's
 * draft or accepted plans: one 400 names each that is not. Items already on
 * the visit stay even if done since (the record of what the visit did).
 */
export async function putVisitItems(db: Db, actor: Actor, appointmentId: string, input: z.output<typeof visitItemsSchema>): Promise<VisitItems> {
  await transaction(db, async (trx) => {
    const appointment = await appointmentOf(trx, actor.clinicId, appointmentId)
    if (!ACTIVE_STATUSES.includes(appointment.status as AppointmentStatus)) {
      throw conflict('treatment_plan.appointment_closed', 'The visit is over: its items no longer change', { status: appointment.status })
    }
    const ids = input.items.map(i => i.item_id)
    const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i)
    if (dup >= 0) throw invalid(`items[${dup}].item_id`, 'treatment_plan.duplicate_item', 'The item is listed twice')
    const already = new Set((await repo.visitRows(trx, actor.clinicId, appointmentId)).map(r => r.item_id))
    const [rows, plans] = await Promise.all([findItems(trx, actor.clinicId, ids), repo.plansOfItems(trx, actor.clinicId, ids)])
    const errors: ErrorItem[] = []
    ids.forEach((id, i) => {
      const row = rows.find(r => r.id === id)
      const plan = plans.find(p => p.item_id === id)
      const fail = (code: string, message: string) => errors.push({ field: `items[${i}].item_id`, code: `treatment_plan.${code}`, message, params: { item_id: id } })
      if (!row || !plan || plan.deleted_at) return fail('item_not_found', 'No such plan item in this clinic')
      if (plan.patient_id !== appointment.patient_id) return fail('item_other_patient', 'The item is another patient\'s')
      if (already.has(id)) return
      if (!OPEN_PLAN.has(plan.status)) return fail('plan_not_open', 'The item\'s plan is not draft or accepted')
      if (row.status !== 'pending') return fail('item_not_pending', 'The item is already done or cancelled')
    })
    if (errors.length) throw new DomainError('bad_request', 'treatment_plan.invalid_visit_items', 'Some items cannot be done at this visit', { errors })
    await repo.replaceVisitItems(trx, actor.clinicId, appointmentId, input.items)
  })
  return getVisitItems(db, actor, appointmentId)
}
