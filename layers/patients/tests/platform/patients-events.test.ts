// The patients service's events, in-process on a real database with the
// patients module installed: each event once, with exactly the catalog's
// keys, after the commit only, never for a no-op; and the module's handler of
// `appointment.completed` moving `last_visit_at` without touching the record.
import type { Kysely } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { eventBus, transaction } from '#dentalpin'
import { medicalHistorySchema, patientCreateSchema, patientUpdateSchema } from '#layers/patients/models'
import type { PatientsTables } from '#layers/patients/models'
import * as service from '../../server/services/patients'
import { setDatabase } from '../../../../server/db'
import { startPlatform, stopPlatform } from '../../../../server/platform'
import { openTestDb } from '../../../../tests/support/database'
import type { OpenTestDb } from '../../../../tests/support/database'
import { officialEntries } from '../../../../tests/support/official-modules'
import { createClinic, useTempStorage } from '../../../../tests/support/platform-fixtures'

// The catalog's payload keys (docs/core-api.md), written out rather than read from the code under test.
const CATALOG: Record<string, string[]> = {
  'patient.created': ['clinic_id', 'patient_id'],
  'patient.updated': ['changes', 'clinic_id', 'patient_id'],
  'patient.archived': ['clinic_id', 'patient_id'],
  'patient.medical_updated': ['clinic_id', 'patient_id', 'user_id'],
}

interface Seen { event: string, payload: Record<string, unknown> }
const seen: Seen[] = []
const record = (payload: Record<string, unknown>, event: string) => {
  seen.push({ event, payload })
}

let t: OpenTestDb
let db: Kysely<PatientsTables>
let storage: ReturnType<typeof useTempStorage>
let clinicId: string
let otherClinicId: string
let userId: string

const create = (input: Record<string, unknown>) => service.createPatient(db, clinicId, patientCreateSchema.parse(input))
const events = (name?: string) => seen.filter(s => !name || s.event === name)

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  // The module's handlers reach the database through useDb(), as in the server.
  setDatabase(t.handle)
  db = t.db as unknown as Kysely<PatientsTables>
  clinicId = await createClinic(t.db, 'Events clinic')
  otherClinicId = await createClinic(t.db, 'Other clinic')
  userId = (await t.db.insertInto('users').values({ email: 'doc@clinic.test', first_name: 'Doc', last_name: 'Tor', password_hash: null, licence_number: null })
    .returning('id').executeTakeFirstOrThrow()).id
  await startPlatform(t.db, officialEntries('patients'))
  for (const e of Object.keys(CATALOG)) eventBus.subscribe(e, record, 'test')
})

afterEach(async () => {
  await eventBus.drain()
  seen.length = 0
})

afterAll(async () => {
  eventBus.unsubscribeOwner('test')
  stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('patient events', () => {
  it('patient.created: once, with exactly the catalog keys, after the commit', async () => {
    const p = await create({ first_name: 'Ana', last_name: 'García' })
    expect(events()).toHaveLength(1)
    const [e] = events('patient.created')
    expect(Object.keys(e!.payload).sort()).toEqual(CATALOG['patient.created'])
    expect(e!.payload).toEqual({ patient_id: p.id, clinic_id: clinicId })
  })

  it('patient.updated: the names of the fields whose value changed, once', async () => {
    const p = await create({ first_name: 'Luis', last_name: 'Pérez', phone: '600 111 222' })
    seen.length = 0
    // phone sent unchanged, email and notes new: only the two that changed are listed.
    await service.updatePatient(db, clinicId, p.id, patientUpdateSchema.parse({ phone: '600 111 222', email: 'Luis@Example.com', notes: 'Prefers mornings' }))
    expect(events()).toHaveLength(1)
    const [e] = events('patient.updated')
    expect(Object.keys(e!.payload).sort()).toEqual(CATALOG['patient.updated'])
    expect(e!.payload).toEqual({ patient_id: p.id, clinic_id: clinicId, changes: ['email', 'notes'] })
  })

  it('patient.updated is not published for an update that changes nothing', async () => {
    const p = await create({ first_name: 'Eva', last_name: 'Ruiz', email: 'eva@example.com', do_not_contact: true })
    seen.length = 0
    const before = await service.getPatient(db, clinicId, p.id)
    const after = await service.updatePatient(db, clinicId, p.id, patientUpdateSchema.parse({ first_name: ' Eva ', email: 'EVA@example.com', do_not_contact: true }))
    await service.updatePatient(db, clinicId, p.id, patientUpdateSchema.parse({}))
    expect(events()).toEqual([])
    expect(after.updated_at).toBe(before.updated_at)
  })

  it('patient.archived once; restore publishes patient.updated with changes [status]', async () => {
    const p = await create({ first_name: 'Rosa', last_name: 'Martín' })
    seen.length = 0
    await service.archivePatient(db, clinicId, p.id)
    expect(events()).toHaveLength(1)
    const [archived] = events('patient.archived')
    expect(Object.keys(archived!.payload).sort()).toEqual(CATALOG['patient.archived'])
    expect(archived!.payload).toEqual({ patient_id: p.id, clinic_id: clinicId })

    seen.length = 0
    await expect(service.archivePatient(db, clinicId, p.id)).rejects.toMatchObject({ status: 409, code: 'patients.already_archived' })
    expect(events()).toEqual([])

    await service.restorePatient(db, clinicId, p.id)
    expect(events()).toEqual([{ event: 'patient.updated', payload: { patient_id: p.id, clinic_id: clinicId, changes: ['status'] } }])
  })

  it('patient.medical_updated: once, with the user, only when a list changed', async () => {
    const p = await create({ first_name: 'Juan', last_name: 'Núñez' })
    seen.length = 0
    const input = medicalHistorySchema.parse({ allergies: ['Penicillin', 'Latex'], conditions: ['Asthma'] })
    const saved = await service.updateMedicalHistory(db, { clinicId, userId }, p.id, input)
    expect(saved).toMatchObject({ patient_id: p.id, allergies: ['Penicillin', 'Latex'], medications: [], conditions: ['Asthma'], updated_by: userId })
    expect(events()).toHaveLength(1)
    const [e] = events('patient.medical_updated')
    expect(Object.keys(e!.payload).sort()).toEqual(CATALOG['patient.medical_updated'])
    expect(e!.payload).toEqual({ patient_id: p.id, clinic_id: clinicId, user_id: userId })

    seen.length = 0
    await service.updateMedicalHistory(db, { clinicId, userId }, p.id, medicalHistorySchema.parse({ allergies: ['Penicillin', 'Latex'] }))
    await service.updateMedicalHistory(db, { clinicId, userId }, p.id, medicalHistorySchema.parse({}))
    expect(events()).toEqual([])
    // The patient DTO carries the allergies of its history.
    expect((await service.getPatient(db, clinicId, p.id)).allergies).toEqual(['Penicillin', 'Latex'])
  })

  it('nothing is published when the surrounding transaction rolls back, and nothing is saved', async () => {
    const boom = new Error('rollback on purpose')
    const p = await create({ first_name: 'Marta', last_name: 'Gil' })
    seen.length = 0
    let createdId: string | undefined
    await expect(transaction(db, async (trx) => {
      createdId = (await service.createPatient(trx, clinicId, patientCreateSchema.parse({ first_name: 'Ghost', last_name: 'Patient' }))).id
      await service.updatePatient(trx, clinicId, p.id, patientUpdateSchema.parse({ first_name: 'Changed' }))
      await service.updateMedicalHistory(trx, { clinicId, userId }, p.id, medicalHistorySchema.parse({ allergies: ['Iodine'] }))
      await service.archivePatient(trx, clinicId, p.id)
      throw boom
    })).rejects.toBe(boom)
    await eventBus.drain()
    expect(events()).toEqual([])
    await expect(service.getPatient(db, clinicId, createdId!)).rejects.toMatchObject({ status: 404 })
    expect(await service.getPatient(db, clinicId, p.id)).toMatchObject({ first_name: 'Marta', status: 'active', allergies: [] })
  })

  it('a failed service call (validation of state) publishes nothing', async () => {
    const p = await create({ first_name: 'Pilar', last_name: 'Soto' })
    await service.archivePatient(db, clinicId, p.id)
    seen.length = 0
    await expect(service.updatePatient(db, clinicId, p.id, patientUpdateSchema.parse({ first_name: 'X' }))).rejects.toMatchObject({ status: 409, code: 'patients.archived' })
    await expect(service.updateMedicalHistory(db, { clinicId, userId }, p.id, medicalHistorySchema.parse({ allergies: ['X'] }))).rejects.toMatchObject({ status: 409, code: 'patients.archived' })
    await expect(service.updatePatient(db, otherClinicId, p.id, patientUpdateSchema.parse({ first_name: 'X' }))).rejects.toMatchObject({ status: 404 })
    expect(events()).toEqual([])
  })
})

describe('appointment.completed handler', () => {
  const completed = async (payload: Record<string, unknown>) => {
    eventBus.publish('appointment.completed', payload as { appointment_id: string })
    await eventBus.drain()
  }
  const appointmentId = '11111111-1111-4111-8111-111111111111'

  it('is subscribed by the installed patients module', () => {
    expect(eventBus.subscribers('appointment.completed')).toContainEqual({ owner: 'patients' })
  })

  it('moves last_visit_at forward to the start time, never back, without an edit or an event', async () => {
    const p = await create({ first_name: 'Carmen', last_name: 'Vidal' })
    seen.length = 0
    const base = { appointment_id: appointmentId, patient_id: p.id, clinic_id: clinicId }
    await completed({ ...base, start_time: '2026-03-02T09:00:00.000Z', end_time: '2026-03-02T09:30:00.000Z' })
    const first = await service.getPatient(db, clinicId, p.id)
    expect(first.last_visit_at).toBe('2026-03-02T09:00:00.000Z')
    expect(first.updated_at).toBe(p.updated_at)

    // An older visit completed later does not move it back.
    await completed({ ...base, start_time: '2026-01-10T10:00:00.000Z', end_time: '2026-01-10T10:30:00.000Z' })
    expect((await service.getPatient(db, clinicId, p.id)).last_visit_at).toBe('2026-03-02T09:00:00.000Z')

    await completed({ ...base, start_time: '2026-04-01T08:15:00+02:00', end_time: '2026-04-01T08:45:00+02:00' })
    const last = await service.getPatient(db, clinicId, p.id)
    expect(last.last_visit_at).toBe('2026-04-01T06:15:00.000Z')
    expect(last.updated_at).toBe(p.updated_at)
    expect(events()).toEqual([])
  })

  it('ignores payloads without a patient, of another clinic, or malformed', async () => {
    const p = await create({ first_name: 'Raúl', last_name: 'Ortega' })
    await completed({ appointment_id: appointmentId })
    await completed({ appointment_id: appointmentId, patient_id: null, clinic_id: clinicId, start_time: '2026-03-02T09:00:00Z' })
    await completed({ appointment_id: appointmentId, patient_id: p.id, clinic_id: otherClinicId, start_time: '2026-03-02T09:00:00Z' })
    await completed({ appointment_id: appointmentId, patient_id: 'not-a-uuid', clinic_id: clinicId, start_time: '2026-03-02T09:00:00Z' })
    await completed({ appointment_id: appointmentId, patient_id: p.id, clinic_id: clinicId, start_time: 'yesterday' })
    expect((await service.getPatient(db, clinicId, p.id)).last_visit_at).toBeNull()
    // The service reports whether it applied a payload.
    expect(await service.recordVisit(db, { patient_id: p.id, clinic_id: clinicId, start_time: '2026-03-02T09:00:00Z' })).toBe(true)
    expect(await service.recordVisit(db, { patient_id: p.id, clinic_id: otherClinicId, start_time: '2026-05-02T09:00:00Z' })).toBe(false)
  })
})

describe('last visit order', () => {
  it('sorts by last_visit_at with patients never seen last in both directions, ties by id', async () => {
    const clinic = await createClinic(t.db, 'Visits clinic')
    const made: Record<string, string> = {}
    for (const name of ['Early', 'Late', 'NeverA', 'Middle', 'NeverB']) {
      made[name] = (await service.createPatient(db, clinic, patientCreateSchema.parse({ first_name: name, last_name: 'Visit' }))).id
    }
    const visit = (name: string, start_time: string) => service.recordVisit(db, { patient_id: made[name], clinic_id: clinic, start_time })
    expect(await visit('Early', '2025-01-05T09:00:00Z')).toBe(true)
    expect(await visit('Late', '2026-06-05T09:00:00Z')).toBe(true)
    expect(await visit('Middle', '2025-09-05T09:00:00Z')).toBe(true)
    const never = [made.NeverA!, made.NeverB!].sort()
    const order = async (dir: 'asc' | 'desc') => (await service.listPatients(db, clinic, {
      status: 'active', do_not_contact: undefined, sort: 'last_visit', order: dir, page: 1, page_size: 10,
    })).items.map(p => p.id)
    expect(await order('asc')).toEqual([made.Early, made.Middle, made.Late, ...never])
    expect(await order('desc')).toEqual([made.Late, made.Middle, made.Early, ...never])
  })
})
