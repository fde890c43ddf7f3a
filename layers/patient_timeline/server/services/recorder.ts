// Turns core events into timeline entries (the only way entries are written).
// Each event whose payload names a patient and a clinic (the catalog's keys,
// or the richer payload the official modules send: see the optional keys in
// server/platform/events/catalog.ts) becomes one entry in the clinic's
// language; events without a patient are skipped. Everything comes from the
// payload: the timeline reads no other module's tables. Never throws for a payload
// it cannot use: it logs why (ids only, never patient data) and moves on.
import { consola } from 'consola'
import type { Kysely } from 'kysely'
import type { EventType } from '#dentalpin'
import type { TimelineCategory } from '../../models'
import { findClinicLocale, findUserName, insertEntry, patientExistsInClinic } from '../repositories/timeline'
import type { NewTimelineEntry, TimelineDb } from '../repositories/timeline'
import { describeChanges, formatAmount, formatWhen, TIMELINE_TEXTS, timelineLanguage } from './texts'
import type { TimelineTexts } from './texts'
import { clinicalText, planText } from './clinical'
import { date, list, text, uuid } from './payload'

const log = consola.withTag('app.modules.patient_timeline')

/**
 * Events modules publish outside the core catalog that the timeline follows
 * by name (odontogram: `{entry_id, patient_id, clinic_id, clinical_type, teeth}`;
 * treatment_plan: `{plan_id, patient_id, clinic_id, number}` + `items, total`
 * on proposed and `reason` on closed).
 */
type ModuleEvent = 'odontogram.treatment_planned' | `treatment_plan.${'created' | 'proposed' | 'accepted' | 'completed' | 'closed'}`

/** Every catalog event the timeline follows (all of them but clinic.created), and the modules' events above. */
export const TIMELINE_EVENTS = [
  'patient.created', 'patient.updated', 'patient.archived', 'patient.medical_updated',
  'appointment.scheduled', 'appointment.updated', 'appointment.completed', 'appointment.cancelled', 'appointment.no_show',
  'treatment.completed',
  'budget.created', 'budget.sent', 'budget.accepted', 'budget.rejected',
  'invoice.created', 'invoice.issued', 'invoice.sent', 'invoice.paid',
  'payment.recorded',
  'document.uploaded',
  'clinical_note.created', 'clinical_note.amended',
  'odontogram.treatment_planned',
  'treatment_plan.created', 'treatment_plan.proposed', 'treatment_plan.accepted', 'treatment_plan.completed', 'treatment_plan.closed',
] as const satisfies readonly (EventType | ModuleEvent)[]
export type TimelineEvent = (typeof TIMELINE_EVENTS)[number]

/**
 * Events that happen once per source (an appointment completes once, an
 * invoice is created once): a second delivery of one of them is a retry and
 * is not recorded again. The others (updates, sending again, archiving after
 * a restore) are recorded every time.
 */
const ONCE_PER_SOURCE: ReadonlySet<TimelineEvent> = new Set<TimelineEvent>([
  'patient.created', 'appointment.scheduled', 'appointment.completed', 'appointment.cancelled', 'appointment.no_show',
  'treatment.completed', 'budget.created', 'budget.accepted', 'budget.rejected',
  'invoice.created', 'invoice.issued', 'invoice.paid', 'payment.recorded', 'document.uploaded',
  'clinical_note.created', 'odontogram.treatment_planned', 'treatment_plan.created', 'treatment_plan.completed',
])

/** Final appointment statuses have events of their own: an update to one of them is not recorded twice. */
const FINAL_STATUSES = new Set(['completed', 'cancelled', 'no_show'])

export type RecordResult = 'recorded' | 'duplicate' | 'skipped'

type Payload = Record<string, unknown>

/** Who and what an event is about, once resolved. */
interface Subject {
  clinicId: string
  patientId: string
  sourceType: string
  sourceId: string | null
  /** The appointment's start, for appointment events. */
  start?: Date | null
  reason?: string | null
  /** The appointment's status after the change, as the payload tells it. */
  status?: string | null
}

interface Text {
  title: string
  description: string | null
}

const CATEGORY: Record<TimelineEvent, TimelineCategory> = {
  'patient.created': 'note',
  'patient.updated': 'note',
  'patient.archived': 'note',
  'patient.medical_updated': 'medical',
  'appointment.scheduled': 'visit',
  'appointment.updated': 'visit',
  'appointment.completed': 'visit',
  'appointment.cancelled': 'visit',
  'appointment.no_show': 'visit',
  'treatment.completed': 'treatment',
  'budget.created': 'financial',
  'budget.sent': 'financial',
  'budget.accepted': 'financial',
  'budget.rejected': 'financial',
  'invoice.created': 'financial',
  'invoice.issued': 'financial',
  'invoice.sent': 'financial',
  'invoice.paid': 'financial',
  'payment.recorded': 'financial',
  'document.uploaded': 'document',
  'clinical_note.created': 'note',
  'clinical_note.amended': 'note',
  'odontogram.treatment_planned': 'treatment',
  'treatment_plan.created': 'treatment',
  'treatment_plan.proposed': 'treatment',
  'treatment_plan.accepted': 'treatment',
  'treatment_plan.completed': 'treatment',
  'treatment_plan.closed': 'treatment',
}

/** Event families whose source is not `<family>_id` of the payload. */
const SOURCES: Record<string, { type: string, key: string }> = {
  clinical_note: { type: 'clinical_note', key: 'note_id' },
  odontogram: { type: 'odontogram_entry', key: 'entry_id' },
  treatment_plan: { type: 'treatment_plan', key: 'plan_id' },
}

/** The id field of each event's source and the source type stored with the entry. */
function sourceOf(event: TimelineEvent): { type: string, key: string } {
  const family = event.slice(0, event.indexOf('.'))
  return SOURCES[family] ?? { type: family, key: `${family}_id` }
}

/**
 * Records `event` on the patient's timeline. `occurredAt` defaults to the
 * moment of delivery (taken before any await, so entries keep the order the
 * events were published in).
 */
export async function recordTimelineEvent(db: Kysely<TimelineDb>, event: TimelineEvent, payload: Payload, occurredAt: Date = new Date()): Promise<RecordResult> {
  const subject = event.startsWith('appointment.') ? appointmentSubject(event, payload) : directSubject(event, payload)
  if (!subject) return 'skipped'

  const clinic = await findClinicLocale(db, subject.clinicId)
  if (!clinic) return skip(event, 'unknown clinic')
  if (!(await patientExistsInClinic(db, subject.clinicId, subject.patientId))) return skip(event, 'patient not in this clinic')

  const texts = TIMELINE_TEXTS[timelineLanguage(clinic.language)]
  const written = await write(db, event, payload, subject, texts, clinic)
  if (!written) return 'skipped'

  const entry: NewTimelineEntry = {
    clinic_id: subject.clinicId,
    patient_id: subject.patientId,
    event_type: event,
    category: CATEGORY[event],
    title: written.title,
    description: written.description,
    data: payload,
    occurred_at: occurredAt,
    source_type: subject.sourceType,
    source_id: subject.sourceId,
    dedupe_key: dedupeKey(event, subject),
  }
  if (!(await insertEntry(db, entry))) {
    log.debug(`${event} for ${subject.sourceType} ${subject.sourceId} already recorded`)
    return 'duplicate'
  }
  return 'recorded'
}

/**
 * What makes a once-per-source event the same event again (the migration
 * 20261128000000 fills existing rows with this very format); null for the
 * events recorded every time and for a source without an id.
 */
function dedupeKey(event: TimelineEvent, subject: Subject): string | null {
  if (!ONCE_PER_SOURCE.has(event) || !subject.sourceId) return null
  return `${subject.patientId}:${event}:${subject.sourceType}:${subject.sourceId}`
}

function skip(event: string, why: string): 'skipped' {
  log.debug(`${event} not recorded: ${why}`)
  return 'skipped'
}

function noSubject(event: string, why: string): null {
  skip(event, why)
  return null
}

/** Events that carry their patient and clinic (the catalog's, or a richer payload's). */
function directSubject(event: TimelineEvent, payload: Payload): Subject | null {
  const clinicId = uuid(payload.clinic_id)
  const patientId = uuid(payload.patient_id)
  if (!clinicId || !patientId) return noSubject(event, payload.patient_id == null ? 'no patient in the payload' : 'malformed ids')
  const source = sourceOf(event)
  return { clinicId, patientId, sourceType: source.type, sourceId: text(payload[source.key], 100) }
}

/**
 * Appointment events: the patient, clinic, time, reason and status the agenda
 * sends with every one of them. An appointment without a patient (a blocked
 * slot, `patient_id: null`) is not anybody's history, and neither is one
 * whose payload does not say whose it is.
 */
function appointmentSubject(event: TimelineEvent, payload: Payload): Subject | null {
  const appointmentId = uuid(payload.appointment_id)
  if (!appointmentId) return noSubject(event, 'malformed appointment id')
  if (payload.patient_id === null) return noSubject(event, `appointment ${appointmentId} has no patient`)
  const clinicId = uuid(payload.clinic_id)
  const patientId = uuid(payload.patient_id)
  if (!clinicId || !patientId) return noSubject(event, `appointment ${appointmentId}: no patient and clinic in the payload`)
  return {
    clinicId,
    patientId,
    sourceType: 'appointment',
    sourceId: appointmentId,
    start: date(payload.start_time),
    reason: text(payload.reason, 500),
    status: text(payload.status) ?? text(payload.to_status),
  }
}

/** The entry's title and description in the clinic's language; null when the event is not worth an entry. */
async function write(db: Kysely<TimelineDb>, event: TimelineEvent, payload: Payload, subject: Subject, t: TimelineTexts, clinic: { timezone: string, currency: string }): Promise<Text | null> {
  const when = subject.start ? formatWhen(subject.start, t, clinic.timezone) : null
  const changes = list(payload.changes)
  const changed = (fields: string[]) => (fields.length ? describeChanges(fields, t) : null)
  switch (event) {
    case 'patient.created':
      return { title: t.patient.created, description: null }
    case 'patient.updated':
      // Restoring an archived patient is the only change of `status` alone (archiving has its own event).
      if (changes.length === 1 && changes[0] === 'status') return { title: t.patient.restored, description: null }
      return { title: t.patient.updated, description: changed(changes) }
    case 'patient.archived':
      return { title: t.patient.archived, description: null }
    case 'patient.medical_updated': {
      const userId = uuid(payload.user_id)
      const author = userId ? await findUserName(db, userId) : null
      const parts = [changed(changes), author ? t.patient.updatedBy(author) : null].filter(Boolean)
      return { title: t.patient.medicalUpdated, description: parts.length ? parts.join(' · ') : null }
    }
    case 'appointment.scheduled':
      return { title: t.appointment.scheduled(when), description: subject.reason ?? null }
    case 'appointment.updated':
      return appointmentUpdate(subject, changes, when, t)
    case 'appointment.completed':
      return { title: t.appointment.completed(when), description: text(payload.note, 1000) }
    case 'appointment.cancelled':
      return { title: t.appointment.cancelled(when), description: text(payload.note, 1000) }
    case 'appointment.no_show':
      return { title: t.appointment.noShow(when), description: text(payload.note, 1000) }
    case 'treatment.completed':
    case 'odontogram.treatment_planned':
    case 'clinical_note.created':
    case 'clinical_note.amended':
      return clinicalText(event, payload, t, clinic.currency)
    case 'treatment_plan.created':
    case 'treatment_plan.proposed':
    case 'treatment_plan.accepted':
    case 'treatment_plan.completed':
    case 'treatment_plan.closed':
      return planText(event, payload, t, clinic.currency)
    case 'budget.created':
    case 'budget.sent':
    case 'budget.accepted':
    case 'budget.rejected':
      return { title: t.budget[event.slice('budget.'.length) as keyof TimelineTexts['budget']](text(payload.number, 50) ?? text(payload.budget_number, 50)), description: null }
    case 'invoice.created':
    case 'invoice.issued':
    case 'invoice.sent':
    case 'invoice.paid':
      return { title: t.invoice[event.slice('invoice.'.length) as keyof TimelineTexts['invoice']](text(payload.number, 50) ?? text(payload.invoice_number, 50)), description: null }
    case 'payment.recorded': {
      const amount = typeof payload.amount === 'number' || typeof payload.amount === 'string' ? payload.amount : null
      return { title: t.payment.recorded(amount === null ? null : formatAmount(amount, text(payload.currency, 3) ?? clinic.currency, t)), description: null }
    }
    case 'document.uploaded': {
      const type = text(payload.document_type, 50)
      return { title: t.document.uploaded(text(payload.title)), description: type ? (t.documentTypes[type] ?? type) : null }
    }
  }
}

function appointmentUpdate(subject: Subject, changes: string[], when: string | null, t: TimelineTexts): Text | null {
  const status = subject.status ?? null
  // Moving to completed/cancelled/no-show is recorded by that event itself.
  if (status && FINAL_STATUSES.has(status) && (changes.length === 0 || changes.includes('status'))) return null
  const others = changes.filter(c => c !== 'status' && c !== 'updated_at')
  // Moving keeps the duration: "time" says it all.
  const fields = others.includes('start_time') ? others.filter(c => c !== 'end_time') : others
  if (status && (changes.length === 0 || changes.includes('status'))) {
    return { title: t.appointment.status(when, t.statuses[status] ?? status.replace(/_/g, ' ')), description: fields.length ? describeChanges(fields, t) : null }
  }
  const title = changes.includes('start_time') ? t.appointment.moved(when) : t.appointment.updated(when)
  return { title, description: fields.length ? describeChanges(fields, t) : null }
}
