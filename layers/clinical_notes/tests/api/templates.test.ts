// The clinic's note templates over HTTP: exact DTO, sanitised body, names
// unique per clinic in any case (409), edits of the fields sent, delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE, errorCodes, fieldErrors, startNotesSuite } from './helpers'
import type { NotesSuite } from './helpers'

describe('note templates', () => {
  let { server, c } = {} as NotesSuite
  beforeAll(async () => {
    ({ server, c } = await startNotesSuite())
  })
  afterAll(async () => server?.close())

  it('POST → 201 with the exact DTO and a sanitised body; GET lists by type and name', async () => {
    const api = c.members.dentist.api
    const res = await api.post(`${BASE}/templates`, { name: '  Filling  ', type: 'treatment', body: '<p onclick="x()">Filling on <b>__</b></p><script>x</script>' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Filling',
      type: 'treatment',
      body: '<p>Filling on <strong>__</strong></p>',
      created_at: expect.stringMatching(/Z$/),
      updated_at: res.body.data.created_at,
    })
    await api.post(`${BASE}/templates`, { name: 'Check-up', type: 'diagnosis', body: '<p>Findings:</p>' })
    await api.post(`${BASE}/templates`, { name: 'Amalgam removal', type: 'treatment', body: '<p>x</p>' })
    const list = await api.get(`${BASE}/templates`)
    expect(list.body.data.map((x: { type: string, name: string }) => `${x.type}:${x.name}`)).toEqual(['diagnosis:Check-up', 'treatment:Amalgam removal', 'treatment:Filling'])
    const treatments = await api.get(`${BASE}/templates?type=treatment`)
    expect(treatments.body.data.map((x: { name: string }) => x.name)).toEqual(['Amalgam removal', 'Filling'])
  })

  it('refuses a name taken in any case (409), an empty name or body (422), and saves nothing', async () => {
    const api = c.members.dentist.api
    const taken = await api.post(`${BASE}/templates`, { name: 'FILLING', type: 'progress', body: '<p>x</p>' })
    expect(taken.status).toBe(409)
    expect(errorCodes(taken.body)).toEqual(['clinical_notes.template_name_taken'])
    const empty = await api.post(`${BASE}/templates`, { name: ' ', type: 'progress', body: '<p></p>' })
    expect(empty.status).toBe(422)
    expect(fieldErrors(empty.body)).toEqual([{ field: 'name', code: 'validation.required' }])
    const noBody = await api.post(`${BASE}/templates`, { name: 'Empty', type: 'progress', body: '<br>' })
    expect(fieldErrors(noBody.body)).toEqual([{ field: 'body', code: 'clinical_notes.empty_body' }])
    expect((await api.get(`${BASE}/templates?type=progress`)).body.data).toEqual([])
  })

  it('PUT changes the fields sent; DELETE removes it', async () => {
    const api = c.members.hygienist.api
    const made = (await api.post(`${BASE}/templates`, { name: 'Cleaning', type: 'progress', body: '<p>Scaling.</p>' })).body.data
    const renamed = await api.put(`${BASE}/templates/${made.id}`, { name: 'Cleaning and polish' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.data).toMatchObject({ id: made.id, name: 'Cleaning and polish', type: 'progress', body: '<p>Scaling.</p>' })
    const clash = await api.put(`${BASE}/templates/${made.id}`, { name: 'filling' })
    expect(clash.status).toBe(409)
    expect((await api.delete(`${BASE}/templates/${made.id}`)).status).toBe(204)
    expect((await api.put(`${BASE}/templates/${made.id}`, { name: 'x' })).status).toBe(404)
    expect((await api.get(`${BASE}/templates?type=progress`)).body.data).toEqual([])
  })
})
