// What the timeline writes, in the clinic's language. Entries are stored as
// text (they are a record of what happened, read back as written), so the
// server carries its own small dictionary instead of the browser's i18n files.
import { knownTimeZone } from '#dentalpin'
import { CLINICAL_EN, CLINICAL_ES } from './texts-clinical'
import type { ClinicalTimelineTexts } from './texts-clinical'
import { PLANS_EN, PLANS_ES } from './texts-plans'
import type { PlanTimelineTexts } from './texts-plans'

export const TIMELINE_LANGUAGES = ['en', 'es'] as const
export type TimelineLanguage = (typeof TIMELINE_LANGUAGES)[number]

type Text = string
/** A title that names the moment of an appointment when it is known. */
type At = (when: string | null) => Text
/** A title that names a document by its number when it is known. */
type Numbered = (number: string | null) => Text

export interface TimelineTexts {
  /** The Intl locale dates and amounts are formatted with. */
  locale: string
  /** "Changed: phone, email". */
  changed: (fields: string) => Text
  /** Field names as `patient.updated` and `appointment.updated` list them in `changes`. */
  fields: Record<string, Text>
  patient: { created: Text, updated: Text, archived: Text, restored: Text, medicalUpdated: Text, updatedBy: (name: string) => Text }
  appointment: {
    scheduled: At
    moved: At
    updated: At
    /** A status change that is not final (confirmed, checked in, in treatment). */
    status: (when: string | null, status: string) => Text
    completed: At
    cancelled: At
    noShow: At
  }
  statuses: Record<string, Text>
  budget: Record<'created' | 'sent' | 'accepted' | 'rejected', Numbered>
  invoice: Record<'created' | 'issued' | 'sent' | 'paid', Numbered>
  payment: { recorded: (amount: string | null) => Text }
  document: { uploaded: (title: string | null) => Text }
  documentTypes: Record<string, Text>
  /** The chart's and the notes' events (texts-clinical.ts). */
  clinical: ClinicalTimelineTexts
  /** treatment_plan's events (texts-plans.ts). */
  plans: PlanTimelineTexts
}

const en: TimelineTexts = {
  locale: 'en-GB',
  changed: fields => `Changed: ${fields}`,
  fields: {
    first_name: 'first name',
    last_name: 'last name',
    phone: 'phone',
    email: 'email',
    date_of_birth: 'date of birth',
    gender: 'gender',
    national_id: 'ID number',
    national_id_type: 'ID type',
    address: 'address',
    notes: 'notes',
    status: 'status',
    do_not_contact: 'do not contact',
    billing_name: 'billing name',
    billing_tax_id: 'billing tax ID',
    billing_address: 'billing address',
    billing_email: 'billing email',
    allergies: 'allergies',
    medications: 'medications',
    conditions: 'conditions',
    patient_id: 'patient',
    professional_id: 'professional',
    cabinet_id: 'cabinet',
    start_time: 'time',
    end_time: 'duration',
    reason: 'reason',
  },
  patient: {
    created: 'Patient record created',
    updated: 'Patient details updated',
    archived: 'Patient archived',
    restored: 'Patient restored from the archive',
    medicalUpdated: 'Medical history updated',
    updatedBy: name => `Updated by ${name}`,
  },
  appointment: {
    scheduled: when => (when ? `Appointment scheduled for ${when}` : 'Appointment scheduled'),
    moved: when => (when ? `Appointment moved to ${when}` : 'Appointment moved'),
    updated: when => (when ? `Appointment on ${when} updated` : 'Appointment updated'),
    status: (when, status) => (when ? `Appointment on ${when}: ${status}` : `Appointment: ${status}`),
    completed: when => (when ? `Appointment on ${when} completed` : 'Appointment completed'),
    cancelled: when => (when ? `Appointment on ${when} cancelled` : 'Appointment cancelled'),
    noShow: when => (when ? `Missed appointment on ${when}` : 'Missed appointment'),
  },
  statuses: {
    scheduled: 'scheduled',
    confirmed: 'confirmed',
    checked_in: 'patient checked in',
    in_treatment: 'in treatment',
    completed: 'completed',
    cancelled: 'cancelled',
    no_show: 'no-show',
  },
  budget: {
    created: n => (n ? `Budget ${n} created` : 'Budget created'),
    sent: n => (n ? `Budget ${n} sent` : 'Budget sent'),
    accepted: n => (n ? `Budget ${n} accepted` : 'Budget accepted'),
    rejected: n => (n ? `Budget ${n} rejected` : 'Budget rejected'),
  },
  invoice: {
    created: n => (n ? `Invoice ${n} created` : 'Invoice created'),
    issued: n => (n ? `Invoice ${n} issued` : 'Invoice issued'),
    sent: n => (n ? `Invoice ${n} sent` : 'Invoice sent'),
    paid: n => (n ? `Invoice ${n} paid` : 'Invoice paid'),
  },
  payment: { recorded: amount => (amount ? `Payment of ${amount} recorded` : 'Payment recorded') },
  document: { uploaded: title => (title ? `Document uploaded: ${title}` : 'Document uploaded') },
  documentTypes: { consent: 'Consent form', xray: 'X-ray', photo: 'Photo', report: 'Report', prescription: 'Prescription', other: 'Other document' },
  clinical: CLINICAL_EN,
  plans: PLANS_EN,
}

const es: TimelineTexts = {
  locale: 'es-ES',
  changed: fields => `Cambios: ${fields}`,
  fields: {
    first_name: 'nombre',
    last_name: 'apellidos',
    phone: 'teléfono',
    email: 'email',
    date_of_birth: 'fecha de nacimiento',
    gender: 'género',
    national_id: 'documento de identidad',
    national_id_type: 'tipo de documento',
    address: 'dirección',
    notes: 'notas',
    status: 'estado',
    do_not_contact: 'no contactar',
    billing_name: 'nombre de facturación',
    billing_tax_id: 'NIF de facturación',
    billing_address: 'dirección de facturación',
    billing_email: 'email de facturación',
    allergies: 'alergias',
    medications: 'medicación',
    conditions: 'enfermedades',
    patient_id: 'paciente',
    professional_id: 'profesional',
    cabinet_id: 'gabinete',
    start_time: 'hora',
    end_time: 'duración',
    reason: 'motivo',
  },
  patient: {
    created: 'Ficha de paciente creada',
    updated: 'Datos del paciente actualizados',
    archived: 'Paciente archivado',
    restored: 'Paciente recuperado del archivo',
    medicalUpdated: 'Historia médica actualizada',
    updatedBy: name => `Actualizada por ${name}`,
  },
  appointment: {
    scheduled: when => (when ? `Cita programada para el ${when}` : 'Cita programada'),
    moved: when => (when ? `Cita movida al ${when}` : 'Cita movida'),
    updated: when => (when ? `Cita del ${when} modificada` : 'Cita modificada'),
    status: (when, status) => (when ? `Cita del ${when}: ${status}` : `Cita: ${status}`),
    completed: when => (when ? `Cita del ${when} completada` : 'Cita completada'),
    cancelled: when => (when ? `Cita del ${when} cancelada` : 'Cita cancelada'),
    noShow: when => (when ? `No acudió a la cita del ${when}` : 'No acudió a la cita'),
  },
  statuses: {
    scheduled: 'programada',
    confirmed: 'confirmada',
    checked_in: 'paciente en la clínica',
    in_treatment: 'en tratamiento',
    completed: 'completada',
    cancelled: 'cancelada',
    no_show: 'no acudió',
  },
  budget: {
    created: n => (n ? `Presupuesto ${n} creado` : 'Presupuesto creado'),
    sent: n => (n ? `Presupuesto ${n} enviado` : 'Presupuesto enviado'),
    accepted: n => (n ? `Presupuesto ${n} aceptado` : 'Presupuesto aceptado'),
    rejected: n => (n ? `Presupuesto ${n} rechazado` : 'Presupuesto rechazado'),
  },
  invoice: {
    created: n => (n ? `Factura ${n} creada` : 'Factura creada'),
    issued: n => (n ? `Factura ${n} emitida` : 'Factura emitida'),
    sent: n => (n ? `Factura ${n} enviada` : 'Factura enviada'),
    paid: n => (n ? `Factura ${n} cobrada` : 'Factura cobrada'),
  },
  payment: { recorded: amount => (amount ? `Pago de ${amount} registrado` : 'Pago registrado') },
  document: { uploaded: title => (title ? `Documento subido: ${title}` : 'Documento subido') },
  documentTypes: { consent: 'Consentimiento', xray: 'Radiografía', photo: 'Fotografía', report: 'Informe', prescription: 'Receta', other: 'Otro documento' },
  clinical: CLINICAL_ES,
  plans: PLANS_ES,
}

export const TIMELINE_TEXTS: Record<TimelineLanguage, TimelineTexts> = { en, es }

/** The clinic's language when we write it, English otherwise. */
export function timelineLanguage(language: string | null | undefined): TimelineLanguage {
  const base = (language ?? '').toLowerCase().split(/[-_]/)[0]
  return (TIMELINE_LANGUAGES as readonly string[]).includes(base ?? '') ? base as TimelineLanguage : 'en'
}

/** "Tue 2 Dec, 10:00" / "mar 2 dic, 10:00" in the clinic's time zone (an unknown zone falls back to UTC). */
export function formatWhen(date: Date, texts: TimelineTexts, timeZone: string | null | undefined): string {
  const parts = new Intl.DateTimeFormat(texts.locale, {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: knownTimeZone(timeZone) ?? 'UTC',
  }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find(p => p.type === type)?.value ?? ''
  return `${part('weekday').replace(/\.$/, '')} ${part('day')} ${part('month').replace(/\.$/, '')}, ${part('hour')}:${part('minute')}`
}

/** An amount in the clinic's language and currency; the raw value when it cannot be formatted. */
export function formatAmount(amount: string | number, currency: string | null, texts: TimelineTexts): string {
  const value = typeof amount === 'number' ? amount : Number(amount)
  if (!currency || !Number.isFinite(value)) return String(amount)
  try {
    return new Intl.NumberFormat(texts.locale, { style: 'currency', currency }).format(value)
  }
  catch {
    return `${amount} ${currency}`
  }
}

/** Changed field names, in the clinic's language ("phone, email"); unknown names as they came. */
export function describeChanges(changes: readonly string[], texts: TimelineTexts): string {
  const labels = [...new Set(changes.map(c => texts.fields[c] ?? c.replace(/_/g, ' ')))]
  return texts.changed(labels.join(', '))
}
