// GET /api/v1/patient_timeline/patients/{id} over HTTP on the built server,
// with entries written by the real patients and agenda modules' events: a
// patient is created, booked and walked to completed, and the timeline shows
// it (in the clinic's language and time zone). Then the envelope, the filter,
// tenancy, the permission matrix, and the module force-uninstalled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClinic, createUser, MISSING_ID, NO_LOGIN_LIMIT, setupOwner, signIn } from '../../../../tests/support/fixtures'
import type { ApiClient } from '../../../../tests/support/http'
import { isErrorEnvelope } from '../../../../tests/support/http'
import { startServer } from '../../../../tests/support/server'
import type { TestServer } from '../../../../tests/support/server'

const ROLES = ['dentist', 'hygienist', 'assistant', 'receptionist'] as const
// Tuesday 8 January 2030, 10:00 in Madrid (the setup clinic's zone; its language is Spanish).
const START = '2030-01-08T10:00:00+01:00'
const END = '2030-01-08T10:30:00+01:00'
const WHEN = 'mar 8 ene, 10:00'

interface Entry { id: string, event_type: string, category: string, title: string, description: string | null, patient_id: string, clinic_id: string, occurred_at: string, source_type: string | null, source_id: string | null }

describe('patient timeline API', () => {
  let server: TestServer
  let admin: ApiClient
  let clinicId: string
  const clients: Partial<Record<(typeof ROLES)[number], ApiClient>> = {}
  let dentistId: string
  let patientId: string
  let appointmentId: string

  const timelineUrl = (id: string, query = '') => `/api/v1/patient_timeline/patients/${id}${query}`

  /** Polls the timeline until `done` holds (handlers run after the request that published the event). */
  async function until(api: ApiClient, id: string, done: (entries: Entry[]) => boolean, query = '?page_size=100'): Promise<Entry[]> {
    const deadline = Date.now() + 10_000
    let last: Entry[] = []
    while (Date.now() < deadline) {
      const res = await api.get(timelineUrl(id, query))
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      last = res.body.data
      if (done(last)) return last
      await new Promise(r => setTimeout(r, 50))
    }
    throw new Error(`timeline never reached the expected state: ${JSON.stringify(last.map(e => e.event_type))}`)
  }
  const types = (entries: Entry[]) => entries.map(e => e.event_type)

  beforeAll(async () => {
    server = await startServer({ env: NO_LOGIN_LIMIT })
    const owner = await setupOwner(server.url)
    admin = owner.api
    clinicId = owner.clinicId
    for (const role of ROLES) {
      const created = await createUser(admin, { email: `${role}@clinic.test`, role, password: 'Passw0rd!x' })
      if (role === 'dentist') dentistId = created.user.id
      clients[role] = await signIn(server.url, `${role}@clinic.test`, 'Passw0rd!x')
    }
  })
  afterAll(async () => server?.close())

  it('records a patient\'s creation, appointment and every status change up to completed', async () => {
    const patient = await admin.post('/api/v1/patients', { first_name: 'Lucía', last_name: 'Fernández' })
    expect(patient.status, JSON.stringify(patient.body)).toBe(201)
    patientId = patient.body.data.id
    const created = await until(admin, patientId, e => e.length >= 1)
    expect(created).toMatchObject([{ event_type: 'patient.created', category: 'note', title: 'Ficha de paciente creada', patient_id: patientId, clinic_id: clinicId }])

    const cabinets = await admin.get('/api/v1/agenda/cabinets')
    expect(cabinets.status).toBe(200)
    const booked = await admin.post('/api/v1/agenda/appointments', {
      patient_id: patientId, professional_id: dentistId, cabinet_id: cabinets.body.data[0].id, start_time: START, end_time: END, reason: 'Revisión',
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    appointmentId = booked.body.data.id
    for (const to_status of ['confirmed', 'checked_in', 'in_treatment', 'completed']) {
      const res = await admin.post(`/api/v1/agenda/appointments/${appointmentId}/transitions`, { to_status })
      expect(res.status, `${to_status}: ${JSON.stringify(res.body)}`).toBe(200)
    }

    const entries = await until(admin, patientId, e => e.some(x => x.event_type === 'appointment.completed') && e.length >= 6)
    expect(entries.map(e => [e.event_type, e.category, e.title])).toEqual([
      ['appointment.completed', 'visit', `Cita del ${WHEN} completada`],
      ['appointment.updated', 'visit', `Cita del ${WHEN}: en tratamiento`],
      ['appointment.updated', 'visit', `Cita del ${WHEN}: paciente en la clínica`],
      ['appointment.updated', 'visit', `Cita del ${WHEN}: confirmada`],
      ['appointment.scheduled', 'visit', `Cita programada para el ${WHEN}`],
      ['patient.created', 'note', 'Ficha de paciente creada'],
    ])
    expect(entries.filter(e => e.source_type === 'appointment').every(e => e.source_id === appointmentId)).toBe(true)
    // The reason travels in the agenda's event (the timeline reads no agenda table).
    expect(entries.find(e => e.event_type === 'appointment.scheduled')?.description).toBe('Revisión')
    // Newest first.
    const times = entries.map(e => Date.parse(e.occurred_at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  it('an appointment booked in an English clinic shows its time and reason in English', async () => {
    const clinic = await createClinic(admin, 'English Clinic', { language: 'en', timezone: 'America/New_York' })
    const dentist = await createUser(admin, { email: 'en-dentist@clinic.test', role: 'dentist', password: 'Passw0rd!x' }, clinic.id)
    admin.clinicId = clinic.id
    try {
      const patient = await admin.post('/api/v1/patients', { first_name: 'Mary', last_name: 'Jones' })
      expect(patient.status, JSON.stringify(patient.body)).toBe(201)
      const booked = await admin.post('/api/v1/agenda/appointments', {
        patient_id: patient.body.data.id, professional_id: dentist.user.id, cabinet_id: null, start_time: START, end_time: END, reason: 'Check-up',
      })
      expect(booked.status, JSON.stringify(booked.body)).toBe(201)
      const entries = await until(admin, patient.body.data.id, e => e.some(x => x.event_type === 'appointment.scheduled'))
      // 10:00 in Madrid is 04:00 in New York.
      expect(entries[0]).toMatchObject({ event_type: 'appointment.scheduled', category: 'visit', title: 'Appointment scheduled for Tue 8 Jan, 04:00', description: 'Check-up', source_id: booked.body.data.id })
    }
    finally {
      admin.clinicId = null
    }
  })

  it('records patient edits with the changed fields in the clinic\'s language', async () => {
    const res = await admin.put(`/api/v1/patients/${patientId}`, { phone: '+34 600 000 000' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const entries = await until(admin, patientId, e => e.some(x => x.event_type === 'patient.updated'))
    expect(entries[0]).toMatchObject({ event_type: 'patient.updated', category: 'note', title: 'Datos del paciente actualizados', description: 'Cambios: teléfono' })
  })

  it('answers the paginated envelope, newest first, with page and page_size', async () => {
    const all = (await admin.get(timelineUrl(patientId))).body
    expect(all).toMatchObject({ message: null, total: 7, page: 1, page_size: 50 })
    expect(all.data).toHaveLength(7)

    const pages = []
    for (let page = 1; page <= 4; page++) {
      const res = await admin.get(timelineUrl(patientId, `?page=${page}&page_size=3`))
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ total: 7, page, page_size: 3 })
      pages.push(res.body.data.map((e: Entry) => e.id))
    }
    expect(pages.map(p => p.length)).toEqual([3, 3, 1, 0])
    expect(pages.flat()).toEqual(all.data.map((e: Entry) => e.id))

    for (const bad of ['?page_size=101', '?page_size=0', '?page=0', '?page=abc']) {
      const res = await admin.get(timelineUrl(patientId, bad))
      expect(res.status, bad).toBe(422)
      expect(isErrorEnvelope(res.body)).toBe(true)
    }
  })

  it('filters by one or several categories, and refuses unknown ones', async () => {
    const notes = await admin.get(timelineUrl(patientId, '?category=note'))
    expect(notes.status).toBe(200)
    expect(notes.body.total).toBe(2)
    expect(types(notes.body.data)).toEqual(['patient.updated', 'patient.created'])

    const visits = await admin.get(timelineUrl(patientId, '?category=visit&page_size=2'))
    expect(visits.body).toMatchObject({ total: 5, page_size: 2 })
    expect(visits.body.data.every((e: Entry) => e.category === 'visit')).toBe(true)

    const both = await admin.get(timelineUrl(patientId, '?category=visit&category=note'))
    expect(both.body.total).toBe(7)
    const none = await admin.get(timelineUrl(patientId, '?category=financial'))
    expect(none.body).toMatchObject({ data: [], total: 0 })

    const bad = await admin.get(timelineUrl(patientId, '?category=visit&category=gossip'))
    expect(bad.status).toBe(422)
    expect(bad.body.errors.map((e: { field?: string }) => e.field)).toEqual(expect.arrayContaining([expect.stringMatching(/^category/)]))
  })

  it('answers 404 for a missing patient, a malformed id and another clinic\'s patient', async () => {
    for (const id of [MISSING_ID, 'not-a-uuid']) {
      const res = await admin.get(timelineUrl(id))
      expect(res.status, id).toBe(404)
      expect(isErrorEnvelope(res.body)).toBe(true)
    }
    const other = await createClinic(admin, 'Other Clinic', { language: 'en', timezone: 'Europe/London' })
    const foreign = await admin.post('/api/v1/patients', { first_name: 'John', last_name: 'Smith' }, { headers: { 'x-clinic-id': other.id } })
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(201)
    const foreignId = foreign.body.data.id
    // In its own clinic it has its history, in that clinic's language.
    admin.clinicId = other.id
    try {
      expect(await until(admin, foreignId, e => e.length === 1)).toMatchObject([{ event_type: 'patient.created', title: 'Patient record created', clinic_id: other.id }])
    }
    finally {
      admin.clinicId = null
    }
    const res = await admin.get(timelineUrl(foreignId))
    expect(res.status).toBe(404)
    expect(JSON.stringify(res.body)).not.toContain('John')
    // And the dentist of the first clinic, who is not a member there, is refused the other clinic.
    expect((await clients.dentist!.get(timelineUrl(foreignId), { headers: { 'x-clinic-id': other.id } })).status).toBe(403)
  })

  it('lets every role read (200) and nobody anonymous (401)', async () => {
    expect((await admin.get(timelineUrl(patientId))).status).toBe(200)
    for (const role of ROLES) {
      const res = await clients[role]!.get(timelineUrl(patientId))
      expect(res.status, role).toBe(200)
      expect(res.body.total, role).toBe(7)
    }
    const anonymous = await fetch(`${server.url}${timelineUrl(patientId)}`)
    expect(anonymous.status).toBe(401)
    expect(isErrorEnvelope(await anonymous.json())).toBe(true)
  })

  it('is append-only: no route writes or deletes entries', async () => {
    for (const [method, path] of [['POST', timelineUrl(patientId)], ['PUT', timelineUrl(patientId)], ['DELETE', timelineUrl(patientId)], ['POST', '/api/v1/patient_timeline/patients']] as const) {
      const res = await admin.request(method, path, { body: {} })
      expect([404, 405], `${method} ${path}`).toContain(res.status)
    }
    expect((await admin.get(timelineUrl(patientId))).body.total).toBe(7)
  })

  it('once force-uninstalled, the route answers 404 and patients keep working', async () => {
    const refused = await admin.post('/api/v1/modules/patient_timeline/uninstall')
    expect(refused.status).toBe(409)
    const scheduled = await admin.post('/api/v1/modules/patient_timeline/uninstall?force=true')
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(202)
    expect(scheduled.body.data.scheduled).toEqual(['patient_timeline'])
    const applied = await admin.post('/api/v1/modules/-/apply')
    expect(applied.status).toBe(200)
    expect(applied.body.data.operations.map((o: { operation: string, module: string, status: string }) => `${o.operation} ${o.module} ${o.status}`))
      .toEqual(['uninstall patient_timeline succeeded'])

    const gone = await admin.get(timelineUrl(patientId))
    expect(gone.status).toBe(404)
    expect(isErrorEnvelope(gone.body)).toBe(true)

    const list = await admin.get('/api/v1/patients')
    expect(list.status).toBe(200)
    expect(list.body.data.map((p: { id: string }) => p.id)).toContain(patientId)
    // Events keep flowing to the modules still installed; nothing fails for want of a timeline.
    const another = await admin.post('/api/v1/patients', { first_name: 'Pablo', last_name: 'Ruiz' })
    expect(another.status).toBe(201)
    const moved = await admin.put(`/api/v1/patients/${patientId}`, { phone: '+34 600 000 001' })
    expect(moved.status).toBe(200)
    await new Promise(r => setTimeout(r, 200))
    expect(server.output()).not.toMatch(/handler of patient_timeline/)
    const active = await admin.get('/api/v1/modules/-/active')
    expect(active.body.data.map((m: { name: string }) => m.name)).not.toContain('patient_timeline')
  })
})
