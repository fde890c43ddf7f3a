// The treatment_plan module's published models (docs/core-api.md, "Importable models"):
// `import type { TreatmentPlan, PlanItem } from '#layers/treatment_plan/models'`.
// The status machine, the Kysely tables, the DTOs in their JSON shape, the
// payload schemas shared by the API and the browser, the slot this module
// hosts and the events it publishes. Covered by the deprecation policy.
import type { ColumnType, Generated, Selectable } from 'kysely'
import type { SlotPatient } from '#shared/types/slots'
import type { EntryScope, EntryStatus, EntryTooth, ClinicalType, Arch } from '#layers/odontogram/models'
import type { CloseReason, ItemStatus, PlanAction, PlanStatus } from './lib/plan-vocabulary'
import type { PlanSession } from './lib/plan-sessions'

export * from './lib/plan-vocabulary'
export * from './lib/plan-schemas'
export { defaultPhase, planSessions } from './lib/plan-sessions'
export type { PlanSession } from './lib/plan-sessions'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string | T, string | T>

// ---- tables ----------------------------------------------------------------

/** The last number handed out per clinic and year (bumped with an upsert: race-safe). */
export interface TreatmentPlanCountersTable {
  clinic_id: string
  year: number
  last: number
}

export interface TreatmentPlanPlansTable {
  id: Generated<string>
  clinic_id: string
  patient_id: string
  /** `PLAN-{YYYY}-{NNNN}`, unique per clinic. */
  number: string
  title: string | null
  professional_id: string | null
  status: ColumnType<PlanStatus, PlanStatus | undefined, PlanStatus>
  diagnosis: string | null
  internal_notes: string | null
  closure_reason: CloseReason | null
  closure_note: string | null
  closed_at: NullableTimestamp
  closed_by: string | null
  status_changed_at: Timestamp
  created_by: string | null
  deleted_at: NullableTimestamp
  created_at: Timestamp
  updated_at: Timestamp
}

/** A planned odontogram treatment in a plan; `live` while the plan is draft, proposed or accepted. */
export interface TreatmentPlanItemsTable {
  id: Generated<string>
  clinic_id: string
  plan_id: string
  treatment_id: string
  /** 1..n across the plan. */
  position: number
  /** 1..5: PLAN_PHASES[phase - 1]. */
  phase: number
  professional_id: string | null
  status: ColumnType<ItemStatus, ItemStatus | undefined, ItemStatus>
  /** Snapshot of the treatment's price, numeric(12,2). */
  price: string
  sessions: Json<PlanSession[]>
  live: ColumnType<boolean, boolean | undefined, boolean>
  completed_at: NullableTimestamp
  cancelled_at: NullableTimestamp
  created_at: Timestamp
  updated_at: Timestamp
}

/** The plan items a visit does; `done`: ticked as done at the end of the visit. */
export interface TreatmentPlanVisitItemsTable {
  appointment_id: string
  item_id: string
  clinic_id: string
  done: ColumnType<boolean, boolean | undefined, boolean>
  created_at: Timestamp
}

/** The tables this module owns, for `Kysely<TreatmentPlanTables>`. */
export interface TreatmentPlanTables {
  treatment_plan_counters: TreatmentPlanCountersTable
  treatment_plan_plans: TreatmentPlanPlansTable
  treatment_plan_items: TreatmentPlanItemsTable
  treatment_plan_visit_items: TreatmentPlanVisitItemsTable
}

export type PlanRow = Selectable<TreatmentPlanPlansTable>
export type PlanItemRow = Selectable<TreatmentPlanItemsTable>

// ---- DTOs ------------------------------------------------------------------

export interface PlanPerson { id: string, name: string }

/** A plan as lists return it, and the header of the detail. Money: `"120.00"`. */
export interface TreatmentPlan {
  id: string
  number: string
  title: string | null
  patient_id: string
  patient: { id: string, full_name: string }
  professional_id: string | null
  professional: PlanPerson | null
  status: PlanStatus
  diagnosis: string | null
  internal_notes: string | null
  closure_reason: CloseReason | null
  closure_note: string | null
  closed_at: string | null
  status_changed_at: string
  /** Whole days since `status_changed_at` on the clinic's calendar. */
  days_in_status: number
  item_count: number
  completed_count: number
  cancelled_count: number
  pending_count: number
  /** Pending items booked on an active appointment. */
  booked_count: number
  /** Sum of the item prices, cancelled items left out. */
  total: string
  items_locked: boolean
  /** Legal from this status AND permitted to the caller. */
  allowed_actions: PlanAction[]
  created_by: PlanPerson | null
  created_at: string
  updated_at: string
}

/** The odontogram treatment an item plans, as the plan shows it. */
export interface PlanItemTreatment {
  id: string
  clinical_type: ClinicalType
  status: EntryStatus
  teeth: EntryTooth[]
  scope: EntryScope
  arch: Arch | null
  catalog_item_id: string | null
  catalog_item: { id: string, code: string, names: Record<string, string> } | null
  price: string | null
  performed_at: string | null
}

export interface PlanItem {
  id: string
  plan_id: string
  treatment_id: string
  treatment: PlanItemTreatment
  position: number
  phase: number
  professional_id: string | null
  professional: PlanPerson | null
  status: ItemStatus
  price: string
  sessions: PlanSession[]
  completed_at: string | null
  cancelled_at: string | null
  /** The next active appointment carrying this item, if any. */
  booked_appointment: { id: string, start_time: string, status: string } | null
  created_at: string
}

export interface TreatmentPlanDetail extends TreatmentPlan {
  /** By position. */
  items: PlanItem[]
}

/** A plan item as the appointment dialog shows it. */
export interface VisitItem {
  item_id: string
  plan_id: string
  plan_number: string
  plan_title: string | null
  plan_status: PlanStatus
  treatment: PlanItemTreatment
  phase: number
  item_status: ItemStatus
  price: string
  done: boolean
}

/** GET|PUT /appointments/{appointment_id}/items. */
export interface VisitItems {
  appointment_id: string
  patient_id: string | null
  appointment_status: string
  /** False once the visit is over, or for callers without `treatment_plan.plans.write`. */
  editable: boolean
  /** Booked on this visit. */
  items: VisitItem[]
  /** The patient's other pending items of draft or accepted plans (`done` false). */
  available: VisitItem[]
}

/** GET /pipeline: how many plans each tab holds. */
export type PipelineCounts = Record<import('./lib/plan-vocabulary').PipelineTab, number>

// ---- slots hosted ----------------------------------------------------------

/** `treatment_plan.detail.actions`: beside the plan's header (budget shows the quote there). */
export interface TreatmentPlanDetailActionsCtx { plan: TreatmentPlan, patient: SlotPatient }

declare module '#shared/types/slots' {
  interface ModuleSlots {
    'treatment_plan.detail.actions': TreatmentPlanDetailActionsCtx
  }
}

// ---- events published --------------------------------------------------------

export interface PlanEvent {
  plan_id: string
  patient_id: string
  clinic_id: string
  number: string
}

/** One item as `treatment_plan.proposed` lists it (what a quote is made of). */
export interface ProposedItem {
  item_id: string
  treatment_id: string
  catalog_item_id: string | null
  clinical_type: ClinicalType
  teeth: EntryTooth[]
  price: string
  phase: number
  sessions: PlanSession[]
}

declare module '#shared/types/events' {
  interface ModuleEventPayloads {
    'treatment_plan.created': PlanEvent
    'treatment_plan.proposed': PlanEvent & { items: ProposedItem[], total: string }
    'treatment_plan.accepted': PlanEvent
    'treatment_plan.completed': PlanEvent
    'treatment_plan.closed': PlanEvent & { reason: CloseReason }
  }
}
