// Plans: numbering and creating them, reading one with its items, lists and
// the pipeline, editing the header and deleting a draft.
import { clinicToday, conflict, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { PIPELINE_TABS, planReadOnly } from '../../models'
import type { PipelineCounts, TreatmentPlan, TreatmentPlanDetail, planCreateSchema, planListQuerySchema, planUpdateSchema, pipelineQuerySchema } from '../../models'
import type { Actor, TreatmentPlanDb } from '../db'
import { bookedAppointments, planItems, setPlanItemsLive } from '../repositories/items'
import { clinicTimeZone } from '../repositories/lookups'
import * as repo from '../repositories/plans'
import { dropPlanFromVisits } from '../repositories/visits'
import { toDetailDto, toItemDto, toPlanDto } from './dto'
import { publishCreated } from './events'
import { assertMember, assertPatient, lockedPlan, planNotFound } from './guards'

type Db = Kysely<TreatmentPlanDb>

/** The plan as the caller sees it (allowed actions follow the caller's grants), with its items. */
export async function loadDetail(db: Db, actor: Actor, id: string, timeZone?: string): Promise<TreatmentPlanDetail> {
  const tz = timeZone ?? await clinicTimeZone(db, actor.clinicId)
  const row = await repo.findPlan(db, actor.clinicId, id)
  if (!row) throw planNotFound()
  const items = await planItems(db, actor.clinicId, [id])
  const booked = await bookedAppointments(db, items.map(i => i.id))
  return toDetailDto(toPlanDto(row, tz, actor.grants), items.map(i => toItemDto(i, tz, booked)))
}

export async function getPlan(db: Db, actor: Actor, id: string) {
  return loadDetail(db, actor, id)
}

/** Lower-case, accent-free search terms (the patients' `search_text` is stored the same way). */
export function searchTerms(search: string | undefined): string[] {
  if (!search) return []
  const normal = search.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  return [...new Set(normal.split(/\s+/).filter(Boolean))].slice(0, 10)
}

export async function listPlans(db: Db, actor: Actor, q: z.output<typeof planListQuerySchema>): Promise<{ items: TreatmentPlan[], total: number }> {
  const tz = await clinicTimeZone(db, actor.clinicId)
  const { rows, total } = await repo.listPlans(db, actor.clinicId, { ...q, terms: searchTerms(q.search) }, q.page, q.page_size)
  return { items: rows.map(r => toPlanDto(r, tz, actor.grants)), total }
}

export async function pipeline(db: Db, actor: Actor, q: z.output<typeof pipelineQuerySchema>): Promise<PipelineCounts> {
  const counts = await repo.pipelineCounts(db, actor.clinicId, { professional_id: q.professional_id, terms: searchTerms(q.search) })
  return Object.fromEntries(PIPELINE_TABS.map(tab => [tab, counts.get(tab) ?? 0])) as PipelineCounts
}

/** A draft numbered PLAN-{YYYY}-{NNNN} in the clinic's year. */
export async function createPlan(db: Db, actor: Actor, input: z.output<typeof planCreateSchema>): Promise<TreatmentPlanDetail> {
  return transaction(db, async (trx) => {
    await assertPatient(trx, actor.clinicId, input.patient_id)
    await assertMember(trx, actor.clinicId, input.professional_id)
    const tz = await clinicTimeZone(trx, actor.clinicId)
    const year = Number(clinicToday(tz).slice(0, 4))
    const seq = await repo.nextNumber(trx, actor.clinicId, year)
    const { id } = await repo.insertPlan(trx, {
      clinic_id: actor.clinicId,
      patient_id: input.patient_id,
      number: `PLAN-${year}-${String(seq).padStart(4, '0')}`,
      title: input.title,
      professional_id: input.professional_id,
      diagnosis: input.diagnosis,
      internal_notes: input.internal_notes,
      created_by: actor.userId,
    })
    publishCreated((await repo.lockPlan(trx, actor.clinicId, id))!)
    return loadDetail(trx, actor, id, tz)
  })
}

/** The header (title, professional, notes) of a plan that is not over (409 otherwise). */
export async function updatePlan(db: Db, actor: Actor, id: string, input: z.output<typeof planUpdateSchema>): Promise<TreatmentPlanDetail> {
  return transaction(db, async (trx) => {
    const plan = await lockedPlan(trx, actor.clinicId, id)
    if (planReadOnly(plan.status)) throw conflict('treatment_plan.plan_read_only', 'The plan is over: reactivate it to change it', { status: plan.status })
    await assertMember(trx, actor.clinicId, input.professional_id)
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    if (Object.keys(changes).length) await repo.updatePlan(trx, actor.clinicId, id, changes)
    return loadDetail(trx, actor, id)
  })
}

/** Drafts only (soft): the treatments stay planned on the chart, free to join another plan. */
export async function deletePlan(db: Db, actor: Actor, id: string): Promise<void> {
  await transaction(db, async (trx) => {
    const plan = await lockedPlan(trx, actor.clinicId, id)
    if (plan.status !== 'draft') throw conflict('treatment_plan.not_deletable', 'Only draft plans are deleted; close the others', { status: plan.status })
    await setPlanItemsLive(trx, id, false)
    await dropPlanFromVisits(trx, id)
    await repo.updatePlan(trx, actor.clinicId, id, { deleted_at: new Date() })
  })
}
