// Checks shared by the plan's commands: the plan, its patient and professional, and whether its items may change.
import { conflict, invalid, notFound } from '#dentalpin'
import type { Kysely } from 'kysely'
import { itemsLocked, planReadOnly } from '../../models'
import type { PlanRow } from '../../models'
import type { TreatmentPlanDb } from '../db'
import { findMember, findPatient } from '../repositories/lookups'
import { lockPlan } from '../repositories/plans'

type Db = Kysely<TreatmentPlanDb>

export const planNotFound = () => notFound('treatment_plan.plan_not_found', 'No such treatment plan')
export const itemNotFound = () => notFound('treatment_plan.item_not_found', 'No such plan item')

/** The live plan of the clinic, locked (404 otherwise). */
export async function lockedPlan(db: Db, clinicId: string, id: string): Promise<PlanRow> {
  const row = await lockPlan(db, clinicId, id)
  if (!row) throw planNotFound()
  return row
}

/** The patient of this clinic (404), not archived (409). */
export async function assertPatient(db: Db, clinicId: string, patientId: string) {
  const patient = await findPatient(db, clinicId, patientId)
  if (!patient) throw notFound('treatment_plan.patient_not_found', 'No such patient in this clinic')
  if (patient.status !== 'active') throw conflict('treatment_plan.patient_archived', 'The patient is archived')
}

/** A professional named on a plan or an item: an active member of the clinic (422 on the field). */
export async function assertMember(db: Db, clinicId: string, userId: string | null | undefined, field = 'professional_id') {
  if (!userId) return
  if (!(await findMember(db, clinicId, userId))) throw invalid(field, 'treatment_plan.professional_not_found', 'No such member of this clinic')
}

/** Items change only in draft and accepted plans: 409 while proposed (locked) or once over (read-only). */
export function assertItemsEditable(plan: PlanRow) {
  if (itemsLocked(plan.status)) throw conflict('treatment_plan.items_locked', 'The plan is proposed: its items cannot change until it is reopened')
  if (planReadOnly(plan.status)) throw conflict('treatment_plan.plan_read_only', 'The plan is over: reactivate it to change it', { status: plan.status })
}

/** Runs `fn`, turning a unique-index violation (a concurrent request won) into `error`. */
export async function guardUnique<T>(error: () => Error, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  }
  catch (e) {
    if ((e as { code?: string })?.code === '23505') throw error()
    throw e
  }
}
