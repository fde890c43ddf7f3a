import type { Component } from 'vue'

/**
 * The patient the `patient.detail.*` slots pass: the JSON shape of the
 * patients module's published `Patient` (layers/patients/models.ts), copied
 * here so core does not import a module (a fork may replace `patients`).
 * The patients layer checks at compile time that both stay the same.
 */
export interface SlotPatient {
  id: string
  clinic_id: string
  first_name: string
  last_name: string
  full_name: string
  phone: string | null
  email: string | null
  /** `YYYY-MM-DD`. */
  date_of_birth: string | null
  gender: 'female' | 'male' | 'other' | null
  national_id: string | null
  national_id_type: 'dni' | 'nie' | 'passport' | 'other' | null
  address: string | null
  notes: string | null
  status: 'active' | 'archived'
  do_not_contact: boolean
  billing_name: string | null
  billing_tax_id: string | null
  billing_address: string | null
  billing_email: string | null
  effective_billing: { name: string, tax_id: string | null, address: string | null, email: string | null }
  allergies: string[]
  allergies_status: 'not_recorded' | 'none_known' | 'recorded'
  last_visit_at: string | null
  archived_at: string | null
  created_at: string
  updated_at: string
}

/**
 * An appointment as the agenda's API returns it: the same shape as
 * `Appointment` in layers/agenda/models.ts (core cannot import a layer, so it
 * is spelt out here; keep the two in step).
 */
export interface SlotAppointment {
  id: string
  clinic_id: string
  patient_id: string | null
  patient: {
    id: string
    first_name: string
    last_name: string
    full_name: string
    allergies: string[]
    allergies_status: 'not_recorded' | 'none_known' | 'recorded'
  } | null
  professional_id: string
  professional: { id: string, name: string }
  cabinet_id: string | null
  cabinet: { id: string, name: string, color: string } | null
  start_time: string
  end_time: string
  reason: string | null
  notes: string | null
  status: 'scheduled' | 'confirmed' | 'checked_in' | 'in_treatment' | 'completed' | 'cancelled' | 'no_show'
  allowed_transitions: SlotAppointment['status'][]
  status_history?: {
    from_status: SlotAppointment['status'] | null
    to_status: SlotAppointment['status']
    note: string | null
    changed_by: { id: string, name: string } | null
    changed_at: string
  }[]
  created_at: string
  updated_at: string
}

/** The core's five slots (docs/core-api.md, "Slots") and the ctx each one passes to its entries. */
export interface CoreSlots {
  'patient.detail.tabs': { patient: SlotPatient }
  'patient.detail.sidebar': { patient: SlotPatient }
  'appointment.detail.actions': { appointment: SlotAppointment }
  'dashboard.widgets': Record<string, never>
  'settings.sections': Record<string, never>
}

/**
 * Slots that modules host, with their ctx. Empty in the core: a module that
 * hosts a slot declares it, so `register()` and `<ModuleSlot>` know the name
 * and type its ctx:
 *
 * ```ts
 * declare module '#shared/types/slots' {
 *   interface ModuleSlots { 'patient.archive.warnings': PatientArchiveWarningsCtx }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface ModuleSlots {}

/** Every slot the app knows: the core's and the ones modules declare. */
export interface SlotContexts extends CoreSlots, ModuleSlots {}

export type SlotName = keyof SlotContexts
export type SlotContext<N extends SlotName> = SlotContexts[N]

export const CANONICAL_SLOTS: (keyof CoreSlots)[] = ['patient.detail.tabs', 'patient.detail.sidebar', 'appointment.detail.actions', 'dashboard.widgets', 'settings.sections']

/** One contribution to a slot (docs/core-api.md, "Slots"). */
export interface SlotEntry<Ctx = unknown> {
  /** Unique and stable: registering the same id again replaces the entry (HMR). */
  id: string
  component: Component
  /** Lower renders first; ties keep registration order. */
  order?: number
  /** Namespaced permission; the entry is hidden when can() is false. */
  permission?: string
  condition?: (ctx: Ctx) => boolean
  /** Label for hosts that show entries as tabs or sections (an i18n key). */
  label?: string
  /** The module that owns the entry: hidden while that module is not installed. Defaults to the registering module. */
  module?: string
}

/**
 * `true` when A and B are the same shape. A module whose published type the
 * core copies into a slot's ctx (SlotPatient, SlotAppointment: the core never
 * imports a module) checks that they stay in step, so a drift stops compiling:
 * `export type Check = AssertTrue<SameShape<Patient, SlotPatient>>`.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** Compiles only for `true` (see SameShape). */
export type AssertTrue<T extends true> = T
