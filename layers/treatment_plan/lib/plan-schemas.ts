// The payload schemas shared by the API and the browser (re-exported by models.ts).
import { z } from 'zod'
import { isoDateTimeSchema } from '#shared/schemas/dates'
import { ARCHES, CLINICAL_TYPES, ENTRY_SCOPES, SURFACES, TOOTH_ROLES } from '#layers/odontogram/models'
import { CLOSE_REASONS, PIPELINE_TABS, PLAN_PHASES, PLAN_STATUSES } from './plan-vocabulary'

const uuid = z.uuid('validation.uuid')
const text = (max: number) => z.string().trim().max(max, 'validation.too_long')
/** Absent or '' → null (create). */
const optionalText = (max: number) => text(max).nullable().optional().transform(v => (v === '' || v === undefined ? null : v))
/** Absent stays absent (unchanged), '' or null clears (update). */
const patchText = (max: number) => text(max).nullable().transform(v => (v === '' ? null : v)).optional()
const phase = z.number().int().min(1).max(PLAN_PHASES.length)

/** POST /plans. */
export const planCreateSchema = z.object({
  patient_id: uuid,
  title: optionalText(200),
  professional_id: uuid.nullable().optional().transform(v => v ?? null),
  diagnosis: optionalText(5000),
  internal_notes: optionalText(5000),
})
export type PlanCreateInput = z.input<typeof planCreateSchema>

/** PUT /plans/{id}. */
export const planUpdateSchema = z.object({
  title: patchText(200),
  professional_id: uuid.nullable().optional(),
  diagnosis: patchText(5000),
  internal_notes: patchText(5000),
})
export type PlanUpdateInput = z.input<typeof planUpdateSchema>

const statusFilter = z.union([z.string(), z.array(z.string())]).optional()
  .transform(v => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap(s => s.split(',')).filter(Boolean)))
  .pipe(z.array(z.enum(PLAN_STATUSES)).optional())

/** GET /plans query. */
export const planListQuerySchema = z.object({
  patient_id: uuid.optional(),
  status: statusFilter,
  professional_id: uuid.optional(),
  tab: z.enum(PIPELINE_TABS).optional(),
  search: z.string().trim().max(100, 'validation.too_long').optional().transform(v => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).optional().default(1),
  page_size: z.coerce.number().int().min(1).max(100).optional().default(25),
})

/** GET /pipeline query. */
export const pipelineQuerySchema = planListQuerySchema.pick({ professional_id: true, search: true })

const toothInput = z.object({
  tooth: z.number().int(),
  surfaces: z.array(z.enum(SURFACES)).max(5).optional().default([]),
  role: z.enum(TOOTH_ROLES).nullable().optional().transform(v => v ?? null),
})

/**
 * POST /plans/{id}/items: either `treatment_id` (an existing planned treatment
 * of the patient) or `catalog_item_id` with the teeth (a new planned treatment).
 */
export const itemAddSchema = z.object({
  treatment_id: uuid.optional(),
  catalog_item_id: uuid.optional(),
  clinical_type: z.enum(CLINICAL_TYPES).optional(),
  teeth: z.array(toothInput).max(32).optional().default([]),
  scope: z.enum(ENTRY_SCOPES).optional(),
  arch: z.enum(ARCHES).nullable().optional().transform(v => v ?? null),
  notes: optionalText(5000),
  phase: phase.optional(),
  professional_id: uuid.nullable().optional().transform(v => v ?? null),
}).superRefine((v, ctx) => {
  if (v.treatment_id === undefined && v.catalog_item_id === undefined) {
    ctx.addIssue({ code: 'custom', path: ['catalog_item_id'], message: 'validation.required' })
  }
})
export type ItemAddInput = z.input<typeof itemAddSchema>

/** PUT /plans/{id}/items/{item_id}. */
export const itemUpdateSchema = z.object({
  phase: phase.optional(),
  professional_id: uuid.nullable().optional(),
})

/** POST /plans/{id}/items/reorder: every item once, in the new order, with its phase. */
export const itemReorderSchema = z.object({
  items: z.array(z.object({ id: uuid, phase })).min(1).max(500),
})

/** POST /plans/{id}/items/{item_id}/perform. */
export const itemPerformSchema = z.object({
  performed_at: isoDateTimeSchema.optional(),
  notes: optionalText(5000),
})

/** POST /plans/{id}/close: why; a note is required when the reason is `other`. */
export const planCloseSchema = z.object({
  reason: z.enum(CLOSE_REASONS, 'validation.required'),
  note: optionalText(2000),
}).refine(v => v.reason !== 'other' || v.note !== null, { path: ['note'], message: 'validation.required' })
export type PlanCloseInput = z.input<typeof planCloseSchema>

/** Propose, accept, reopen, reactivate: no body (other keys are ignored). */
export const emptyBodySchema = z.object({})

/** PUT /appointments/{appointment_id}/items: the items this visit does (replaces the set). */
export const visitItemsSchema = z.object({
  items: z.array(z.object({ item_id: uuid, done: z.boolean().optional().default(false) })).max(50),
})
export type VisitItemsInput = z.input<typeof visitItemsSchema>
