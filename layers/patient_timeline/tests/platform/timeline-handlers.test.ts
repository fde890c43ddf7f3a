// patient_timeline's event handlers in-process on a real database: the
// official modules installed from their layers, catalog events (and the
// odontogram's treatment_planned, followed by name) published on
// the bus, and the entries they leave (one per event, in the clinic's
// language and time zone). Everything an entry says comes from the payload:
// the appointments named here are not in the agenda's table. Then the module
// is force-uninstalled: its handlers stop, its table goes, patients keeps working.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDatabase } from '../../../../server/db'
import { eventBus } from '../../../../server/platform/events/bus'
import { startPlatform, stopPlatform } from '../../../../server/platform'
import type { Platform } from '../../../../server/platform'
import { openTestDb } from '../../../../tests/support/database'
import type { OpenTestDb } from '../../../../tests/support/database'
import { officialEntries } from '../../../../tests/support/official-modules'
import { moduleRow, tableNames, useTempStorage } from '../../../../tests/support/platform-fixtures'
import { recordTimelineEvent } from '../../server/services/recorder'

let t: OpenTestDb
let db: Kysely<any>
let platform: Platform
let storage: { restore: () => void }

const MISSING = '00000000-0000-4000-8000-000000000000'
// Tue 2 Dec 2025, 10:00 in Madrid (UTC+1), 03:00 in Mexico City (UTC-6).
const START = '2025-12-02T09:00:00.000Z'
const END = '2025-12-02T09:30:00.000Z'

interface World {
  clinic: string
  patient: string
  appointment: string
}
/** What the agenda publishes with every appointment event. */
const facts = (w: World, extra: Record<string, unknown> = {}) => ({ appointment_id: w.appointment, clinic_id: w.clinic, patient_id: w.patient, professional_id: userId, start_time: START, end_time: END, ...extra })
let en: World
let es: World
let other: World
let userId: string
let blockedSlot: string

async function clinic(name: string, language: string, timezone: string): Promise<string> {
  const row = await db.insertInto('clinics').values({ name, language, timezone, currency: 'EUR' }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

async function patient(clinicId: string, firstName: string): Promise<string> {
  const row = await db.insertInto('patients').values({ clinic_id: clinicId, first_name: firstName, last_name: 'Test' }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

async function world(name: string, language: string, timezone: string): Promise<World> {
  const c = await clinic(name, language, timezone)
  const p = await patient(c, name)
  return { clinic: c, patient: p, appointment: randomUUID() }
}

interface Entry { event_type: string, category: string, title: string, description: string | null, source_type: string | null, source_id: string | null, data: Record<string, unknown> }

async function entries(patientId: string): Promise<Entry[]> {
  return db.selectFrom('patient_timeline').select(['event_type', 'category', 'title', 'description', 'source_type', 'source_id', 'data'])
    .where('patient_id', '=', patientId).orderBy('occurred_at').orderBy('created_at').execute()
}

async function clearTimeline() {
  await db.deleteFrom('patient_timeline').execute()
}

/** Publishes one event, waits for its handlers and returns the entries written for the patient. */
async function publish(event: string, payload: Record<string, unknown>, patientId: string): Promise<Entry[]> {
  await clearTimeline()
  eventBus.publish(event, payload)
  await eventBus.drain()
  return entries(patientId)
}

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  db = t.db
  // The handlers reach the database through useDb(), as they do in the server.
  setDatabase(t.handle)
  platform = await startPlatform(t.db, officialEntries())
  const user = await db.insertInto('users').values({ email: 'dr@clinic.test', first_name: 'Marta', last_name: 'Ruiz' }).returning('id').executeTakeFirstOrThrow()
  userId = user.id
  en = await world('English clinic', 'en', 'Europe/Madrid')
  es = await world('Clínica española', 'es', 'America/Mexico_City')
  other = await world('Other clinic', 'en', 'UTC')
  blockedSlot = randomUUID()
})

afterAll(async () => {
  stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('patient events', () => {
  it('patient.created, updated, archived and medical_updated each write one entry in English', async () => {
    const { clinic: clinic_id, patient: patient_id } = en
    expect(await publish('patient.created', { patient_id, clinic_id }, patient_id)).toEqual([
      { event_type: 'patient.created', category: 'note', title: 'Patient record created', description: null, source_type: 'patient', source_id: patient_id, data: { patient_id, clinic_id } },
    ])
    expect(await publish('patient.updated', { patient_id, clinic_id, changes: ['phone', 'email', 'billing_tax_id'] }, patient_id)).toMatchObject([
      { event_type: 'patient.updated', category: 'note', title: 'Patient details updated', description: 'Changed: phone, email, billing tax ID' },
    ])
    expect(await publish('patient.archived', { patient_id, clinic_id }, patient_id)).toMatchObject([
      { event_type: 'patient.archived', category: 'note', title: 'Patient archived', description: null },
    ])
    // Restoring publishes an update of `status` alone.
    expect(await publish('patient.updated', { patient_id, clinic_id, changes: ['status'] }, patient_id)).toMatchObject([
      { event_type: 'patient.updated', category: 'note', title: 'Patient restored from the archive', description: null },
    ])
    expect(await publish('patient.medical_updated', { patient_id, clinic_id, user_id: userId }, patient_id)).toMatchObject([
      { event_type: 'patient.medical_updated', category: 'medical', title: 'Medical history updated', description: 'Updated by Marta Ruiz' },
    ])
  })

  it('writes in Spanish for a Spanish clinic', async () => {
    const { clinic: clinic_id, patient: patient_id } = es
    expect(await publish('patient.created', { patient_id, clinic_id }, patient_id)).toMatchObject([{ title: 'Ficha de paciente creada' }])
    expect(await publish('patient.updated', { patient_id, clinic_id, changes: ['phone', 'date_of_birth'] }, patient_id)).toMatchObject([
      { title: 'Datos del paciente actualizados', description: 'Cambios: teléfono, fecha de nacimiento' },
    ])
    expect(await publish('patient.medical_updated', { patient_id, clinic_id, user_id: userId, changes: ['allergies'] }, patient_id)).toMatchObject([
      { category: 'medical', title: 'Historia médica actualizada', description: 'Cambios: alergias · Actualizada por Marta Ruiz' },
    ])
  })

  it('records nothing for a patient of another clinic or one that does not exist', async () => {
    expect(await publish('patient.created', { patient_id: other.patient, clinic_id: en.clinic }, other.patient)).toEqual([])
    expect(await publish('patient.created', { patient_id: MISSING, clinic_id: en.clinic }, MISSING)).toEqual([])
    expect(await recordTimelineEvent(db, 'patient.created', { patient_id: 'not-a-uuid', clinic_id: en.clinic })).toBe('skipped')
    expect(await recordTimelineEvent(db, 'patient.created', { patient_id: en.patient, clinic_id: MISSING })).toBe('skipped')
  })
})

describe('appointment events', () => {
  it('appointment.scheduled names the time in the clinic\'s time zone and language, and the reason', async () => {
    const payload = facts(en, { reason: 'Check-up' })
    expect(await publish('appointment.scheduled', payload, en.patient)).toEqual([{
      event_type: 'appointment.scheduled',
      category: 'visit',
      title: 'Appointment scheduled for Tue 2 Dec, 10:00',
      description: 'Check-up',
      source_type: 'appointment',
      source_id: en.appointment,
      data: payload,
    }])
    expect(await publish('appointment.scheduled', facts(es, { reason: 'Revisión' }), es.patient))
      .toMatchObject([{ category: 'visit', title: 'Cita programada para el mar 2 dic, 03:00', description: 'Revisión' }])
    expect(await publish('appointment.scheduled', facts(en, { reason: null }), en.patient)).toMatchObject([{ description: null }])
  })

  it('uses the time the payload carries, and names none without one', async () => {
    expect(await publish('appointment.completed', facts(en, { start_time: '2025-12-05T15:15:00+01:00', end_time: '2025-12-05T16:00:00+01:00' }), en.patient)).toMatchObject([
      { event_type: 'appointment.completed', category: 'visit', title: 'Appointment on Fri 5 Dec, 15:15 completed' },
    ])
    expect(await publish('appointment.completed', facts(en, { start_time: undefined }), en.patient)).toMatchObject([
      { event_type: 'appointment.completed', title: 'Appointment completed' },
    ])
  })

  it('appointment.completed, cancelled and no_show with their note', async () => {
    expect(await publish('appointment.cancelled', facts(es, { note: 'Llamó para anular' }), es.patient)).toMatchObject([
      { event_type: 'appointment.cancelled', title: 'Cita del mar 2 dic, 03:00 cancelada', description: 'Llamó para anular', source_type: 'appointment', source_id: es.appointment },
    ])
    expect(await publish('appointment.no_show', facts(en, { note: null }), en.patient)).toMatchObject([
      { event_type: 'appointment.no_show', category: 'visit', title: 'Missed appointment on Tue 2 Dec, 10:00', description: null },
    ])
  })

  it('appointment.updated: status changes, moves and edits; final statuses are left to their own events', async () => {
    expect(await publish('appointment.updated', facts(en, { changes: ['status'], status: 'confirmed' }), en.patient)).toMatchObject([
      { event_type: 'appointment.updated', category: 'visit', title: 'Appointment on Tue 2 Dec, 10:00: confirmed', description: null },
    ])
    expect(await publish('appointment.updated', facts(en, { changes: ['start_time', 'end_time'], status: 'scheduled', start_time: '2025-12-03T08:00:00Z' }), en.patient)).toMatchObject([
      { title: 'Appointment moved to Wed 3 Dec, 09:00', description: 'Changed: time' },
    ])
    expect(await publish('appointment.updated', facts(en, { changes: ['cabinet_id', 'reason'], status: 'scheduled' }), en.patient)).toMatchObject([
      { title: 'Appointment on Tue 2 Dec, 10:00 updated', description: 'Changed: cabinet, reason' },
    ])
    expect(await publish('appointment.updated', facts(en, { changes: ['status'], status: 'completed' }), en.patient)).toEqual([])
    expect(await publish('appointment.updated', facts(es, { changes: ['status'], to_status: 'in_treatment' }), es.patient)).toMatchObject([
      { title: 'Cita del mar 2 dic, 03:00: en tratamiento' },
    ])
  })

  it('skips blocked slots and payloads that do not say whose appointment it is (it reads no agenda table)', async () => {
    await clearTimeline()
    expect(await recordTimelineEvent(db, 'appointment.scheduled', { appointment_id: blockedSlot, patient_id: null, clinic_id: en.clinic })).toBe('skipped')
    expect(await recordTimelineEvent(db, 'appointment.completed', { ...facts(en), appointment_id: blockedSlot, patient_id: null })).toBe('skipped')
    // The catalog minimum names the appointment only.
    expect(await recordTimelineEvent(db, 'appointment.completed', { appointment_id: en.appointment })).toBe('skipped')
    expect(await recordTimelineEvent(db, 'appointment.updated', { appointment_id: en.appointment, clinic_id: en.clinic, changes: ['status'] })).toBe('skipped')
    expect(await recordTimelineEvent(db, 'appointment.completed', { ...facts(en), appointment_id: 'nope' })).toBe('skipped')
    // Another clinic's patient under this clinic.
    expect(await recordTimelineEvent(db, 'appointment.completed', { ...facts(other), clinic_id: en.clinic })).toBe('skipped')
    expect(await db.selectFrom('patient_timeline').select('id').execute()).toEqual([])
  })

  it('a retried one-time event is recorded once; repeated updates are recorded each time', async () => {
    await clearTimeline()
    for (let i = 0; i < 2; i++) {
      eventBus.publish('appointment.completed', facts(en))
      await eventBus.drain()
    }
    expect(await recordTimelineEvent(db, 'appointment.completed', facts(en))).toBe('duplicate')
    const payload = { patient_id: en.patient, clinic_id: en.clinic, changes: ['phone'] }
    eventBus.publish('patient.updated', payload)
    await eventBus.drain()
    eventBus.publish('patient.updated', payload)
    await eventBus.drain()
    const events = (await entries(en.patient)).map(e => e.event_type)
    expect(events.filter(e => e === 'appointment.completed')).toHaveLength(1)
    expect(events.filter(e => e === 'patient.updated')).toHaveLength(2)
  })

  it('two concurrent deliveries of a one-time event write one entry', async () => {
    await clearTimeline()
    const payload = facts(en)
    // Published back to back, the handlers run at the same time (no drain in between).
    eventBus.publish('appointment.scheduled', payload)
    eventBus.publish('appointment.scheduled', payload)
    await eventBus.drain()
    const results = await Promise.all([0, 1, 2].map(() => recordTimelineEvent(db, 'appointment.completed', payload)))
    expect(results.sort()).toEqual(['duplicate', 'duplicate', 'recorded'])
    const events = (await entries(en.patient)).map(e => e.event_type)
    expect(events.filter(e => e === 'appointment.scheduled')).toHaveLength(1)
    expect(events.filter(e => e === 'appointment.completed')).toHaveLength(1)
  })
})

describe('treatment, financial and document events', () => {
  it('treatment.completed is a treatment entry', async () => {
    const payload = { treatment_id: 'tr-1', patient_id: en.patient, clinic_id: en.clinic, name: 'Composite filling 16' }
    expect(await publish('treatment.completed', payload, en.patient)).toEqual([
      { event_type: 'treatment.completed', category: 'treatment', title: 'Treatment completed: Composite filling 16', description: null, source_type: 'treatment', source_id: 'tr-1', data: payload },
    ])
  })

  it('treatment.completed as the odontogram publishes it names the teeth and the price, in English and Spanish', async () => {
    const enPayload = { treatment_id: randomUUID(), patient_id: en.patient, clinic_id: en.clinic, catalog_item_id: randomUUID(), teeth: [{ tooth: 16, surfaces: ['O'], role: null }], price: '60.00' }
    expect(await publish('treatment.completed', enPayload, en.patient)).toEqual([
      { event_type: 'treatment.completed', category: 'treatment', title: 'Treatment completed on tooth 16', description: 'Price: €60.00', source_type: 'treatment', source_id: enPayload.treatment_id, data: enPayload },
    ])
    const esPayload = { treatment_id: randomUUID(), patient_id: es.patient, clinic_id: es.clinic, catalog_item_id: randomUUID(), teeth: [{ tooth: 14, role: 'pillar' }, { tooth: 15, role: 'pontic' }, { tooth: 16, role: 'pillar' }], price: '450.00' }
    expect(await publish('treatment.completed', esPayload, es.patient)).toMatchObject([
      { category: 'treatment', title: 'Tratamiento realizado en los dientes 14, 15 y 16', description: 'Precio: 450,00\u00A0€', source_id: esPayload.treatment_id },
    ])
  })

  it('odontogram.treatment_planned names the clinical type and the teeth, once per entry', async () => {
    const entry = randomUUID()
    const enPayload = { entry_id: entry, patient_id: en.patient, clinic_id: en.clinic, clinical_type: 'filling' as const, teeth: [{ tooth: 16, surfaces: ['O' as const], role: null }], catalog_item_id: null, price: null }
    expect(await publish('odontogram.treatment_planned', enPayload, en.patient)).toEqual([
      { event_type: 'odontogram.treatment_planned', category: 'treatment', title: 'Treatment planned: filling on tooth 16', description: null, source_type: 'odontogram_entry', source_id: entry, data: enPayload },
    ])
    // Delivered again: still one entry.
    eventBus.publish('odontogram.treatment_planned', enPayload)
    await eventBus.drain()
    expect(await entries(en.patient)).toHaveLength(1)
    const esPayload = { entry_id: randomUUID(), patient_id: es.patient, clinic_id: es.clinic, clinical_type: 'root_canal' as const, teeth: [{ tooth: 36, surfaces: [], role: null }], catalog_item_id: null, price: null }
    expect(await publish('odontogram.treatment_planned', esPayload, es.patient)).toMatchObject([
      { category: 'treatment', title: 'Tratamiento planificado: endodoncia en el diente 36', description: null, source_type: 'odontogram_entry' },
    ])
  })

  it('treatment_plan events name the plan; a proposal counts its treatments and total, a closure says why', async () => {
    const plan = randomUUID()
    const who = { plan_id: plan, patient_id: en.patient, clinic_id: en.clinic, number: 'PLAN-2026-0007' }
    expect(await publish('treatment_plan.created', who, en.patient)).toEqual([
      { event_type: 'treatment_plan.created', category: 'treatment', title: 'Treatment plan PLAN-2026-0007 created', description: null, source_type: 'treatment_plan', source_id: plan, data: who },
    ])
    const item = () => ({ item_id: randomUUID(), treatment_id: randomUUID(), catalog_item_id: null, clinical_type: 'filling' as const, teeth: [], price: '62.50', phase: 3, sessions: [] })
    const items = [item(), item()]
    expect(await publish('treatment_plan.proposed', { ...who, items, total: '125.00' }, en.patient)).toMatchObject([
      { title: 'Treatment plan PLAN-2026-0007 proposed to the patient', description: '2 treatments · Total: €125.00', source_id: plan },
    ])
    expect(await publish('treatment_plan.accepted', who, en.patient)).toMatchObject([{ title: 'Treatment plan PLAN-2026-0007 accepted', description: null }])
    expect(await publish('treatment_plan.completed', who, en.patient)).toMatchObject([{ title: 'Treatment plan PLAN-2026-0007 completed' }])
    expect(await publish('treatment_plan.closed', { ...who, reason: 'rejected_by_patient' }, en.patient)).toMatchObject([{ title: 'Treatment plan PLAN-2026-0007 closed', description: 'Rejected by the patient' }])
    // Proposed again after a reopen: recorded again; created twice (a retry): once (handlers run concurrently: any order).
    eventBus.publish('treatment_plan.proposed', { ...who, items, total: '125.00' })
    eventBus.publish('treatment_plan.proposed', { ...who, items, total: '125.00' })
    eventBus.publish('treatment_plan.created', who)
    eventBus.publish('treatment_plan.created', who)
    await eventBus.drain()
    expect((await entries(en.patient)).map(e => e.event_type).sort()).toEqual(['treatment_plan.closed', 'treatment_plan.created', 'treatment_plan.proposed', 'treatment_plan.proposed'])

    const esWho = { plan_id: randomUUID(), patient_id: es.patient, clinic_id: es.clinic, number: 'PLAN-2026-0008' }
    expect(await publish('treatment_plan.created', esWho, es.patient)).toMatchObject([{ title: 'Plan de tratamiento PLAN-2026-0008 creado' }])
    expect(await publish('treatment_plan.proposed', { ...esWho, items: [{ item_id: randomUUID() }], total: '60.00' }, es.patient)).toMatchObject([
      { title: 'Plan de tratamiento PLAN-2026-0008 propuesto al paciente', description: '1 tratamiento · Total: 60,00\u00A0€' },
    ])
    expect(await publish('treatment_plan.accepted', esWho, es.patient)).toMatchObject([{ title: 'Plan de tratamiento PLAN-2026-0008 aceptado' }])
    expect(await publish('treatment_plan.completed', esWho, es.patient)).toMatchObject([{ title: 'Plan de tratamiento PLAN-2026-0008 completado' }])
    expect(await publish('treatment_plan.closed', { ...esWho, reason: 'patient_abandoned' }, es.patient)).toMatchObject([{ title: 'Plan de tratamiento PLAN-2026-0008 cerrado', description: 'El paciente dejó de venir' }])
  })

  it('clinical_note.created and amended say which kind of note, never its text', async () => {
    const note = randomUUID()
    const created = { note_id: note, patient_id: en.patient, clinic_id: en.clinic, type: 'diagnosis' }
    expect(await publish('clinical_note.created', created, en.patient)).toEqual([
      { event_type: 'clinical_note.created', category: 'note', title: 'Diagnosis note added', description: null, source_type: 'clinical_note', source_id: note, data: created },
    ])
    expect(await publish('clinical_note.amended', created, en.patient)).toMatchObject([
      { event_type: 'clinical_note.amended', category: 'note', title: 'Diagnosis note amended', description: null, source_id: note },
    ])
    const esNote = { note_id: randomUUID(), patient_id: es.patient, clinic_id: es.clinic, type: 'progress' }
    expect(await publish('clinical_note.created', esNote, es.patient)).toMatchObject([{ title: 'Nota de evolución añadida', category: 'note' }])
    expect(await publish('clinical_note.amended', { ...esNote, type: 'administrative' }, es.patient)).toMatchObject([{ title: 'Nota administrativa enmendada' }])
  })

  it('budget, invoice and payment events are recorded when their payload names the patient', async () => {
    const who = { patient_id: es.patient, clinic_id: es.clinic }
    const cases: [string, Record<string, unknown>, string][] = [
      ['budget.created', { budget_id: 'b-1', number: 'P-2025-7' }, 'Presupuesto P-2025-7 creado'],
      ['budget.sent', { budget_id: 'b-1' }, 'Presupuesto enviado'],
      ['budget.accepted', { budget_id: 'b-1' }, 'Presupuesto aceptado'],
      ['budget.rejected', { budget_id: 'b-2' }, 'Presupuesto rechazado'],
      ['invoice.created', { invoice_id: 'i-1' }, 'Factura creada'],
      ['invoice.issued', { invoice_id: 'i-1', number: 'F-2025-0001' }, 'Factura F-2025-0001 emitida'],
      ['invoice.sent', { invoice_id: 'i-1' }, 'Factura enviada'],
      ['invoice.paid', { invoice_id: 'i-1' }, 'Factura cobrada'],
      ['payment.recorded', { payment_id: 'pay-1', invoice_id: 'i-1', amount: '120.50' }, 'Pago de 120,50\u00A0€ registrado'],
    ]
    for (const [event, extra, title] of cases) {
      const written = await publish(event, { ...extra, ...who }, es.patient)
      expect(written, event).toMatchObject([{ event_type: event, category: 'financial', title, source_type: event.split('.')[0] }])
    }
  })

  it('budget, invoice and payment events without a patient are skipped', async () => {
    await clearTimeline()
    for (const [event, payload] of [
      ['budget.created', { budget_id: 'b-9', clinic_id: en.clinic }],
      ['invoice.paid', { invoice_id: 'i-9', clinic_id: en.clinic }],
      ['payment.recorded', { payment_id: 'p-9', invoice_id: 'i-9', clinic_id: en.clinic }],
    ] as const) {
      expect(await recordTimelineEvent(db, event, payload), event).toBe('skipped')
      eventBus.publish(event, payload)
    }
    await eventBus.drain()
    expect(await db.selectFrom('patient_timeline').select('id').execute()).toEqual([])
  })

  it('document.uploaded is a document entry titled from the payload', async () => {
    const payload = { document_id: 'd-1', patient_id: en.patient, clinic_id: en.clinic, title: 'Panoramic X-ray', document_type: 'xray' }
    expect(await publish('document.uploaded', payload, en.patient)).toMatchObject([
      { event_type: 'document.uploaded', category: 'document', title: 'Document uploaded: Panoramic X-ray', description: 'X-ray', source_type: 'document', source_id: 'd-1' },
    ])
  })
})

describe('without the agenda', () => {
  it('records appointment events that carry their patient; the catalog minimum is skipped', async () => {
    await platform.service.uninstall('agenda', { force: true })
    await platform.applier.applyPending()
    expect((await moduleRow(db, 'agenda'))?.state).toBe('uninstalled')
    expect(await tableNames(db)).not.toContain('agenda_appointments')

    expect(await recordTimelineEvent(db, 'appointment.completed', { appointment_id: en.appointment })).toBe('skipped')
    expect(await publish('appointment.scheduled', { appointment_id: en.appointment, patient_id: en.patient, clinic_id: en.clinic }, en.patient)).toMatchObject([
      { event_type: 'appointment.scheduled', title: 'Appointment scheduled' },
    ])
  })
})

describe('after patient_timeline is uninstalled', () => {
  it('its handlers no longer run, its table is gone and patients still works', async () => {
    expect(eventBus.subscribers('patient.created').map(s => s.owner)).toContain('patient_timeline')
    await platform.service.uninstall('patient_timeline', { force: true })
    const report = await platform.applier.applyPending()
    expect(report.operations.map(o => `${o.operation} ${o.module} ${o.status}`)).toEqual(['uninstall patient_timeline succeeded'])
    expect((await moduleRow(db, 'patient_timeline'))?.state).toBe('uninstalled')
    expect(await tableNames(db)).not.toContain('patient_timeline')
    for (const event of ['patient.created', 'appointment.scheduled', 'document.uploaded']) {
      expect(eventBus.subscribers(event).map(s => s.owner), event).not.toContain('patient_timeline')
    }

    // Publishing is harmless: nobody writes (a handler would fail on the missing table).
    const newcomer = await patient(en.clinic, 'Newcomer')
    eventBus.publish('patient.created', { patient_id: newcomer, clinic_id: en.clinic })
    await eventBus.drain()
    expect(await tableNames(db)).not.toContain('patient_timeline')

    expect((await moduleRow(db, 'patients'))?.state).toBe('installed')
    const rows = await db.selectFrom('patients').select('first_name').where('clinic_id', '=', en.clinic).orderBy('first_name').execute()
    expect(rows.map(r => r.first_name)).toEqual(['English clinic', 'Newcomer'])
  })
})
