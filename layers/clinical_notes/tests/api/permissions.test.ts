// Who may do what, over HTTP: every route × the five roles and anonymous on
// administrative notes (every member of staff), the same routes on clinical
// notes (receptionists never; assistants read only), lists filtered by what
// the caller may read, and another clinic's rows as 404 on every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../../../../tests/support/http'
import { allow, expectCallStatus, expectRefusals, matrixRows } from '../../../../tests/support/role-matrix'
import type { Caller, RoleMatrix, RouteCall } from '../../../../tests/support/role-matrix'
import { addNote, BASE, ROLES, setupOtherClinic, startNotesSuite } from './helpers'
import type { NotesSuite, Role } from './helpers'

const all = (status: number) => allow(status, ROLES)

// Written by hand from module.ts role_permissions. Administrative notes and
// templates: admin_notes.read/write, held by every role.
const ADMINISTRATIVE: RoleMatrix = {
  'GET /notes': all(200),
  'POST /notes': all(201),
  'GET /notes/{id}': all(200),
  'PUT /notes/{id}': all(200),
  'DELETE /notes/{id}': all(204),
  'GET /notes/{id}/revisions': all(200),
  'GET /patients/{id}/notes': all(200),
  'GET /templates': all(200),
  'POST /templates': all(201),
  'PUT /templates/{id}': all(200),
  'DELETE /templates/{id}': all(204),
}
// Diagnosis notes and templates: clinical.read (dentist, hygienist, assistant), clinical.write (dentist, hygienist).
const read = allow(200, ['admin', 'dentist', 'hygienist', 'assistant'])
const write = (ok: number) => allow(ok, ['admin', 'dentist', 'hygienist'])
const CLINICAL: RoleMatrix = {
  'POST /notes': write(201),
  'GET /notes/{id}': read,
  'PUT /notes/{id}': write(200),
  'DELETE /notes/{id}': write(204),
  'GET /notes/{id}/revisions': read,
  'POST /templates': write(201),
  'PUT /templates/{id}': write(200),
  'DELETE /templates/{id}': write(204),
}

interface Prepared extends RouteCall { check?: string }

describe('clinical_notes permissions and tenancy', () => {
  let { server, c } = {} as NotesSuite
  let anonymous: ApiClient
  let n = 0

  beforeAll(async () => {
    ({ server, c } = await startNotesSuite())
    anonymous = new ApiClient(server.url)
  })
  afterAll(async () => server?.close())

  /** A fresh target of the given type per call (made by the admin), so every allowed call can succeed. */
  async function prepare(route: string, type: 'administrative' | 'diagnosis'): Promise<Prepared> {
    const [method, path] = route.split(' ') as [string, string]
    n += 1
    if (path.startsWith('/notes/{id}')) {
      const note = await addNote(c.admin, c.patientId, { type, body: `<p>Matrix ${n}</p>` })
      const rest = path.slice('/notes/{id}'.length)
      return { method, path: `${BASE}/notes/${note.id}${rest}`, body: method === 'PUT' ? { body: `<p>Changed ${n}</p>` } : undefined, check: `${BASE}/notes/${note.id}` }
    }
    if (path.startsWith('/templates/{id}')) {
      const tpl = await c.admin.post(`${BASE}/templates`, { name: `Matrix ${n}`, type, body: '<p>t</p>' })
      expect(tpl.status).toBe(201)
      return { method, path: `${BASE}/templates/${tpl.body.data.id}`, body: method === 'PUT' ? { name: `Renamed ${n}` } : undefined }
    }
    if (route === 'POST /notes') return { method, path: `${BASE}/notes`, body: { owner_type: 'patient', owner_id: c.patientId, type, body: `<p>New ${n}</p>` } }
    if (route === 'POST /templates') return { method, path: `${BASE}/templates`, body: { name: `New ${n}`, type, body: '<p>t</p>' } }
    if (route === 'GET /notes') return { method, path: `${BASE}/notes?owner_type=patient&owner_id=${c.patientId}` }
    if (route === 'GET /patients/{id}/notes') return { method, path: `${BASE}/patients/${c.patientId}/notes` }
    return { method, path: `${BASE}${path}` }
  }

  it('the matrices list every route', () => {
    expect(Object.keys(ADMINISTRATIVE)).toHaveLength(11)
    expect(matrixRows(ADMINISTRATIVE)).toHaveLength(66)
    expect(matrixRows(CLINICAL)).toHaveLength(48)
  })

  async function run(route: string, caller: Caller, expected: number, type: 'administrative' | 'diagnosis') {
    const target = await prepare(route, type)
    await expectCallStatus({ members: c.members, anonymous }, caller, target, expected)
    // A refused write left its note as the admin made it.
    if (expected >= 400 && target.check && target.method !== 'GET') {
      const after = await c.admin.get(target.check)
      expect(after.status).toBe(200)
      expect(after.body.data.revision_count).toBe(1)
    }
  }

  it.each(matrixRows(ADMINISTRATIVE))('administrative: %s as %s → %i', async (route, caller, expected) => run(route, caller, expected, 'administrative'))
  it.each(matrixRows(CLINICAL))('diagnosis: %s as %s → %i', async (route, caller, expected) => run(route, caller, expected, 'diagnosis'))

  it('a receptionist never sees a clinical note or template in a list; an assistant sees them all', async () => {
    const patient = (await c.admin.post('/api/v1/patients', { first_name: 'Split', last_name: 'Lists' })).body.data.id
    const admin = await addNote(c.admin, patient, { type: 'administrative', body: '<p>Pays by card.</p>' })
    const kinds = ['diagnosis', 'treatment', 'progress'] as const
    for (const type of kinds) await addNote(c.admin, patient, { type, body: `<p>${type}</p>` })
    const types = async (role: Role, path: string) => (await c.members[role].api.get(path)).body.data.map((x: { type: string }) => x.type).sort()

    const byPatient = `${BASE}/patients/${patient}/notes`
    const byOwner = `${BASE}/notes?owner_type=patient&owner_id=${patient}`
    expect(await types('receptionist', byPatient)).toEqual(['administrative'])
    expect(await types('receptionist', byOwner)).toEqual(['administrative'])
    expect((await c.members.receptionist.api.get(byPatient)).body.total).toBe(1)
    expect(await types('receptionist', `${byPatient}?type=diagnosis`)).toEqual([])
    expect(await types('assistant', byPatient)).toEqual(['administrative', 'diagnosis', 'progress', 'treatment'])
    expect((await c.members.receptionist.api.get(`${BASE}/notes/${admin.id}`)).status).toBe(200)
    const receptionistTemplates = await types('receptionist', `${BASE}/templates`)
    expect(new Set(receptionistTemplates)).toEqual(new Set(['administrative']))
  })

  describe('tenant isolation: another clinic\'s rows are 404 on every route', () => {
    let other: Awaited<ReturnType<typeof setupOtherClinic>>
    let theirNote: string
    let theirTemplate: string

    beforeAll(async () => {
      other = await setupOtherClinic(server)
      theirNote = (await addNote(other.api, other.patientId, { type: 'administrative', body: '<p>theirs</p>' })).id
      const tpl = await other.api.post(`${BASE}/templates`, { name: 'Theirs', type: 'administrative', body: '<p>t</p>' })
      theirTemplate = tpl.body.data.id
    })

    it.each(ROLES)('as %s of the first clinic', async (role) => {
      const api = c.members[role].api
      await expectRefusals([
        ['GET note', api.get(`${BASE}/notes/${theirNote}`), 404],
        ['PUT note', api.put(`${BASE}/notes/${theirNote}`, { body: '<p>stolen</p>' }), 404],
        ['DELETE note', api.delete(`${BASE}/notes/${theirNote}`), 404],
        ['GET revisions', api.get(`${BASE}/notes/${theirNote}/revisions`), 404],
        ['GET patient notes', api.get(`${BASE}/patients/${other.patientId}/notes`), 404],
        ['PUT template', api.put(`${BASE}/templates/${theirTemplate}`, { name: 'Stolen' }), 404],
        ['DELETE template', api.delete(`${BASE}/templates/${theirTemplate}`), 404],
        ['POST note on their patient', api.post(`${BASE}/notes`, { owner_type: 'patient', owner_id: other.patientId, type: 'administrative', body: '<p>x</p>' }), 422],
      ])
      const list = await api.get(`${BASE}/notes?owner_type=patient&owner_id=${other.patientId}`)
      expect(list.body.total).toBe(0)
      const templates = await api.get(`${BASE}/templates`)
      expect(templates.body.data.map((x: { id: string }) => x.id)).not.toContain(theirTemplate)
    })

    it('and nothing of theirs changed', async () => {
      const note = await other.api.get(`${BASE}/notes/${theirNote}`)
      expect(note.body.data).toMatchObject({ body: '<p>theirs</p>', revision_count: 1 })
      const templates = await other.api.get(`${BASE}/templates`)
      expect(templates.body.data.map((x: { name: string }) => x.name)).toEqual(['Theirs'])
    })
  })
})
