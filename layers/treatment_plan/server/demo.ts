// Demo plans for `npm run demo` (BaseModule.seedDemo), after the agenda's
// week and the odontogram's charts: a plan in every status on the demo
// patients — a draft and a proposal built from the work already planned on
// their charts, accepted plans with items booked on upcoming visits (and one
// with nothing booked yet), one in progress with an item done at a past
// visit, one completed over past visits, and one closed by the patient.
// Everything goes through the services (and the odontogram's published one),
// so events and the timeline are as in daily use.
import { addDays, clinicIso, clinicToday } from '#dentalpin'
import type { DemoContext } from '#dentalpin'
import type { Kysely } from 'kysely'
import { ACTIVE_STATUSES } from '#layers/agenda/models'
import { entryCreateSchema } from '#layers/odontogram/models'
import { createEntry, performEntry } from '#layers/odontogram/server/published'
import type { OdontogramDb } from '#layers/odontogram/server/published'
import { itemAddSchema } from '../models'
import type { Actor, TreatmentPlanDb } from './db'
import { replaceVisitItems, visitRows } from './repositories/visits'
import { settleTreatment } from './services/completion'
import { addItem } from './services/items'
import { createPlan } from './services/plans'
import { transition } from './services/transitions'

type Db = Kysely<TreatmentPlanDb>
type Visit = { id: string, patient_id: string, start_time: Date, end_time: Date, status: string }
type Work = { code: string, tooth: number, surfaces?: ('M' | 'D' | 'O' | 'B' | 'L')[] }

/** What each story plans (teeth the demo charts never mark missing). */
const WORK: Record<string, Work[]> = {
  completed: [{ code: 'RES-COMP', tooth: 24, surfaces: ['O'] }, { code: 'RES-COMP', tooth: 25, surfaces: ['M', 'O'] }],
  progress: [{ code: 'END-2', tooth: 14 }, { code: 'PRO-CRZR', tooth: 14 }, { code: 'RES-COMP', tooth: 34, surfaces: ['O'] }],
  booked: [{ code: 'RES-COMP', tooth: 15, surfaces: ['D'] }, { code: 'RES-COMP', tooth: 44, surfaces: ['O'] }],
  unscheduled: [{ code: 'PRO-CRZR', tooth: 35 }],
  proposed: [{ code: 'RES-COMP', tooth: 45, surfaces: ['O'] }, { code: 'AES-WHITE', tooth: 0 }],
  draft: [{ code: 'RES-COMP', tooth: 33, surfaces: ['B'] }],
  closed: [{ code: 'PRO-CRZR', tooth: 24 }],
}

export async function seedTreatmentPlanDemo(ctx: DemoContext): Promise<void> {
  const db = ctx.db as Db
  const actor: Actor = { clinicId: ctx.clinicId, userId: ctx.users.dentist ?? ctx.users.admin!, grants: ['*'] }
  const clinic = await db.selectFrom('clinics').select('timezone').where('id', '=', ctx.clinicId).executeTakeFirstOrThrow()
  const items = new Map((await db.selectFrom('catalog_items').select(['id', 'code']).where('clinic_id', '=', ctx.clinicId).where('deleted_at', 'is', null).execute()).map(r => [r.code, r.id]))
  const patients = (await db.selectFrom('patients').select('id').where('clinic_id', '=', ctx.clinicId).where('status', '=', 'active').orderBy('last_name').execute()).map(p => p.id)
  const visits = await db.selectFrom('agenda_appointments').select(['id', 'patient_id', 'start_time', 'end_time', 'status'])
    .where('clinic_id', '=', ctx.clinicId).where('patient_id', 'is not', null).orderBy('start_time').execute() as Visit[]
  const now = new Date()
  const past = (p: string) => visits.filter(v => v.patient_id === p && v.status === 'completed')
  const upcoming = (p: string) => visits.find(v => v.patient_id === p && ACTIVE_STATUSES.includes(v.status as never) && v.start_time > now)
  const used = new Set<string>()
  const pick = (fits: (p: string) => boolean) => {
    const found = patients.find(p => !used.has(p) && fits(p)) ?? patients.find(p => !used.has(p))
    if (found) used.add(found)
    return found
  }
  const monthAgo = clinicIso(addDays(clinicToday(clinic.timezone), -30), 9 * 60, clinic.timezone)

  /** A plan of `patient` with the story's work charted as planned a month ago. */
  async function plan(story: string, patient: string, title: string) {
    const created = await createPlan(db, actor, { patient_id: patient, title, professional_id: actor.userId, diagnosis: null, internal_notes: null })
    const added = []
    for (const w of WORK[story]!) {
      const itemId = items.get(w.code)
      if (!itemId) continue
      const entry = await createEntry(db as unknown as Kysely<OdontogramDb>, actor, patient, entryCreateSchema.parse({
        kind: 'treatment', catalog_item_id: itemId, teeth: w.tooth ? [{ tooth: w.tooth, surfaces: w.surfaces ?? [] }] : [], recorded_at: monthAgo,
      }))
      added.push(await addItem(db, actor, created.id, itemAddSchema.parse({ treatment_id: entry.id })))
    }
    return { id: created.id, items: added }
  }
  const accept = async (id: string) => {
    await transition(db, actor, id, 'propose')
    await transition(db, actor, id, 'accept')
  }
  /** Done at a past visit: ticked on it, performed at its end. */
  async function doneAt(visit: Visit, item: { id: string, treatment_id: string }) {
    const before = await visitRows(db, ctx.clinicId, visit.id)
    await replaceVisitItems(db, ctx.clinicId, visit.id, [...before, { item_id: item.id, done: true }])
    await performEntry(db as unknown as Kysely<OdontogramDb>, actor, item.treatment_id, { performed_at: visit.end_time.toISOString(), notes: null })
    await settleTreatment(db, ctx.clinicId, item.treatment_id, 'completed')
  }
  const book = (visit: Visit, ids: string[]) => replaceVisitItems(db, ctx.clinicId, visit.id, ids.map(item_id => ({ item_id, done: false })))

  let count = 0
  const completed = pick(p => past(p).length >= 2)
  if (completed) {
    const p = await plan('completed', completed, 'Fillings on the upper left')
    await accept(p.id)
    const [first, second] = past(completed)
    if (p.items[0]) await doneAt(first!, p.items[0])
    if (p.items[1]) await doneAt(second ?? first!, p.items[1])
    count++
  }
  const progress = pick(p => past(p).length >= 1 && !!upcoming(p))
  if (progress) {
    const p = await plan('progress', progress, 'Root canal and crown on 14')
    await accept(p.id)
    if (p.items[0] && past(progress)[0]) await doneAt(past(progress)[0]!, p.items[0])
    const next = upcoming(progress)
    if (p.items[1] && next) await book(next, [p.items[1].id])
    count++
  }
  const booked = pick(p => !!upcoming(p))
  if (booked) {
    const p = await plan('booked', booked, 'Two fillings')
    await accept(p.id)
    const next = upcoming(booked)
    if (next) await book(next, p.items.map(i => i.id))
    count++
  }
  for (const [story, title, status] of [['unscheduled', 'Zirconia crown on 35', 'accepted'], ['proposed', 'Filling and whitening', 'proposed'], ['draft', 'Review the lower front', 'draft'], ['closed', 'Crown on 24', 'closed']] as const) {
    const patient = pick(() => true)
    if (!patient) continue
    const p = await plan(story, patient, title)
    if (status === 'accepted') await accept(p.id)
    if (status === 'proposed') await transition(db, actor, p.id, 'propose')
    if (status === 'closed') {
      await transition(db, actor, p.id, 'propose')
      await transition(db, actor, p.id, 'close', { reason: 'rejected_by_patient', note: 'Prefers to wait until next year' })
    }
    count++
  }
  // Spread the days in status over the last weeks, as a real pipeline looks.
  const rows = await db.selectFrom('treatment_plan_plans').select(['id', 'status']).where('clinic_id', '=', ctx.clinicId).execute()
  const DAYS: Record<string, number> = { draft: 2, proposed: 9, accepted: 16, completed: 1, closed: 5 }
  for (const row of rows) {
    const at = new Date(Date.now() - (DAYS[row.status] ?? 0) * 86_400_000)
    await db.updateTable('treatment_plan_plans').set({ status_changed_at: at }).where('id', '=', row.id).execute()
  }
  ctx.logger.info(`demo: ${count} treatment plans`)
}
