// The odontogram module's published models (docs/core-api.md, "Importable models"):
// `import type { OdontogramEntry, OdontogramChart } from '#layers/odontogram/models'`.
// The clinical vocabulary (FDI teeth, surfaces, clinical types and their
// rules), the Kysely tables, the DTOs in their JSON shape, the payload schemas
// shared by the API and the browser, the slots this module hosts and the
// events it publishes. Covered by the deprecation policy.
import type { ColumnType, Generated, Selectable } from 'kysely'
import { z } from 'zod'
import { isoDateSchema, isoDateTimeSchema } from '#shared/schemas/dates'
import type { SlotPatient } from '#shared/types/slots'
import type { TreatmentClinicalType } from '#layers/catalog/models'
import { ENTRY_KINDS, ENTRY_SCOPES, ENTRY_STATUSES, ARCHES, CLINICAL_TYPES, SURFACES, TOOTH_ROLES } from './lib/odontogram-vocabulary'
import type { Arch, ClinicalType, EntryKind, EntryScope, EntryStatus, Surface, ToothRole, TreatmentType } from './lib/odontogram-vocabulary'

export * from './lib/odontogram-vocabulary'
export { activeEntries, bareTooth, deriveSupersession, deriveToothStates, projectTeeth, statusAt } from './lib/odontogram-replay'
export type { ReplayEntry } from './lib/odontogram-replay'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string | T, string | T>

// The catalog's clinical types are our treatment types: both lists stay the same.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
export type OdontogramCatalogTypesCheck = Assert<Same<TreatmentType, TreatmentClinicalType>>

// ---- tables ----------------------------------------------------------------

/** One tooth of an entry: FDI number, surfaces (empty: the whole tooth) and, on bridges, its role. */
export interface EntryTooth {
  tooth: number
  surfaces: Surface[]
  role: ToothRole | null
}

/**
 * Append-only clinical facts. A row is never rewritten: performing, cancelling
 * and deleting only fill their own columns; `superseded_by` is derived (lib/)
 * and kept in the same transaction as every write.
 */
export interface OdontogramEntriesTable {
  id: Generated<string>
  clinic_id: string
  patient_id: string
  kind: EntryKind
  clinical_type: ClinicalType
  /** Null for conditions. */
  status: EntryStatus | null
  /** Work done before or elsewhere, charted as found: performed, no price, no event. */
  existing: ColumnType<boolean, boolean | undefined, boolean>
  scope: EntryScope
  arch: Arch | null
  teeth: Json<EntryTooth[]>
  catalog_item_id: string | null
  /** Snapshot `"123.00"`, computed once when the treatment is created (numeric(12,2)). */
  price: string | null
  notes: string | null
  /** The clinical date of the fact (may be earlier than `created_at`: charted after the visit). */
  recorded_at: Timestamp
  recorded_by: string | null
  performed_at: NullableTimestamp
  performed_by: string | null
  cancelled_at: NullableTimestamp
  cancelled_by: string | null
  superseded_by: string | null
  deleted_at: NullableTimestamp
  deleted_by: string | null
  deleted_reason: string | null
  /** When the row was written (clock_timestamp): orders entries with the same clinical time. */
  created_at: Timestamp
  updated_at: Timestamp
}

/** The derived per-tooth projection: one row per patient tooth that carries anything (a bare tooth has no row). */
export interface OdontogramToothStatesTable {
  clinic_id: string
  patient_id: string
  tooth: number
  present: boolean
  whole: Json<ChartMark | null>
  surfaces: Json<Record<Surface, ChartMark | null>>
  conditions: Json<ChartMark[]>
  treatments: Json<ChartMark[]>
  updated_at: Timestamp
}

export const HISTORY_ACTIONS = ['recorded', 'planned', 'performed', 'cancelled', 'updated', 'deleted'] as const
export type HistoryAction = (typeof HISTORY_ACTIONS)[number]

/** Every change to the chart, append-only (GET /patients/{id}/history). */
export interface OdontogramHistoryTable {
  id: Generated<string>
  clinic_id: string
  patient_id: string
  entry_id: string
  action: HistoryAction
  /** What changed on `updated` (`['notes', 'surfaces']`); null otherwise. */
  changes: Json<string[] | null>
  reason: string | null
  actor_id: string | null
  at: Timestamp
}

/** The tables this module owns, for `Kysely<OdontogramTables>`. */
export interface OdontogramTables {
  odontogram_entries: OdontogramEntriesTable
  odontogram_tooth_states: OdontogramToothStatesTable
  odontogram_history: OdontogramHistoryTable
}

export type EntryRow = Selectable<OdontogramEntriesTable>
export type ToothStateRow = Selectable<OdontogramToothStatesTable>

// ---- chart state -------------------------------------------------------------

/** How an entry stands on the chart: a finding, work to do, work done here, work found done. */
export const MARK_STATES = ['condition', 'planned', 'performed', 'existing'] as const
export type MarkState = (typeof MARK_STATES)[number]

/** The colour family (red/blue by default; a clinic setting, some countries swap them). */
export type MarkTone = 'todo' | 'done'

/** One entry as it shows on one tooth (or surface). */
export interface ChartMark {
  entry_id: string
  kind: EntryKind
  clinical_type: ClinicalType
  state: MarkState
  /** `todo` for conditions and planned work, `done` for performed and existing work. */
  tone: MarkTone
  /** The tooth's role in a bridge. */
  role: ToothRole | null
}

/**
 * One tooth on the chart.
 * - `present`: false once the tooth is gone (a `missing` condition, a
 *   performed/existing extraction) until an implant takes its place.
 * - `surfaces`: per surface, the LATEST active entry charted on that surface
 *   (by clinical time, then order written), or null.
 * - `whole`: the latest active entry on the tooth charted without surfaces
 *   (crown, root canal, missing, a bridge role, caries with no surface...), or null.
 * - `conditions` / `treatments`: every active entry on the tooth, oldest first.
 * Active: recorded by then, not deleted, not cancelled, not superseded. A
 * performed filling on 16-O supersedes the caries on 16-O (see
 * CLINICAL_TYPE_RULES[type].supersedes); a performed extraction supersedes the
 * tooth's conditions and restorations.
 */
export interface ToothState {
  tooth: number
  present: boolean
  surfaces: Record<Surface, ChartMark | null>
  whole: ChartMark | null
  conditions: ChartMark[]
  treatments: ChartMark[]
}

// ---- DTOs ------------------------------------------------------------------

/** An entry as the API returns it (ids and times are strings; times with the clinic's offset). */
export interface OdontogramEntry {
  id: string
  patient_id: string
  kind: EntryKind
  clinical_type: ClinicalType
  status: EntryStatus | null
  existing: boolean
  teeth: EntryTooth[]
  scope: EntryScope
  arch: Arch | null
  catalog_item_id: string | null
  catalog_item: { id: string, code: string, names: Record<string, string> } | null
  price: string | null
  notes: string | null
  recorded_by: { id: string, name: string } | null
  recorded_at: string
  performed_by: { id: string, name: string } | null
  performed_at: string | null
  cancelled_at: string | null
  superseded_by: string | null
  /** Where the status may go next (ENTRY_TRANSITIONS; empty for conditions and existing work). */
  allowed_transitions: EntryStatus[]
  created_at: string
  updated_at: string
}

/** Which teeth the chart should draw: from the patient's age and what is charted. */
export type Dentition = 'permanent' | 'deciduous' | 'mixed'

export interface ChartLegendItem {
  kind: EntryKind
  clinical_type: ClinicalType
  state: MarkState
  tone: MarkTone
}

/** GET /patients/{id}/chart[?at=YYYY-MM-DD]. */
export interface OdontogramChart {
  patient_id: string
  /** The day replayed (end of that day in the clinic's time zone); null: now. */
  at: string | null
  dentition: Dentition
  /** All 52 teeth in ALL_TEETH order; a tooth with nothing charted is present with nulls and empty lists. */
  teeth: ToothState[]
  /** The active entries (tooth, arch and mouth scope), oldest first. */
  entries: OdontogramEntry[]
  legend: { colors: Record<MarkTone, string>, items: ChartLegendItem[] }
}

export interface OdontogramHistoryItem {
  id: string
  entry_id: string
  action: HistoryAction
  kind: EntryKind
  clinical_type: ClinicalType
  teeth: EntryTooth[]
  changes: string[] | null
  reason: string | null
  actor: { id: string, name: string } | null
  at: string
}

// ---- clinic settings ------------------------------------------------------

/**
 * What a clinic sets under `settings.odontogram` (PUT /api/v1/auth/clinic):
 * `assistants_record_conditions` lets holders of `odontogram.conditions.write`
 * without `odontogram.write` (assistants) chart conditions; `colors` swaps or
 * changes the to-do/done colours.
 */
export interface OdontogramClinicSettings {
  assistants_record_conditions?: boolean
  colors?: Partial<Record<MarkTone, string>>
}

export const DEFAULT_COLORS: Record<MarkTone, string> = { todo: '#dc2626', done: '#2563eb' }

export function odontogramSettings(settings: unknown): OdontogramClinicSettings {
  const s = (settings as { odontogram?: unknown } | null)?.odontogram
  return s && typeof s === 'object' ? s as OdontogramClinicSettings : {}
}

/** Whether someone with these permission checks may chart conditions in a clinic with these settings. */
export function canRecordConditions(can: (permission: string) => boolean, settings: unknown): boolean {
  if (can('odontogram.write')) return true
  return can('odontogram.conditions.write') && odontogramSettings(settings).assistants_record_conditions === true
}

// ---- payloads --------------------------------------------------------------

const optionalText = (max: number) => z.string().trim().max(max, 'validation.too_long').nullable().optional()
  .transform(v => (v === '' || v === undefined ? null : v))
const uuid = z.uuid('validation.uuid')

/** A tooth as sent: the FDI number is checked by the rules (422 `teeth[i].tooth`), not here, so all problems come together. */
const toothInput = z.object({
  tooth: z.number().int(),
  surfaces: z.array(z.enum(SURFACES)).max(5).optional().default([]),
  role: z.enum(TOOTH_ROLES).nullable().optional().transform(v => v ?? null),
})
export type EntryToothInput = z.input<typeof toothInput>

/**
 * POST /patients/{patient_id}/entries. `clinical_type` may be left out when the
 * catalog item charts as one; `scope` defaults from the teeth (0: mouth, or
 * arch when `arch` is sent; 1: tooth; more: multi_tooth); treatments default
 * to `planned`; `existing: true` records work found done (performed, no price,
 * no event); `recorded_at` is the clinical date (default now, never future).
 */
export const entryCreateSchema = z.object({
  kind: z.enum(ENTRY_KINDS),
  clinical_type: z.enum(CLINICAL_TYPES).optional(),
  teeth: z.array(toothInput).max(32).optional().default([]),
  status: z.enum(['planned', 'performed']).optional(),
  existing: z.boolean().optional().default(false),
  catalog_item_id: uuid.nullable().optional().transform(v => v ?? null),
  scope: z.enum(ENTRY_SCOPES).optional(),
  arch: z.enum(ARCHES).nullable().optional().transform(v => v ?? null),
  notes: optionalText(5000),
  recorded_at: isoDateTimeSchema.optional(),
  performed_at: isoDateTimeSchema.optional(),
})
export type EntryCreateInput = z.input<typeof entryCreateSchema>

/** PUT /entries/{id}: planned entries only; `teeth` re-sends the same teeth with new surfaces. */
export const entryUpdateSchema = z.object({
  notes: z.string().trim().max(5000, 'validation.too_long').nullable().transform(v => (v === '' ? null : v)).optional(),
  teeth: z.array(z.object({ tooth: z.number().int(), surfaces: z.array(z.enum(SURFACES)).max(5) })).max(32).optional(),
})
export type EntryUpdateInput = z.input<typeof entryUpdateSchema>

/** POST /entries/{id}/perform. */
export const entryPerformSchema = z.object({
  performed_at: isoDateTimeSchema.optional(),
  notes: optionalText(5000),
})
export type EntryPerformInput = z.input<typeof entryPerformSchema>

/** POST /entries/{id}/cancel. */
export const entryCancelSchema = z.object({ reason: optionalText(1000) })

/** DELETE /entries/{id}: why (kept with who and when). */
export const entryDeleteSchema = z.object({
  reason: z.string('validation.required').trim().min(1, 'validation.required').max(1000, 'validation.too_long'),
})

/** GET /patients/{patient_id}/entries query. */
export const entryListQuerySchema = z.object({
  kind: z.enum(ENTRY_KINDS).optional(),
  status: z.enum(ENTRY_STATUSES).optional(),
  tooth: z.coerce.number().int().optional(),
  type: z.enum(CLINICAL_TYPES).optional(),
  page: z.coerce.number().int().min(1).optional().default(1),
  page_size: z.coerce.number().int().min(1).max(500).optional().default(100),
})

/** GET /patients/{patient_id}/chart query. */
export const chartQuerySchema = z.object({ at: isoDateSchema.optional() })

/** GET /patients/{patient_id}/history query. */
export const historyQuerySchema = z.object({
  page: z.coerce.number().int().min(1).optional().default(1),
  page_size: z.coerce.number().int().min(1).max(200).optional().default(50),
})

// ---- slots hosted ----------------------------------------------------------

export interface OdontogramToothActionsCtx { patient: SlotPatient, tooth: number }
export interface OdontogramSidebarCtx { patient: SlotPatient }

// The slots the chart hosts: per selected tooth (clinical_notes adds a note
// button) and beside the chart.
declare module '#shared/types/slots' {
  interface ModuleSlots {
    'odontogram.tooth.actions': OdontogramToothActionsCtx
    'odontogram.sidebar': OdontogramSidebarCtx
  }
}

// ---- events published --------------------------------------------------------

/** `odontogram.condition_recorded`, `.treatment_planned`, `.treatment_cancelled`. */
export interface OdontogramEntryEvent {
  entry_id: string
  patient_id: string
  clinic_id: string
  clinical_type: ClinicalType
  teeth: EntryTooth[]
}

declare module '#shared/types/events' {
  interface ModuleEventPayloads {
    'odontogram.condition_recorded': OdontogramEntryEvent
    'odontogram.treatment_planned': OdontogramEntryEvent & { catalog_item_id: string | null, price: string | null }
    'odontogram.treatment_cancelled': OdontogramEntryEvent
  }
}
