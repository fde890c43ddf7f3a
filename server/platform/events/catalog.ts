// The core event catalog (spec §4), one source for names and payload keys.
// All payload keys are strings; UUIDs travel as strings. Extra keys are allowed.

export interface EventPayloads {
  'clinic.created': { clinic_id: string }
  'patient.created': { patient_id: string, clinic_id: string }
  'patient.updated': { patient_id: string, clinic_id: string, changes: string[] }
  'patient.archived': { patient_id: string, clinic_id: string }
  'patient.medical_updated': { patient_id: string, clinic_id: string, user_id: string }
  'appointment.scheduled': { appointment_id: string, patient_id: string | null, clinic_id: string }
  'appointment.updated': { appointment_id: string, clinic_id: string, changes: string[] }
  'appointment.completed': { appointment_id: string }
  'appointment.cancelled': { appointment_id: string }
  'appointment.no_show': { appointment_id: string }
  'treatment.completed': { treatment_id: string, patient_id: string, clinic_id: string }
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
}

export type EventType = keyof EventPayloads

/** The payload keys each catalog event must carry. */
export const EVENT_KEYS: { [E in EventType]: ReadonlyArray<keyof EventPayloads[E]> } = {
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
}

export const EVENT_TYPES = Object.keys(EVENT_KEYS) as EventType[]

/** Payload of an event: the catalog's shape for catalog events, any string-keyed object otherwise. */
export type PayloadOf<E extends string> = E extends EventType ? EventPayloads[E] & Record<string, unknown> : Record<string, unknown>
