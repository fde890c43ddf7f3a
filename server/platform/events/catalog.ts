// The core event catalog (spec §4), one source for names and payload keys.
// All payload keys are strings; UUIDs travel as strings; times are UTC ISO
// strings. The keys listed in EVENT_KEYS are required; the optional ones are
// what the official modules also send (a richer payload), typed here so
// consumers see them — a handler must still cope with their absence, since
// another publisher may send the minimum. Other extra keys are allowed.

import type { ModuleEventPayloads } from '#shared/types/events'

/** What the agenda adds to every appointment event (layers/agenda/README.md). */
interface AppointmentFacts {
  clinic_id?: string
  /** Null for a blocked slot (no patient). */
  patient_id?: string | null
  professional_id?: string
  start_time?: string
  end_time?: string
}

/** What the odontogram adds to `treatment.completed` (layers/odontogram/README.md). */
interface TreatmentFacts {
  /** The catalog item the treatment was charted from; null when charted without one. */
  catalog_item_id?: string | null
  /** What was done, in the odontogram's vocabulary (`filling`, `crown`, `bridge`...). */
  clinical_type?: string
  /** FDI teeth with their surfaces and bridge roles (empty for arch or mouth treatments). */
  teeth?: { tooth: number, surfaces: string[], role: 'pillar' | 'pontic' | null }[]
  /** The price snapshot, a decimal string with two decimals (`"123.00"`); null without a catalog item. */
  price?: string | null
}

export interface EventPayloads {
  'clinic.created': { clinic_id: string }
  'patient.created': { patient_id: string, clinic_id: string }
  'patient.updated': { patient_id: string, clinic_id: string, changes: string[] }
  'patient.archived': { patient_id: string, clinic_id: string }
  'patient.medical_updated': { patient_id: string, clinic_id: string, user_id: string }
  'appointment.scheduled': { appointment_id: string, patient_id: string | null, clinic_id: string } & AppointmentFacts & {
    reason?: string | null
  }
  'appointment.updated': { appointment_id: string, clinic_id: string, changes: string[] } & AppointmentFacts & {
    /** The status after the change (`scheduled`, `confirmed`, `checked_in`, `in_treatment`...). */
    status?: string
  }
  'appointment.completed': { appointment_id: string } & AppointmentFacts & { note?: string | null }
  'appointment.cancelled': { appointment_id: string } & AppointmentFacts & { note?: string | null }
  'appointment.no_show': { appointment_id: string } & AppointmentFacts & { note?: string | null }
  'treatment.completed': { treatment_id: string, patient_id: string, clinic_id: string } & TreatmentFacts
  'budget.created': { budget_id: string, clinic_id: string }
  'budget.sent': { budget_id: string, clinic_id: string }
  'budget.accepted': { budget_id: string, clinic_id: string }
  'budget.rejected': { budget_id: string, clinic_id: string }
  'invoice.created': { invoice_id: string, clinic_id: string }
  'invoice.issued': { invoice_id: string, clinic_id: string }
  'invoice.sent': { invoice_id: string, clinic_id: string }
  'invoice.paid': { invoice_id: string, clinic_id: string }
  'payment.recorded': { payment_id: string, invoice_id: string, clinic_id: string }
  'document.uploaded': { document_id: string, patient_id: string, clinic_id: string, title: string, document_type: string }
  /** `type`: administrative, diagnosis, treatment or progress (layers/clinical_notes/README.md). */
  'clinical_note.created': { note_id: string, patient_id: string, clinic_id: string, type: string }
  /** An edit after the 24-hour window: the previous text stays as a revision. */
  'clinical_note.amended': { note_id: string, patient_id: string, clinic_id: string, type: string }
}

export type EventType = keyof EventPayloads

/** The keys of T that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T]

/** The payload keys each catalog event must carry (the optional, richer ones are not listed). */
export const EVENT_KEYS: { [E in EventType]: ReadonlyArray<RequiredKeys<EventPayloads[E]>> } = {
  'clinic.created': ['clinic_id'],
  'patient.created': ['patient_id', 'clinic_id'],
  'patient.updated': ['patient_id', 'clinic_id', 'changes'],
  'patient.archived': ['patient_id', 'clinic_id'],
  'patient.medical_updated': ['patient_id', 'clinic_id', 'user_id'],
  'appointment.scheduled': ['appointment_id', 'patient_id', 'clinic_id'],
  'appointment.updated': ['appointment_id', 'clinic_id', 'changes'],
  'appointment.completed': ['appointment_id'],
  'appointment.cancelled': ['appointment_id'],
  'appointment.no_show': ['appointment_id'],
  'treatment.completed': ['treatment_id', 'patient_id', 'clinic_id'],
  'budget.created': ['budget_id', 'clinic_id'],
  'budget.sent': ['budget_id', 'clinic_id'],
  'budget.accepted': ['budget_id', 'clinic_id'],
  'budget.rejected': ['budget_id', 'clinic_id'],
  'invoice.created': ['invoice_id', 'clinic_id'],
  'invoice.issued': ['invoice_id', 'clinic_id'],
  'invoice.sent': ['invoice_id', 'clinic_id'],
  'invoice.paid': ['invoice_id', 'clinic_id'],
  'payment.recorded': ['payment_id', 'invoice_id', 'clinic_id'],
  'document.uploaded': ['document_id', 'patient_id', 'clinic_id', 'title', 'document_type'],
  'clinical_note.created': ['note_id', 'patient_id', 'clinic_id', 'type'],
  'clinical_note.amended': ['note_id', 'patient_id', 'clinic_id', 'type'],
}

export const EVENT_TYPES = Object.keys(EVENT_KEYS) as EventType[]

export type { ModuleEventPayloads }

/** Payload of an event: the catalog's shape for catalog events, a module's declared shape for its own, any string-keyed object otherwise. */
export type PayloadOf<E extends string> = E extends EventType
  ? EventPayloads[E] & Record<string, unknown>
  : E extends keyof ModuleEventPayloads ? ModuleEventPayloads[E] & Record<string, unknown> : Record<string, unknown>
