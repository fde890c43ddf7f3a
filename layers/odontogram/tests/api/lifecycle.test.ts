// After charting: planned → performed once or cancelled, edits only while
// planned, soft deletes with a reason, supersession, and the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE, chart, createPatient, entriesOf, fieldErrors, getChart, perform, startOdontogramSuite, tooth } from './helpers'
import type { OdontogramSuite } from './helpers'

describe('odontogram entry lifecycle', () => {
  let { server, c, api, items } = {} as OdontogramSuite
  let patient: string

  beforeAll(async () => {
    ({ server, c, api, items } = await startOdontogramSuite('dentist'))
  })
  afterAll(async () => server?.close())

  const filling = (t: number, ...surfaces: string[]) => ({ kind: 'treatment', catalog_item_id: items.composite, teeth: [{ tooth: t, surfaces }] })

  it('perform: once (409 after), by whom and when, keeping notes', async () => {
    patient = await createPatient(api)
    const e = await chart(api, patient, { ...filling(16, 'O'), recorded_at: '2026-12-01T09:00:00+01:00' })
    const done = await perform(api, e.id, { performed_at: '2026-12-01T10:15:00+01:00', notes: 'Shade A2' })
    expect(done).toMatchObject({
      status: 'performed', performed_at: '2026-12-01T10:15:00+01:00', notes: 'Shade A2', allowed_transitions: [],
      performed_by: { id: c.members.dentist.id, name: 'Dentist Tester' },
    })
    const twice = await api.post(`${BASE}/entries/${e.id}/perform`, {})
    expect([twice.status, twice.body.errors[0].code]).toEqual([409, 'odontogram.already_performed'])
    const cancel = await api.post(`${BASE}/entries/${e.id}/cancel`, {})
    expect([cancel.status, cancel.body.errors[0].code]).toEqual([409, 'odontogram.already_performed'])
    expect((await api.get(`${BASE}/entries/${e.id}`)).body.data).toEqual(done)
  })

  it('perform refuses a future date and a date before the entry was recorded (422)', async () => {
    const e = await chart(api, patient, { ...filling(17, 'O'), recorded_at: '2026-10-01T10:00:00+02:00' })
    const future = await api.post(`${BASE}/entries/${e.id}/perform`, { performed_at: '2099-01-01T10:00:00Z' })
    expect(fieldErrors(future.body)).toEqual([['performed_at', 'odontogram.future_date']])
    const before = await api.post(`${BASE}/entries/${e.id}/perform`, { performed_at: '2026-09-30T10:00:00+02:00' })
    expect(fieldErrors(before.body)).toEqual([['performed_at', 'odontogram.performed_before_recorded']])
    expect((await api.get(`${BASE}/entries/${e.id}`)).body.data.status).toBe('planned')
  })

  it('cancel: only planned treatments; conditions are neither performed nor cancelled', async () => {
    const e = await chart(api, patient, filling(25, 'D'))
    const res = await api.post(`${BASE}/entries/${e.id}/cancel`, { reason: 'Patient declined' })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ status: 'cancelled', allowed_transitions: [] })
    expect(res.body.data.cancelled_at).toBeTruthy()
    for (const action of ['cancel', 'perform']) {
      const again = await api.post(`${BASE}/entries/${e.id}/${action}`, {})
      expect([again.status, again.body.errors[0].code]).toEqual([409, 'odontogram.already_cancelled'])
    }
    const condition = await chart(api, patient, { kind: 'condition', clinical_type: 'fracture', teeth: [{ tooth: 11 }] })
    for (const action of ['cancel', 'perform']) {
      const res2 = await api.post(`${BASE}/entries/${condition.id}/${action}`, {})
      expect([res2.status, res2.body.errors[0].code]).toEqual([409, 'odontogram.not_a_treatment'])
    }
  })

  it('PUT changes notes and surfaces of planned entries (re-priced per surface); nothing else', async () => {
    const e = await chart(api, patient, filling(36, 'O'))
    expect(e.price).toBe('55.00')
    const res = await api.put(`${BASE}/entries/${e.id}`, { notes: 'Check contact', teeth: [{ tooth: 36, surfaces: ['O', 'M'] }] })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data).toMatchObject({ notes: 'Check contact', teeth: [{ tooth: 36, surfaces: ['M', 'O'], role: null }], price: '70.00', status: 'planned' })
    const otherTooth = await api.put(`${BASE}/entries/${e.id}`, { teeth: [{ tooth: 37, surfaces: ['O'] }] })
    expect(fieldErrors(otherTooth.body)).toEqual([['teeth', 'odontogram.teeth_changed']])
    const noSurface = await api.put(`${BASE}/entries/${e.id}`, { teeth: [{ tooth: 36, surfaces: [] }] })
    expect(fieldErrors(noSurface.body)).toEqual([['teeth[0].surfaces', 'odontogram.surfaces_required']])
    await perform(api, e.id)
    const late = await api.put(`${BASE}/entries/${e.id}`, { notes: 'Rewritten' })
    expect([late.status, late.body.errors[0].code]).toEqual([409, 'odontogram.not_editable'])
    const condition = await chart(api, patient, { kind: 'condition', clinical_type: 'wear', teeth: [{ tooth: 31 }] })
    const edit = await api.put(`${BASE}/entries/${condition.id}`, { notes: 'x' })
    expect([edit.status, edit.body.errors[0].code]).toEqual([409, 'odontogram.not_editable'])
    expect((await api.get(`${BASE}/entries/${e.id}`)).body.data).toMatchObject({ notes: 'Check contact', price: '70.00' })
  })

  it('DELETE: a reason is required; performed work stays (409); deleted entries leave the chart and the lists', async () => {
    const p = await createPatient(api)
    const caries = await chart(api, p, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 46, surfaces: ['O'] }] })
    const noReason = await api.delete(`${BASE}/entries/${caries.id}`)
    expect(fieldErrors(noReason.body)).toEqual([['reason', 'validation.required']])
    const res = await api.request('DELETE', `${BASE}/entries/${caries.id}`, { body: { reason: 'Charted on the wrong tooth' } })
    expect(res.status).toBe(204)
    expect((await api.get(`${BASE}/entries/${caries.id}`)).status).toBe(404)
    expect(await entriesOf(api, p)).toEqual([])
    expect(tooth(await getChart(api, p), 46)).toMatchObject({ present: true, conditions: [], surfaces: { O: null } })
    const done = await chart(api, p, { kind: 'treatment', clinical_type: 'crown', status: 'performed', teeth: [{ tooth: 11 }] })
    const refuse = await api.request('DELETE', `${BASE}/entries/${done.id}`, { body: { reason: 'Oops' } })
    expect([refuse.status, refuse.body.errors[0].code]).toEqual([409, 'odontogram.performed_not_deletable'])
    const history = await api.get(`${BASE}/patients/${p}/history`)
    expect(history.body.data.map((h: any) => [h.action, h.entry_id, h.reason])).toEqual([
      ['performed', done.id, null],
      ['deleted', caries.id, 'Charted on the wrong tooth'],
      ['recorded', caries.id, null],
    ])
  })

  it('a performed filling on 16-O supersedes the caries on 16-O, not the caries on 16-M', async () => {
    const p = await createPatient(api)
    const cariesO = await chart(api, p, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16, surfaces: ['O'] }] })
    const cariesM = await chart(api, p, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16, surfaces: ['M'] }] })
    const fill = await chart(api, p, filling(16, 'O'))
    let t16 = tooth(await getChart(api, p), 16)
    // Planned work supersedes nothing yet: the newest entry on O is the plan.
    expect(t16.surfaces.O).toMatchObject({ entry_id: fill.id, state: 'planned', tone: 'todo' })
    expect(t16.conditions.map((m: any) => m.entry_id)).toEqual([cariesO.id, cariesM.id])
    await perform(api, fill.id)
    t16 = tooth(await getChart(api, p), 16)
    expect(t16.surfaces).toEqual({
      M: { entry_id: cariesM.id, kind: 'condition', clinical_type: 'caries', state: 'condition', tone: 'todo', role: null },
      D: null,
      O: { entry_id: fill.id, kind: 'treatment', clinical_type: 'filling', state: 'performed', tone: 'done', role: null },
      B: null,
      L: null,
    })
    expect(t16.conditions.map((m: any) => m.entry_id)).toEqual([cariesM.id])
    expect((await api.get(`${BASE}/entries/${cariesO.id}`)).body.data.superseded_by).toBe(fill.id)
    expect((await api.get(`${BASE}/entries/${cariesM.id}`)).body.data.superseded_by).toBeNull()
  })

  it('a performed extraction supersedes the tooth\'s conditions and restorations; the tooth is gone', async () => {
    const p = await createPatient(api)
    const caries = await chart(api, p, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 48, surfaces: ['O'] }] })
    const old = await chart(api, p, { kind: 'treatment', clinical_type: 'filling', existing: true, teeth: [{ tooth: 48, surfaces: ['D'] }] })
    const ext = await chart(api, p, { kind: 'treatment', clinical_type: 'extraction', teeth: [{ tooth: 48 }] })
    await perform(api, ext.id)
    const t48 = tooth(await getChart(api, p), 48)
    expect(t48).toEqual({
      tooth: 48,
      present: false,
      surfaces: { M: null, D: null, O: null, B: null, L: null },
      whole: { entry_id: ext.id, kind: 'treatment', clinical_type: 'extraction', state: 'performed', tone: 'done', role: null },
      conditions: [],
      treatments: [{ entry_id: ext.id, kind: 'treatment', clinical_type: 'extraction', state: 'performed', tone: 'done', role: null }],
    })
    for (const id of [caries.id, old.id]) expect((await api.get(`${BASE}/entries/${id}`)).body.data.superseded_by).toBe(ext.id)
    const fill = await api.post(`${BASE}/patients/${p}/entries`, filling(48, 'O'))
    expect([fill.status, fill.body.errors[0].code]).toEqual([409, 'odontogram.tooth_missing'])
  })

  it('performing a treatment planned on a tooth charted missing since is a 409', async () => {
    const p = await createPatient(api)
    const crown = await chart(api, p, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 27 }] })
    await chart(api, p, { kind: 'condition', clinical_type: 'missing', teeth: [{ tooth: 27 }] })
    const res = await api.post(`${BASE}/entries/${crown.id}/perform`, {})
    expect([res.status, res.body.errors[0].code]).toEqual([409, 'odontogram.tooth_missing'])
    expect((await api.get(`${BASE}/entries/${crown.id}`)).body.data.status).toBe('planned')
  })

  it('history: every change, newest first, paginated, with who', async () => {
    const p = await createPatient(api)
    const e = await chart(api, p, filling(14, 'O'))
    await api.put(`${BASE}/entries/${e.id}`, { notes: 'n' })
    await perform(api, e.id)
    const page = await api.get(`${BASE}/patients/${p}/history?page_size=2`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ total: 3, page: 1, page_size: 2 })
    const [first] = page.body.data
    expect(first).toEqual({
      id: first.id, entry_id: e.id, action: 'performed', kind: 'treatment', clinical_type: 'filling',
      teeth: [{ tooth: 14, surfaces: ['O'], role: null }], changes: null, reason: null,
      actor: { id: c.members.dentist.id, name: 'Dentist Tester' }, at: first.at,
    })
    expect(page.body.data[1]).toMatchObject({ action: 'updated', changes: ['notes'] })
  })

  it('a clinical note can be attached to a treatment entry (the owner type odontogram registers)', async () => {
    const p = await createPatient(api)
    const e = await chart(api, p, filling(15, 'O'))
    const note = await api.post('/api/v1/clinical_notes/notes', { owner_type: 'treatment', owner_id: e.id, type: 'treatment', body: '<p>Shade A2</p>' })
    expect(note.status, JSON.stringify(note.body)).toBe(201)
    expect(note.body.data).toMatchObject({ owner_type: 'treatment', owner_id: e.id, patient_id: p })
    const listed = await api.get(`/api/v1/clinical_notes/notes?owner_type=treatment&owner_id=${e.id}`)
    expect(listed.body.data.map((n: { id: string }) => n.id)).toEqual([note.body.data.id])
    // A condition is not a treatment, and an unknown id is nobody's: both refused, nothing saved.
    const condition = await chart(api, p, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 24, surfaces: ['O'] }] })
    for (const owner_id of [condition.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await api.post('/api/v1/clinical_notes/notes', { owner_type: 'treatment', owner_id, type: 'treatment', body: '<p>No</p>' })
      expect(refused.status).toBe(422)
    }
    expect((await api.get(`/api/v1/clinical_notes/patients/${p}/notes`)).body.total).toBe(1)
  })
})
