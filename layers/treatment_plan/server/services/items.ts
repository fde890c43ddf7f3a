// A plan's items: adding a planned treatment (an existing one of the patient,
// or a new one charted through the odontogram in the same transaction),
// changing its phase or professional, removing it, reordering, and performing
// it (through the odontogram, which publishes treatment.completed).
import { conflict, forbidden, invalid, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { hasPermission } from '#shared/permissions'
import type { SessionTemplateRow } from '#layers/catalog/models'
import { entryCreateSchema, entryPerformSchema } from '#layers/odontogram/models'
import { createEntry, performEntry } from '#layers/odontogram/server/published'
import type { OdontogramDb } from '#layers/odontogram/server/published'
import { defaultPhase, planSessions } from '../../models'
import type { PlanItem, PlanRow, TreatmentPlanDetail, itemAddSchema, itemPerformSchema, itemReorderSchema, itemUpdateSchema } from '../../models'
import type { Actor, TreatmentPlanDb } from '../db'
import * as repo from '../repositories/items'
import { catalogPlanning, clinicTimeZone, findTreatment } from '../repositories/lookups'
import { completeIfDone, settleTreatment } from './completion'
import { json, toItemDto } from './dto'
import { assertItemsEditable, assertMember, guardUnique, itemNotFound, lockedPlan } from './guards'
import { loadDetail } from './plans'

type Db = Kysely<TreatmentPlanDb>
/** The odontogram's published service works on its own view of the same database. */
const odontogramDb = (db: Db) => db as unknown as Kysely<OdontogramDb>

export async function loadItem(db: Db, actor: Actor, id: string): Promise<PlanItem> {
  const row = await repo.findItem(db, actor.clinicId, id)
  if (!row) throw itemNotFound()
  const booked = await repo.bookedAppointments(db, [id])
  return toItemDto(row, await clinicTimeZone(db, actor.clinicId), booked)
}

/** The plan (locked, items editable) and one of its items (404 otherwise). */
async function planAndItem(trx: Db, actor: Actor, planId: string, itemId: string) {
  const plan = await lockedPlan(trx, actor.clinicId, planId)
  assertItemsEditable(plan)
  const item = await repo.findItem(trx, actor.clinicId, itemId)
  if (!item || item.plan_id !== planId) throw itemNotFound()
  return { plan, item }
}

const notPending = (status: string) => conflict('treatment_plan.item_not_pending', 'Only pending items change', { status })
const inOtherPlan = (params: { plan_id: string, number: string }) =>
  conflict('treatment_plan.treatment_in_other_plan', 'The treatment is already in another live plan', params)

/** The planned treatment an existing entry gives: of the plan's patient, planned, not in a live plan. */
async function existingTreatment(trx: Db, plan: PlanRow, treatmentId: string) {
  const entry = await findTreatment(trx, plan.clinic_id, treatmentId)
  if (!entry || entry.deleted_at) throw invalid('treatment_id', 'treatment_plan.treatment_not_found', 'No such treatment on this clinic\'s charts')
  if (entry.patient_id !== plan.patient_id || entry.kind !== 'treatment' || entry.existing || entry.status !== 'planned') {
    throw invalid('treatment_id', 'treatment_plan.treatment_not_plannable', 'Only a planned treatment of the plan\'s patient joins the plan')
  }
  const held = await repo.liveItemOfTreatment(trx, treatmentId)
  if (held?.plan_id === plan.id) throw conflict('treatment_plan.already_in_plan', 'The treatment is already in this plan')
  if (held) throw inOtherPlan({ plan_id: held.plan_id, number: held.number })
  return { id: entry.id, price: entry.price, catalog_item_id: entry.catalog_item_id }
}

export async function addItem(db: Db, actor: Actor, planId: string, input: z.output<typeof itemAddSchema>): Promise<PlanItem> {
  return transaction(db, async (trx) => {
    const plan = await lockedPlan(trx, actor.clinicId, planId)
    assertItemsEditable(plan)
    await assertMember(trx, actor.clinicId, input.professional_id)
    if (input.treatment_id && input.catalog_item_id) throw invalid('treatment_id', 'treatment_plan.one_source', 'Send either a treatment or a catalog item')
    const treatment = input.treatment_id
      ? await existingTreatment(trx, plan, input.treatment_id)
      : await createEntry(odontogramDb(trx), actor, plan.patient_id, entryCreateSchema.parse({
          kind: 'treatment', status: 'planned', catalog_item_id: input.catalog_item_id, clinical_type: input.clinical_type,
          teeth: input.teeth, scope: input.scope, arch: input.arch, notes: input.notes,
        }))
    const price = treatment.price === null ? '0.00' : String(treatment.price)
    const catalog = await catalogPlanning(trx, actor.clinicId, treatment.catalog_item_id)
    const { id } = await guardUnique(() => inOtherPlan({ plan_id: '', number: '' }), async () => repo.insertItem(trx, {
      clinic_id: actor.clinicId,
      plan_id: planId,
      treatment_id: treatment.id,
      position: await repo.nextPosition(trx, planId),
      phase: input.phase ?? defaultPhase(catalog?.category_key),
      professional_id: input.professional_id,
      price,
      sessions: JSON.stringify(planSessions(price, json<SessionTemplateRow[] | null>(catalog?.session_template ?? null))),
    }))
    return loadItem(trx, actor, id)
  })
}

export async function updateItem(db: Db, actor: Actor, planId: string, itemId: string, input: z.output<typeof itemUpdateSchema>): Promise<PlanItem> {
  return transaction(db, async (trx) => {
    const { item } = await planAndItem(trx, actor, planId, itemId)
    if (item.status !== 'pending') throw notPending(item.status)
    await assertMember(trx, actor.clinicId, input.professional_id)
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    if (Object.keys(changes).length) await repo.updateItem(trx, actor.clinicId, itemId, changes)
    return loadItem(trx, actor, itemId)
  })
}

/** The item leaves the plan (and its visits); its treatment stays planned on the chart. */
export async function removeItem(db: Db, actor: Actor, planId: string, itemId: string): Promise<void> {
  await transaction(db, async (trx) => {
    const { item } = await planAndItem(trx, actor, planId, itemId)
    if (item.status !== 'pending') throw notPending(item.status)
    await repo.deleteItem(trx, actor.clinicId, itemId)
    const rest = await repo.planItems(trx, actor.clinicId, [planId])
    for (const [i, r] of rest.entries()) if (r.position !== i + 1) await repo.updateItem(trx, actor.clinicId, r.id, { position: i + 1 })
    await completeIfDone(trx, actor.clinicId, planId)
  })
}

/** Every item of the plan once, in its new order, with its phase (422 `items` otherwise). */
export async function reorderItems(db: Db, actor: Actor, planId: string, input: z.output<typeof itemReorderSchema>): Promise<TreatmentPlanDetail> {
  return transaction(db, async (trx) => {
    const plan = await lockedPlan(trx, actor.clinicId, planId)
    assertItemsEditable(plan)
    const current = await repo.planItems(trx, actor.clinicId, [planId])
    const sent = input.items.map(i => i.id)
    const same = sent.length === current.length && new Set(sent).size === sent.length && current.every(c => sent.includes(c.id))
    if (!same) throw invalid('items', 'treatment_plan.reorder_mismatch', 'Send every item of the plan exactly once')
    for (const [i, { id, phase }] of input.items.entries()) {
      const row = current.find(c => c.id === id)!
      if (row.position !== i + 1 || row.phase !== phase) await repo.updateItem(trx, actor.clinicId, id, { position: i + 1, phase })
    }
    return loadDetail(trx, actor, planId)
  })
}

/** Performs the item's treatment through the odontogram (treatment.completed follows); the item completes at once. */
export async function performItem(db: Db, actor: Actor, planId: string, itemId: string, input: z.output<typeof itemPerformSchema>): Promise<PlanItem> {
  if (!hasPermission(actor.grants, 'odontogram.write')) throw forbidden('treatment_plan.perform_forbidden', 'Only those who chart treatments perform them')
  return transaction(db, async (trx) => {
    const { item } = await planAndItem(trx, actor, planId, itemId)
    if (item.status !== 'pending') throw notPending(item.status)
    await performEntry(odontogramDb(trx), actor, item.treatment_id, entryPerformSchema.parse(input))
    await settleTreatment(trx, actor.clinicId, item.treatment_id, 'completed')
    return loadItem(trx, actor, itemId)
  })
}
