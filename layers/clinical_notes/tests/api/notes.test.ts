// Notes over HTTP on the built server: the exact DTO, validation (422 naming
// the field, nothing saved), sanitising, lists of an owner and of a patient,
// revisions on every edit, amendments after 24 hours, soft delete, visit
// notes on an appointment, and the timeline entry a new note leaves.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withServerDatabase } from '../../../../tests/support/server'
import { addNote, BASE, createPatient, fieldErrors, startNotesSuite } from './helpers'
import type { NotesSuite } from './helpers'

const ISO_MADRID = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/
const HOUR = 3_600_000

describe('clinical notes', () => {
  let { server, c } = {} as NotesSuite
  let dentist: NotesSuite['c']['admin']
  let dentistId: string

  beforeAll(async () => {
    ({ server, c } = await startNotesSuite())
    dentist = c.members.dentist.api
    dentistId = c.members.dentist.id
  })
  afterAll(async () => server?.close())

  /** Everything of the patient's notes a reader sees, newest first. */
  async function patientNotes(patientId: string, query = '') {
    const res = await dentist.get(`${BASE}/patients/${patientId}/notes${query}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body
  }

  it('POST /notes → 201 with exactly the documented DTO', async () => {
    const res = await dentist.post(`${BASE}/notes`, { owner_type: 'tooth', owner_id: c.patientId, tooth: 16, type: 'diagnosis', body: '<p>Occlusal caries on 16.</p>' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const note = res.body.data
    expect(Object.keys(note).sort()).toEqual([
      'amendable_from', 'author', 'body', 'clinic_id', 'created_at', 'id', 'is_amended', 'owner_id', 'owner_type', 'patient_id',
      'revision_count', 'tooth', 'type', 'updated_at', 'updated_by',
    ])
    expect(note).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clinic_id: c.clinicId,
      patient_id: c.patientId,
      owner_type: 'tooth',
      owner_id: c.patientId,
      type: 'diagnosis',
      tooth: 16,
      body: '<p>Occlusal caries on 16.</p>',
      author: { id: dentistId, name: 'Dentist Tester' },
      updated_by: { id: dentistId, name: 'Dentist Tester' },
      revision_count: 1,
      is_amended: false,
      amendable_from: expect.stringMatching(ISO_MADRID),
      created_at: expect.stringMatching(ISO_MADRID),
      updated_at: note.created_at,
    })
    expect(Date.parse(note.amendable_from) - Date.parse(note.created_at)).toBe(24 * HOUR)
    const again = await dentist.get(`${BASE}/notes/${note.id}`)
    expect(again.body.data).toEqual(note)
  })

  it('sanitises the body: scripts, handlers and links are gone, formatting stays', async () => {
    const note = await addNote(dentist, c.patientId, {
      type: 'progress',
      body: '<p onclick="steal()">Healing <b>well</b><script>alert(1)</script><img src=x onerror="alert(1)"></p><a href="javascript:alert(1)">see</a><ul><li style="color:red">rinse</li></ul>',
    })
    expect(note.body).toBe('<p>Healing <strong>well</strong></p>see<ul><li>rinse</li></ul>')
  })

  it('refuses bad input with 422 naming the field, and saves nothing', async () => {
    const fresh = await createPatient(c.admin, { last_name: 'Validation' })
    const post = (body: Record<string, unknown>) => dentist.post(`${BASE}/notes`, { owner_type: 'patient', owner_id: fresh, type: 'diagnosis', body: '<p>x</p>', ...body })
    const cases: [Record<string, unknown>, { field: string, code: string }][] = [
      [{ owner_type: 'tooth', tooth: 19 }, { field: 'tooth', code: 'validation.tooth' }],
      [{ owner_type: 'tooth', tooth: 56 }, { field: 'tooth', code: 'validation.tooth' }],
      [{ tooth: '16' }, { field: 'tooth', code: 'validation.tooth' }],
      [{ owner_type: 'tooth' }, { field: 'tooth', code: 'clinical_notes.tooth_required' }],
      [{ owner_type: 'invoice' }, { field: 'owner_type', code: 'clinical_notes.unknown_owner_type' }],
      [{ owner_type: 'Bad Type!' }, { field: 'owner_type', code: 'invalid_format' }],
      [{ owner_type: undefined }, { field: 'owner_type', code: 'validation.required' }],
      [{ owner_id: '00000000-0000-4000-8000-000000000000' }, { field: 'owner_id', code: 'clinical_notes.owner_not_found' }],
      [{ owner_type: 'appointment' }, { field: 'owner_id', code: 'clinical_notes.owner_not_found' }],
      [{ owner_id: 'nope' }, { field: 'owner_id', code: 'validation.uuid' }],
      [{ type: 'secret' }, { field: 'type', code: 'invalid_value' }],
      [{ body: '<script>alert(1)</script><p> </p>' }, { field: 'body', code: 'clinical_notes.empty_body' }],
      [{ body: 'x'.repeat(20_001) }, { field: 'body', code: 'validation.too_long' }],
    ]
    for (const [body, expected] of cases) {
      const res = await post(body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect(fieldErrors(res.body), JSON.stringify(body)).toEqual([expected])
    }
    expect((await patientNotes(fresh)).total).toBe(0)
  })

  it('lists an owner\'s notes and all of a patient\'s, newest first, paginated and by type', async () => {
    const patient = await createPatient(c.admin, { last_name: 'Lists' })
    const first = await addNote(dentist, patient, { type: 'diagnosis', body: '<p>one</p>' })
    const second = await addNote(dentist, patient, { owner_type: 'tooth', tooth: 36, type: 'treatment', body: '<p>two</p>' })
    const third = await addNote(dentist, patient, { owner_type: 'tooth', tooth: 11, type: 'diagnosis', body: '<p>three</p>' })

    const all = await patientNotes(patient)
    expect(all.data.map((n: { id: string }) => n.id)).toEqual([third.id, second.id, first.id])
    expect(all).toMatchObject({ total: 3, page: 1, page_size: 20 })
    const page2 = await patientNotes(patient, '?page=2&page_size=2')
    expect(page2.data.map((n: { id: string }) => n.id)).toEqual([first.id])
    expect((await patientNotes(patient, '?type=treatment')).data.map((n: { id: string }) => n.id)).toEqual([second.id])

    const teeth = await dentist.get(`${BASE}/notes?owner_type=tooth&owner_id=${patient}`)
    expect(teeth.body.data.map((n: { id: string }) => n.id)).toEqual([third.id, second.id])
    const tooth36 = await dentist.get(`${BASE}/notes?owner_type=tooth&owner_id=${patient}&tooth=36`)
    expect(tooth36.body.data.map((n: { id: string }) => n.id)).toEqual([second.id])
    const onRecord = await dentist.get(`${BASE}/notes?owner_type=patient&owner_id=${patient}`)
    expect(onRecord.body.data.map((n: { id: string }) => n.id)).toEqual([first.id])

    const bad = await dentist.get(`${BASE}/notes?owner_type=invoice&owner_id=${patient}`)
    expect(bad.status).toBe(422)
    expect(fieldErrors(bad.body)).toEqual([{ field: 'owner_type', code: 'clinical_notes.unknown_owner_type' }])
    expect((await dentist.get(`${BASE}/patients/00000000-0000-4000-8000-000000000000/notes`)).status).toBe(404)
  })

  it('keeps every version: each edit adds a revision with who and when; the same text changes nothing', async () => {
    const note = await addNote(dentist, c.patientId, { type: 'treatment', body: '<p>Filling 16-O.</p>' })
    const hygienist = c.members.hygienist
    const edited = await hygienist.api.put(`${BASE}/notes/${note.id}`, { body: '<p>Filling 16-O, polished.</p>' })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body.data).toMatchObject({ body: '<p>Filling 16-O, polished.</p>', revision_count: 2, is_amended: false, author: { id: dentistId }, updated_by: { id: hygienist.id, name: 'Hygienist Tester' } })
    await dentist.put(`${BASE}/notes/${note.id}`, { body: '<p>Filling 16-O, polished. Occlusion checked.</p>' })
    const same = await dentist.put(`${BASE}/notes/${note.id}`, { body: '<p>Filling 16-O, polished. Occlusion checked.</p>' })
    expect(same.body.data.revision_count).toBe(3)

    const revisions = await dentist.get(`${BASE}/notes/${note.id}/revisions`)
    expect(revisions.status).toBe(200)
    expect(revisions.body.data).toEqual([
      { revision: 1, body: '<p>Filling 16-O.</p>', is_amendment: false, reason: null, edited_by: { id: dentistId, name: 'Dentist Tester' }, edited_at: expect.stringMatching(ISO_MADRID) },
      { revision: 2, body: '<p>Filling 16-O, polished.</p>', is_amendment: false, reason: null, edited_by: { id: hygienist.id, name: 'Hygienist Tester' }, edited_at: expect.stringMatching(ISO_MADRID) },
      { revision: 3, body: '<p>Filling 16-O, polished. Occlusion checked.</p>', is_amendment: false, reason: null, edited_by: { id: dentistId, name: 'Dentist Tester' }, edited_at: expect.stringMatching(ISO_MADRID) },
    ])
    const bad = await dentist.put(`${BASE}/notes/${note.id}`, { body: '<p></p>' })
    expect(bad.status).toBe(422)
    expect(fieldErrors(bad.body)).toEqual([{ field: 'body', code: 'clinical_notes.empty_body' }])
    expect((await dentist.get(`${BASE}/notes/${note.id}`)).body.data.revision_count).toBe(3)
  })

  it('a note older than 24 hours is amended, not rewritten: the original stays', async () => {
    const old = await addNote(dentist, c.patientId, { type: 'diagnosis', body: '<p>Suspected pulpitis on 36.</p>' })
    const young = await addNote(dentist, c.patientId, { type: 'diagnosis', body: '<p>Young note.</p>' })
    await server.stop()
    await withServerDatabase(server, async (db) => {
      await db.updateTable('clinical_notes_notes').set({ created_at: sql`created_at - interval '25 hours'` }).where('id', '=', old.id).execute()
      await db.updateTable('clinical_notes_notes').set({ created_at: sql`created_at - interval '23 hours'` }).where('id', '=', young.id).execute()
    })
    await server.restart()

    const amended = await dentist.put(`${BASE}/notes/${old.id}`, { body: '<p>Irreversible pulpitis on 36, confirmed by X-ray.</p>', reason: 'X-ray result' })
    expect(amended.status, JSON.stringify(amended.body)).toBe(200)
    expect(amended.body.data).toMatchObject({ body: '<p>Irreversible pulpitis on 36, confirmed by X-ray.</p>', is_amended: true, revision_count: 2 })
    const history = (await dentist.get(`${BASE}/notes/${old.id}/revisions`)).body.data
    expect(history.map((r: any) => [r.revision, r.body, r.is_amendment, r.reason])).toEqual([
      [1, '<p>Suspected pulpitis on 36.</p>', false, null],
      [2, '<p>Irreversible pulpitis on 36, confirmed by X-ray.</p>', true, 'X-ray result'],
    ])

    const rewritten = await dentist.put(`${BASE}/notes/${young.id}`, { body: '<p>Young note, corrected.</p>' })
    expect(rewritten.body.data).toMatchObject({ is_amended: false, revision_count: 2 })
  })

  it('soft delete: the note leaves reads and lists; the row stays with who and why', async () => {
    const patient = await createPatient(c.admin, { last_name: 'Deleted' })
    const keep = await addNote(dentist, patient, { type: 'progress', body: '<p>keep</p>' })
    const gone = await addNote(dentist, patient, { type: 'progress', body: '<p>wrong patient</p>' })
    const res = await dentist.delete(`${BASE}/notes/${gone.id}`, { body: { reason: 'Written on the wrong patient' } })
    expect(res.status).toBe(204)
    expect((await dentist.get(`${BASE}/notes/${gone.id}`)).status).toBe(404)
    expect((await dentist.get(`${BASE}/notes/${gone.id}/revisions`)).status).toBe(404)
    expect((await dentist.put(`${BASE}/notes/${gone.id}`, { body: '<p>back</p>' })).status).toBe(404)
    expect((await dentist.delete(`${BASE}/notes/${gone.id}`)).status).toBe(404)
    expect((await patientNotes(patient)).data.map((n: { id: string }) => n.id)).toEqual([keep.id])

    // Deleting without a reason is allowed (the body is optional).
    expect((await dentist.delete(`${BASE}/notes/${keep.id}`)).status).toBe(204)
    await server.stop()
    await withServerDatabase(server, async (db) => {
      const rows = await db.selectFrom('clinical_notes_notes').select(['id', 'body', 'deleted_by', 'delete_reason']).where('patient_id', '=', patient).orderBy('created_at').execute()
      expect(rows).toEqual([
        { id: keep.id, body: '<p>keep</p>', deleted_by: dentistId, delete_reason: null },
        { id: gone.id, body: '<p>wrong patient</p>', deleted_by: dentistId, delete_reason: 'Written on the wrong patient' },
      ])
    })
    await server.restart()
  })

  it('visit notes hang on an appointment of the clinic (agenda registers the owner type)', async () => {
    const booked = await c.admin.post('/api/v1/agenda/appointments', {
      patient_id: c.patientId, professional_id: dentistId, start_time: '2030-03-04T09:00:00Z', end_time: '2030-03-04T09:30:00Z',
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const appointment = booked.body.data.id
    const note = await addNote(dentist, '', { owner_type: 'appointment', owner_id: appointment, type: 'progress', body: '<p>Visit went well.</p>' })
    expect(note).toMatchObject({ owner_type: 'appointment', owner_id: appointment, patient_id: c.patientId })
    const listed = await dentist.get(`${BASE}/notes?owner_type=appointment&owner_id=${appointment}`)
    expect(listed.body.data.map((n: { id: string }) => n.id)).toEqual([note.id])
    // A blocked slot has no patient: nothing to attach a note to.
    const blocked = await c.admin.post('/api/v1/agenda/appointments', { professional_id: dentistId, start_time: '2030-03-04T11:00:00Z', end_time: '2030-03-04T11:30:00Z' })
    const refused = await dentist.post(`${BASE}/notes`, { owner_type: 'appointment', owner_id: blocked.body.data.id, type: 'progress', body: '<p>x</p>' })
    expect(refused.status).toBe(422)
    expect(fieldErrors(refused.body)).toEqual([{ field: 'owner_id', code: 'clinical_notes.owner_not_found' }])
  })

  it('a new note is on the patient\'s timeline in the clinic\'s language (its kind, never its text)', async () => {
    const patient = await createPatient(c.admin, { last_name: 'Timeline' })
    await addNote(dentist, patient, { type: 'diagnosis', body: '<p>Secret finding</p>' })
    let titles: string[] = []
    for (let i = 0; i < 50 && !titles.includes('Nota de diagnóstico añadida'); i++) {
      const res = await dentist.get(`/api/v1/patient_timeline/patients/${patient}`)
      titles = res.body.data.map((e: { title: string }) => e.title)
      if (!titles.includes('Nota de diagnóstico añadida')) await new Promise(r => setTimeout(r, 100))
    }
    expect(titles).toContain('Nota de diagnóstico añadida')
    const res = await dentist.get(`/api/v1/patient_timeline/patients/${patient}`)
    expect(JSON.stringify(res.body)).not.toContain('Secret finding')
  })
})
