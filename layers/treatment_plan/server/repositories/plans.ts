// Plans: numbering, the row with its names and item statistics, lists and pipeline counts.
import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import { ACTIVE_STATUSES } from '#layers/agenda/models'
import type { PipelineTab, PlanStatus, TreatmentPlanPlansTable } from '../../models'
import type { TreatmentPlanDb } from '../db'

type Db = Kysely<TreatmentPlanDb>

/**
 * The next number of the clinic's year, race-safe: the upsert takes the
 * counter row's lock until the transaction ends, so concurrent creates queue
 * on it and each gets its own number.
 */
export async function nextNumber(db: Db, clinicId: string, year: number): Promise<number> {
  const row = await db.insertInto('treatment_plan_counters').values({ clinic_id: clinicId, year, last: 1 })
    .onConflict(oc => oc.columns(['clinic_id', 'year']).doUpdateSet({ last: sql`treatment_plan_counters.last + 1` }))
    .returning('last').executeTakeFirstOrThrow()
  return row.last
}

export async function insertPlan(db: Db, values: Insertable<TreatmentPlanPlansTable>) {
  return db.insertInto('treatment_plan_plans').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updatePlan(db: Db, clinicId: string, id: string, changes: Updateable<TreatmentPlanPlansTable>) {
  await db.updateTable('treatment_plan_plans').set({ ...changes, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** The live plan row, locked for the rest of the transaction (every change to a plan or its items takes it first). */
export async function lockPlan(db: Db, clinicId: string, id: string) {
  return db.selectFrom('treatment_plan_plans').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id)
    .where('deleted_at', 'is', null).forUpdate().executeTakeFirst()
}

const ACTIVE = sql.join(ACTIVE_STATUSES.map(s => sql.lit(s)))
/** A pending item of plan `p` booked on an active appointment. */
const BOOKED = sql`exists (select 1 from treatment_plan_items bi join treatment_plan_visit_items bv on bv.item_id = bi.id
  join agenda_appointments ba on ba.id = bv.appointment_id
  where bi.plan_id = p.id and bi.status = 'pending' and ba.status in (${ACTIVE}))`
const count = (where: string) => sql<string>`(select count(*) from treatment_plan_items i where i.plan_id = p.id${sql.raw(where)})`

/** The tab a plan shows in (PIPELINE_TABS). */
const TAB = sql<PipelineTab>`case when p.status = 'draft' then 'to_quote' when p.status = 'proposed' then 'waiting_patient'
  when p.status in ('closed', 'completed') then 'closed' when ${BOOKED} then 'in_progress' else 'unscheduled' end`

function planQuery(db: Db, clinicId: string) {
  return db.selectFrom('treatment_plan_plans as p')
    .innerJoin('patients as pat', 'pat.id', 'p.patient_id')
    .leftJoin('users as prof', 'prof.id', 'p.professional_id')
    .leftJoin('users as cr', 'cr.id', 'p.created_by')
    .where('p.clinic_id', '=', clinicId).where('p.deleted_at', 'is', null)
}

function withDetails(q: ReturnType<typeof planQuery>) {
  return q.selectAll('p').select([
    'pat.first_name as patient_first_name', 'pat.last_name as patient_last_name',
    'prof.first_name as professional_first_name', 'prof.last_name as professional_last_name',
    'cr.first_name as creator_first_name', 'cr.last_name as creator_last_name',
    count('').as('item_count'),
    count(` and i.status = 'completed'`).as('completed_count'),
    count(` and i.status = 'cancelled'`).as('cancelled_count'),
    count(` and i.status = 'pending'`).as('pending_count'),
    sql<string>`(select count(*) from treatment_plan_items bi where bi.plan_id = p.id and bi.status = 'pending' and exists (
      select 1 from treatment_plan_visit_items bv join agenda_appointments ba on ba.id = bv.appointment_id
      where bv.item_id = bi.id and ba.status in (${ACTIVE})))`.as('booked_count'),
    sql<string>`(select coalesce(sum(i.price), 0) from treatment_plan_items i where i.plan_id = p.id and i.status <> 'cancelled')`.as('total'),
  ])
}

export type PlanWithDetails = Awaited<ReturnType<typeof findPlan>> & object

export async function findPlan(db: Db, clinicId: string, id: string) {
  return withDetails(planQuery(db, clinicId)).where('p.id', '=', id).executeTakeFirst()
}

export interface PlanFilters {
  patient_id?: string
  status?: PlanStatus[]
  professional_id?: string
  tab?: PipelineTab
  /** Lower-case, accent-free terms; each must match the number, the title or the patient's name. */
  terms: string[]
}

const like = (term: string) => `%${term.replace(/[\\%_]/g, c => `\\${c}`)}%`

function filtered(db: Db, clinicId: string, f: Omit<PlanFilters, 'tab'>) {
  let q = planQuery(db, clinicId)
  if (f.patient_id) q = q.where('p.patient_id', '=', f.patient_id)
  if (f.status?.length) q = q.where('p.status', 'in', f.status)
  if (f.professional_id) q = q.where('p.professional_id', '=', f.professional_id)
  for (const term of f.terms) {
    q = q.where(sql<boolean>`(pat.search_text like ${like(term)} or lower(p.number) like ${like(term)} or lower(coalesce(p.title, '')) like ${like(term)})`)
  }
  return q
}

export async function listPlans(db: Db, clinicId: string, f: PlanFilters, page: number, pageSize: number) {
  let q = filtered(db, clinicId, f)
  if (f.tab) q = q.where(sql<boolean>`${TAB} = ${f.tab}`)
  const { total } = await q.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow()
  let rows = withDetails(q)
  rows = f.tab ? rows.orderBy('p.status_changed_at', 'asc') : rows.orderBy('p.created_at', 'desc')
  const items = await rows.orderBy('p.id').limit(pageSize).offset((page - 1) * pageSize).execute()
  return { rows: items, total: Number(total) }
}

/** How many plans each pipeline tab holds. */
export async function pipelineCounts(db: Db, clinicId: string, f: Omit<PlanFilters, 'tab'>) {
  const rows = await filtered(db, clinicId, f).select([TAB.as('tab'), sql<string>`count(*)`.as('n')]).groupBy(sql`1`).execute()
  return new Map(rows.map(r => [r.tab, Number(r.n)]))
}

/** Whose patient a plan is (clinical_notes asks, for a note on a plan); null when not a live plan of the clinic. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry hands over the request's database untyped
export async function planPatient(db: Kysely<any>, clinicId: string, id: string): Promise<string | null> {
  const row = await (db as Db).selectFrom('treatment_plan_plans').select('patient_id')
    .where('clinic_id', '=', clinicId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.patient_id ?? null
}
