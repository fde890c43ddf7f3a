// The agenda module's published models (docs/core-api.md, "Importable models"):
// `import type { Appointment, Cabinet } from '#layers/agenda/models'`.
// Table types, DTOs in their JSON shape, the status machine and the payload
// schemas shared by the API and the browser. Covered by the deprecation policy.
import type { ColumnType, Generated, Selectable } from 'kysely'
import { z } from 'zod'
import { isoDateTimeSchema } from '#shared/schemas/dates'
import type { AllergiesStatus } from '#layers/patients/models'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export const APPOINTMENT_STATUSES = ['scheduled', 'confirmed', 'checked_in', 'in_treatment', 'completed', 'cancelled', 'no_show'] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

/** Allowed transitions (README.md, "Rules"); completed, cancelled and no_show are final. */
export const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  scheduled: ['confirmed', 'checked_in', 'cancelled', 'no_show'],
  confirmed: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['in_treatment', 'cancelled'],
  in_treatment: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
  no_show: [],
}

/** Statuses that hold their time slot (overlap protection applies among these). */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['scheduled', 'confirmed', 'checked_in', 'in_treatment']

export interface AgendaCabinetsTable {
  id: Generated<string>
  clinic_id: string
  name: string
  color: ColumnType<string, string | undefined, string>
  display_order: ColumnType<number, number | undefined, number>
  is_active: ColumnType<boolean, boolean | undefined, boolean>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface AgendaAppointmentsTable {
  id: Generated<string>
  clinic_id: string
  patient_id: string | null
  professional_id: string
  cabinet_id: string | null
  start_time: ColumnType<Date, Date | string, Date | string>
  end_time: ColumnType<Date, Date | string, Date | string>
  reason: string | null
  notes: string | null
  status: ColumnType<AppointmentStatus, AppointmentStatus | undefined, AppointmentStatus>
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface AgendaAppointmentHistoryTable {
  id: Generated<string>
  appointment_id: string
  clinic_id: string
  from_status: AppointmentStatus | null
  to_status: AppointmentStatus
  note: string | null
  changed_by: string | null
  changed_at: Timestamp
}

/** The tables this module owns, for `Kysely<AgendaTables>`. */
export interface AgendaTables {
  agenda_cabinets: AgendaCabinetsTable
  agenda_appointments: AgendaAppointmentsTable
  agenda_appointment_history: AgendaAppointmentHistoryTable
}

export type CabinetRow = Selectable<AgendaCabinetsTable>
export type AppointmentRow = Selectable<AgendaAppointmentsTable>

/** A cabinet as the API returns it. */
export interface Cabinet {
  id: string
  clinic_id: string
  name: string
  color: string
  display_order: number
  is_active: boolean
  created_at: string
  updated_at: string
}

/** A member of the clinic who can be booked (`is_professional`). */
export interface Professional {
  id: string
  name: string
  role: string
  licence_number: string | null
}

export interface AppointmentHistoryEntry {
  from_status: AppointmentStatus | null
  to_status: AppointmentStatus
  note: string | null
  changed_by: { id: string, name: string } | null
  changed_at: string
}

/**
 * An appointment as the API returns it. Times are ISO 8601 with the clinic's
 * UTC offset (`2026-11-27T10:00:00+01:00`); `status_history` comes with the
 * single-appointment GET.
 */
export interface Appointment {
  id: string
  clinic_id: string
  patient_id: string | null
  /** With the patient's allergies (patients' published state): shown on every card and dialog. */
  patient: {
    id: string
    first_name: string
    last_name: string
    full_name: string
    allergies: string[]
    allergies_status: AllergiesStatus
  } | null
  professional_id: string
  professional: { id: string, name: string }
  cabinet_id: string | null
  cabinet: { id: string, name: string, color: string } | null
  start_time: string
  end_time: string
  reason: string | null
  notes: string | null
  status: AppointmentStatus
  /** Where it may go next (TRANSITIONS[status]). */
  allowed_transitions: AppointmentStatus[]
  status_history?: AppointmentHistoryEntry[]
  created_at: string
  updated_at: string
}

/** ISO 8601 date-time with an explicit offset or Z, in the years the core accepts (1900–2200). */
const isoDateTime = isoDateTimeSchema
const optionalText = (max: number) => z.string().trim().max(max, 'validation.too_long').nullable().optional()
  .transform(v => (v === '' || v === undefined ? null : v))
/** For partial updates: absent stays absent (unchanged), '' or null clears. */
const patchText = (max: number) => z.string().trim().max(max, 'validation.too_long').nullable()
  .transform(v => (v === '' ? null : v)).optional()
const uuid = z.uuid('validation.uuid')

// Only compares two readable times: an unreadable one already has its own error.
const endAfterStart = (v: { start_time?: unknown, end_time?: unknown }) => {
  const start = typeof v.start_time === 'string' ? Date.parse(v.start_time) : Number.NaN
  const end = typeof v.end_time === 'string' ? Date.parse(v.end_time) : Number.NaN
  return Number.isNaN(start) || Number.isNaN(end) || end > start
}

/** POST /api/v1/agenda/appointments. */
export const appointmentCreateSchema = z.object({
  patient_id: uuid.nullable().optional().transform(v => v ?? null),
  professional_id: uuid,
  cabinet_id: uuid.nullable().optional().transform(v => v ?? null),
  start_time: isoDateTime,
  end_time: isoDateTime,
  reason: optionalText(500),
  notes: optionalText(5000),
}).refine(endAfterStart, { message: 'validation.end_after_start', path: ['end_time'] })
export type AppointmentCreateInput = z.input<typeof appointmentCreateSchema>

/** PUT /api/v1/agenda/appointments/{id}: move, resize, reassign or edit; fields sent change. */
export const appointmentUpdateSchema = z.object({
  patient_id: uuid.nullable().optional(),
  professional_id: uuid.optional(),
  cabinet_id: uuid.nullable().optional(),
  start_time: isoDateTime.optional(),
  end_time: isoDateTime.optional(),
  reason: patchText(500),
  notes: patchText(5000),
}).refine(endAfterStart, { message: 'validation.end_after_start', path: ['end_time'] })
export type AppointmentUpdateInput = z.input<typeof appointmentUpdateSchema>

/** POST /api/v1/agenda/appointments/{id}/transitions. */
export const transitionSchema = z.object({
  to_status: z.enum(APPOINTMENT_STATUSES),
  note: optionalText(1000),
  /** Seat the patient while moving to in_treatment. */
  cabinet_id: uuid.optional(),
})
export type TransitionInput = z.input<typeof transitionSchema>

/** GET /api/v1/agenda/appointments query. */
export const appointmentListQuerySchema = z.object({
  start: isoDateTime.optional(),
  end: isoDateTime.optional(),
  cabinet_id: uuid.optional(),
  professional_id: uuid.optional(),
  patient_id: uuid.optional(),
  status: z.union([z.enum(APPOINTMENT_STATUSES), z.array(z.enum(APPOINTMENT_STATUSES))]).optional()
    .transform(v => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  page: z.coerce.number().int().min(1).optional().default(1),
  page_size: z.coerce.number().int().min(1).max(500).optional().default(200),
})

const colour = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'validation.color')

/** POST /api/v1/agenda/cabinets. */
export const cabinetCreateSchema = z.object({
  name: z.string('validation.required').trim().min(1, 'validation.required').max(100, 'validation.too_long'),
  color: colour.optional().default('#3b82f6'),
  display_order: z.number().int().min(0).max(10_000).optional(),
  is_active: z.boolean().optional().default(true),
})
export type CabinetCreateInput = z.input<typeof cabinetCreateSchema>

/** PUT /api/v1/agenda/cabinets/{id}. */
export const cabinetUpdateSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(100, 'validation.too_long').optional(),
  color: colour.optional(),
  display_order: z.number().int().min(0).max(10_000).optional(),
  is_active: z.boolean().optional(),
})
export type CabinetUpdateInput = z.input<typeof cabinetUpdateSchema>

/** GET /api/v1/agenda/cabinets query: `is_active=true|false` filters; absent lists every cabinet. */
export const cabinetListQuerySchema = z.object({
  is_active: z.enum(['true', 'false']).optional().transform(v => (v === undefined ? undefined : v === 'true')),
})
