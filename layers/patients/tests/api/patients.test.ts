import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../../tests/support/http'
import { isErrorEnvelope } from '../../../../tests/support/http'
import { errorFields, setupOwner, UUID } from '../../../../tests/support/fixtures'
import { startServer } from '../../../../tests/support/server'
import type { TestServer } from '../../../../tests/support/server'

const BASE = '/api/v1/patients'
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

// The keys of the `Patient` DTO (layers/patients/models.ts), written out.
const PATIENT_KEYS = [
  'address', 'allergies', 'allergies_status', 'archived_at', 'billing_address', 'billing_email', 'billing_name', 'billing_tax_id',
  'clinic_id', 'created_at', 'date_of_birth', 'do_not_contact', 'effective_billing', 'email', 'first_name',
  'full_name', 'gender', 'id', 'last_name', 'last_visit_at', 'national_id', 'national_id_type', 'notes',
  'phone', 'status', 'updated_at',
]

// Distinctive values that must never reach the server's log.
const SECRET = {
  first_name: 'Zuriñe',
  last_name: 'Etxeberria-Quintanilla',
  phone: '+34 699 314 159',
  email: 'zurine.secret@example.com',
  national_id: '98765432M',
  notes: 'Very private note 7c1f',
}

describe('patients API', () => {
  let server: TestServer
  let owner: ApiClient
  let clinicId: string

  async function create(body: Record<string, unknown>) {
    const res = await owner.post(BASE, body)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.data
  }
  async function total(query = 'status=all') {
    const res = await owner.get(`${BASE}?${query}`)
    expect(res.status).toBe(200)
    return res.body.total as number
  }

  beforeAll(async () => {
    server = await startServer()
    ;({ api: owner, clinicId } = await setupOwner(server.url))
  })
  afterAll(async () => server?.close())

  describe('create and read', () => {
    it('creates a patient: 201 with the full DTO', async () => {
      // Stored as sent (the names are trimmed and the e-mail lower-cased below).
      const asSent = {
        last_name: 'García Núñez',
        phone: '+34 600 123 456',
        date_of_birth: '1985-03-14',
        gender: 'female',
        national_id: '12345678Z',
        national_id_type: 'dni',
        address: 'Calle Mayor 1, Madrid',
        notes: 'Nervous patient',
      }
      const res = await owner.post(BASE, { ...asSent, first_name: '  María José ', email: 'MJ.Garcia@Example.COM' })
      expect(res.status).toBe(201)
      expect(res.body.message).toBe('Patient created')
      const p = res.body.data
      expect(Object.keys(p).sort()).toEqual(PATIENT_KEYS)
      expect(p).toMatchObject({
        ...asSent,
        clinic_id: clinicId,
        first_name: 'María José',
        full_name: 'María José García Núñez',
        email: 'mj.garcia@example.com',
        status: 'active',
        do_not_contact: false,
        billing_name: null,
        billing_tax_id: null,
        billing_address: null,
        billing_email: null,
        effective_billing: { name: 'María José García Núñez', tax_id: '12345678Z', address: 'Calle Mayor 1, Madrid', email: 'mj.garcia@example.com' },
        allergies: [],
        allergies_status: 'not_recorded',
        last_visit_at: null,
        archived_at: null,
      })
      expect(p.id).toMatch(UUID)
      expect(p.created_at).toMatch(ISO)
      expect(p.updated_at).toMatch(ISO)
      const got = await owner.get(`${BASE}/${p.id}`)
      expect(got.status).toBe(200)
      expect(got.body.data).toEqual(p)
    })

    it('creates with only the names; empty strings become null', async () => {
      const p = await create({ first_name: 'Ana', last_name: 'Ruiz', phone: '', email: '', date_of_birth: '', notes: '' })
      expect(p).toMatchObject({ phone: null, email: null, date_of_birth: null, notes: null, gender: null, do_not_contact: false })
      expect(p.effective_billing).toEqual({ name: 'Ana Ruiz', tax_id: null, address: null, email: null })
    })

    it('effective billing prefers the billing fields', async () => {
      const p = await create({
        first_name: 'Leo',
        last_name: 'Menor',
        national_id: '11111111H',
        email: 'leo@example.com',
        address: 'Home 1',
        billing_name: 'Mamá de Leo',
        billing_tax_id: '22222222J',
        billing_address: 'Office 2',
        billing_email: 'Billing@Example.com',
      })
      expect(p.effective_billing).toEqual({ name: 'Mamá de Leo', tax_id: '22222222J', address: 'Office 2', email: 'billing@example.com' })
      const partly = await create({ first_name: 'Eva', last_name: 'Sola', national_id: 'Y7654321G', billing_email: 'acct@example.com' })
      expect(partly.effective_billing).toEqual({ name: 'Eva Sola', tax_id: 'Y7654321G', address: null, email: 'acct@example.com' })
    })
  })

  describe('validation', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['names missing', {}, ['first_name', 'last_name']],
      ['blank names', { first_name: '   ', last_name: '' }, ['first_name', 'last_name']],
      ['names not strings', { first_name: 12, last_name: null }, ['first_name', 'last_name']],
      ['bad email', { first_name: 'A', last_name: 'B', email: 'not-an-email' }, ['email']],
      ['bad billing email', { first_name: 'A', last_name: 'B', billing_email: 'x@' }, ['billing_email']],
      ['date of birth in the future', { first_name: 'A', last_name: 'B', date_of_birth: '2999-01-01' }, ['date_of_birth']],
      ['date of birth not a date', { first_name: 'A', last_name: 'B', date_of_birth: '14/03/1985' }, ['date_of_birth']],
      ['unknown gender', { first_name: 'A', last_name: 'B', gender: 'robot' }, ['gender']],
      ['unknown national id type', { first_name: 'A', last_name: 'B', national_id_type: 'ssn' }, ['national_id_type']],
      ['name too long', { first_name: 'A'.repeat(101), last_name: 'B' }, ['first_name']],
      ['notes too long', { first_name: 'A', last_name: 'B', notes: 'x'.repeat(5001) }, ['notes']],
      ['do_not_contact not a boolean', { first_name: 'A', last_name: 'B', do_not_contact: 'yes' }, ['do_not_contact']],
    ])('POST with %s → 422 on those fields, nothing saved', async (_label, body, fields) => {
      const before = await total()
      const res = await owner.post(BASE, body)
      expect(res.status).toBe(422)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(errorFields(res.body).sort()).toEqual(fields)
      expect(await total()).toBe(before)
    })

    it('malformed JSON is a 400 and saves nothing', async () => {
      const before = await total()
      const res = await owner.request('POST', BASE, { raw: '{"first_name": "A",' })
      expect(res.status).toBe(400)
      expect(await total()).toBe(before)
    })

    it('PUT with invalid fields → 422 with their paths, and the patient is unchanged', async () => {
      const p = await create({ first_name: 'Valid', last_name: 'Person', email: 'valid@example.com' })
      const res = await owner.put(`${BASE}/${p.id}`, { first_name: '', email: 'nope', gender: 'x', last_name: 'Changed' })
      expect(res.status).toBe(422)
      expect(errorFields(res.body).sort()).toEqual(['email', 'first_name', 'gender'])
      expect((await owner.get(`${BASE}/${p.id}`)).body.data).toEqual(p)
    })
  })

  describe('update', () => {
    it('changes only the fields sent', async () => {
      const p = await create({ first_name: 'Pablo', last_name: 'Ibáñez', phone: '600 000 001', email: 'pablo@example.com', notes: 'Keep me' })
      const res = await owner.put(`${BASE}/${p.id}`, { phone: '600 000 002', do_not_contact: true })
      expect(res.status).toBe(200)
      expect(res.body.message).toBe('Patient updated')
      expect(res.body.data).toMatchObject({ first_name: 'Pablo', last_name: 'Ibáñez', phone: '600 000 002', email: 'pablo@example.com', notes: 'Keep me', do_not_contact: true })
      expect(res.body.data.updated_at > p.updated_at).toBe(true)
      expect(res.body.data.created_at).toBe(p.created_at)
      // null clears a field; the search follows the new values.
      const cleared = await owner.put(`${BASE}/${p.id}`, { email: null, last_name: 'Ortiz' })
      expect(cleared.body.data).toMatchObject({ email: null, last_name: 'Ortiz', full_name: 'Pablo Ortiz', phone: '600 000 002' })
      expect((await owner.get(`${BASE}?search=ibanez`)).body.total).toBe(0)
      expect((await owner.get(`${BASE}?search=pablo%20ortiz`)).body.data.map((x: { id: string }) => x.id)).toEqual([p.id])
      expect((await owner.get(`${BASE}?search=600000002`)).body.data.map((x: { id: string }) => x.id)).toEqual([p.id])
    })

    it('an update that changes nothing keeps updated_at', async () => {
      const p = await create({ first_name: 'Same', last_name: 'Again', email: 'same@example.com' })
      const res = await owner.put(`${BASE}/${p.id}`, { first_name: 'Same', email: 'SAME@example.com' })
      expect(res.status).toBe(200)
      expect(res.body.data).toEqual(p)
      const empty = await owner.put(`${BASE}/${p.id}`, {})
      expect(empty.body.data).toEqual(p)
    })
  })

  describe('archive and restore', () => {
    it('DELETE archives (204), hides from the default list; again → 409; edits → 409; restore → 200; again → 409', async () => {
      const p = await create({ first_name: 'Archie', last_name: 'Vado' })
      const del = await owner.delete(`${BASE}/${p.id}`)
      expect(del.status).toBe(204)
      expect(del.body).toBe('')

      const got = (await owner.get(`${BASE}/${p.id}`)).body.data
      expect(got).toMatchObject({ status: 'archived' })
      expect(got.archived_at).toMatch(ISO)
      expect((await owner.get(`${BASE}?search=archie`)).body.total).toBe(0)
      expect((await owner.get(`${BASE}?search=archie&status=archived`)).body.data.map((x: { id: string }) => x.id)).toEqual([p.id])

      const again = await owner.delete(`${BASE}/${p.id}`)
      expect(again.status).toBe(409)
      expect(again.body.errors[0].code).toBe('patients.already_archived')

      const edit = await owner.put(`${BASE}/${p.id}`, { first_name: 'Changed' })
      expect(edit.status).toBe(409)
      expect(edit.body.errors[0].code).toBe('patients.archived')
      expect(edit.body.message).toMatch(/restore/i)
      const medical = await owner.put(`${BASE}/${p.id}/medical`, { allergies: ['Latex'] })
      expect(medical.status).toBe(409)
      expect(medical.body.errors[0].code).toBe('patients.archived')
      // Still readable while archived.
      expect((await owner.get(`${BASE}/${p.id}/medical`)).status).toBe(200)
      expect((await owner.get(`${BASE}/${p.id}`)).body.data.first_name).toBe('Archie')

      const restore = await owner.post(`${BASE}/${p.id}/restore`)
      expect(restore.status).toBe(200)
      expect(restore.body.data).toMatchObject({ id: p.id, status: 'active', archived_at: null, first_name: 'Archie' })
      expect((await owner.get(`${BASE}?search=archie`)).body.total).toBe(1)

      const twice = await owner.post(`${BASE}/${p.id}/restore`)
      expect(twice.status).toBe(409)
      expect(twice.body.errors[0].code).toBe('patients.not_archived')
      expect((await owner.put(`${BASE}/${p.id}`, { first_name: 'Archibald' })).status).toBe(200)
    })
  })

  describe('recent', () => {
    it('the 10 most recently created or edited active patients, newest first', async () => {
      const made: string[] = []
      for (let i = 1; i <= 12; i++) made.push((await create({ first_name: `Recent${i}`, last_name: 'Patient' })).id)
      let res = await owner.get(`${BASE}/recent`)
      expect(res.status).toBe(200)
      expect(res.body.data.map((p: { id: string }) => p.id)).toEqual(made.slice(2).reverse())
      expect(Object.keys(res.body.data[0]).sort()).toEqual(PATIENT_KEYS)

      // Editing an older one brings it to the top; archiving one drops it.
      expect((await owner.put(`${BASE}/${made[0]}`, { notes: 'seen again' })).status).toBe(200)
      expect((await owner.delete(`${BASE}/${made[11]}`)).status).toBe(204)
      res = await owner.get(`${BASE}/recent`)
      expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([made[0], ...made.slice(2, 11).reverse()])
    })
  })

  describe('medical history', () => {
    it('round trip: empty at first, lists replaced when sent, kept when not, allergies on the patient', async () => {
      const p = await create({ first_name: 'Med', last_name: 'History' })
      const empty = await owner.get(`${BASE}/${p.id}/medical`)
      expect(empty.status).toBe(200)
      expect(empty.body.data).toEqual({ patient_id: p.id, allergies: [], allergies_status: 'not_recorded', medications: [], conditions: [], updated_by: null, updated_at: null })

      const me = (await owner.get('/api/v1/auth/me')).body.data.user.id
      const put = await owner.put(`${BASE}/${p.id}/medical`, { allergies: [' Penicillin ', 'Látex'], medications: ['Ibuprofen 600 mg'] })
      expect(put.status).toBe(200)
      expect(put.body.data).toMatchObject({ patient_id: p.id, allergies: ['Penicillin', 'Látex'], allergies_status: 'recorded', medications: ['Ibuprofen 600 mg'], conditions: [], updated_by: me })
      expect(put.body.data.updated_at).toMatch(ISO)
      expect((await owner.get(`${BASE}/${p.id}/medical`)).body.data).toEqual(put.body.data)

      const more = await owner.put(`${BASE}/${p.id}/medical`, { conditions: ['Diabetes type 2'] })
      expect(more.body.data).toMatchObject({ allergies: ['Penicillin', 'Látex'], medications: ['Ibuprofen 600 mg'], conditions: ['Diabetes type 2'] })
      expect((await owner.get(`${BASE}/${p.id}`)).body.data.allergies).toEqual(['Penicillin', 'Látex'])
      expect((await owner.get(`${BASE}?search=history`)).body.data[0].allergies).toEqual(['Penicillin', 'Látex'])

      // Emptying the list without "none known" is not a "none known": back to not recorded.
      const cleared = await owner.put(`${BASE}/${p.id}/medical`, { allergies: [] })
      expect(cleared.body.data).toMatchObject({ allergies: [], allergies_status: 'not_recorded', medications: ['Ibuprofen 600 mg'], conditions: ['Diabetes type 2'] })
      expect((await owner.get(`${BASE}/${p.id}`)).body.data).toMatchObject({ allergies: [], allergies_status: 'not_recorded' })
    })

    it('allergies are three states: not recorded, none known, the list', async () => {
      const unknown = await create({ first_name: 'Tri', last_name: 'Unknown' })
      expect(unknown).toMatchObject({ allergies: [], allergies_status: 'not_recorded' })

      const none = await create({ first_name: 'Tri', last_name: 'None', no_known_allergies: true })
      expect(none).toMatchObject({ allergies: [], allergies_status: 'none_known' })
      expect((await owner.get(`${BASE}/${none.id}/medical`)).body.data).toMatchObject({ allergies: [], allergies_status: 'none_known' })

      const listed = await create({ first_name: 'Tri', last_name: 'Listed', allergies: [' Penicillin '] })
      expect(listed).toMatchObject({ allergies: ['Penicillin'], allergies_status: 'recorded' })
      expect((await owner.get(`${BASE}/${listed.id}`)).body.data).toMatchObject({ allergies: ['Penicillin'], allergies_status: 'recorded' })
      expect((await owner.get(`${BASE}?search=tri&sort=last_name`)).body.data.map((x: { allergies_status: string }) => x.allergies_status))
        .toEqual(['recorded', 'none_known', 'not_recorded'])

      // Both at once is refused, and nothing is created.
      const both = await owner.post(BASE, { first_name: 'Tri', last_name: 'Both', allergies: ['Latex'], no_known_allergies: true })
      expect(both.status).toBe(422)
      expect(errorFields(both.body)).toEqual(['no_known_allergies'])
      expect((await owner.get(`${BASE}?search=tri both`)).body.total).toBe(0)

      // The medical history moves between the states.
      const toNone = await owner.put(`${BASE}/${unknown.id}/medical`, { no_known_allergies: true })
      expect(toNone.body.data).toMatchObject({ allergies: [], allergies_status: 'none_known' })
      const toList = await owner.put(`${BASE}/${unknown.id}/medical`, { allergies: ['Latex'], no_known_allergies: false })
      expect(toList.body.data).toMatchObject({ allergies: ['Latex'], allergies_status: 'recorded' })
      const backToNone = await owner.put(`${BASE}/${unknown.id}/medical`, { allergies: [], no_known_allergies: true })
      expect(backToNone.body.data).toMatchObject({ allergies: [], allergies_status: 'none_known' })
      const unticked = await owner.put(`${BASE}/${unknown.id}/medical`, { no_known_allergies: false })
      expect(unticked.body.data).toMatchObject({ allergies: [], allergies_status: 'not_recorded' })
      // Other lists leave the allergy state alone.
      await owner.put(`${BASE}/${none.id}/medical`, { medications: ['Aspirin'] })
      expect((await owner.get(`${BASE}/${none.id}`)).body.data.allergies_status).toBe('none_known')
    })

    it.each<[string, Record<string, unknown>, string[]]>([
      ['an empty item', { allergies: ['Latex', ''] }, ['allergies[1]']],
      ['not a list', { medications: 'Aspirin' }, ['medications']],
      ['an item too long', { conditions: ['x'.repeat(201)] }, ['conditions[0]']],
      ['too many items', { allergies: Array.from({ length: 101 }, (_, i) => `A${i}`) }, ['allergies']],
    ])('PUT medical with %s → 422, nothing saved', async (_label, body, fields) => {
      const p = await create({ first_name: 'Bad', last_name: 'Medical' })
      expect((await owner.put(`${BASE}/${p.id}/medical`, { allergies: ['Keep'] })).status).toBe(200)
      const res = await owner.put(`${BASE}/${p.id}/medical`, body)
      expect(res.status).toBe(422)
      expect(errorFields(res.body)).toEqual(fields)
      expect((await owner.get(`${BASE}/${p.id}/medical`)).body.data).toMatchObject({ allergies: ['Keep'], medications: [], conditions: [] })
    })
  })

  describe('logs', () => {
    it('never contain patient data', async () => {
      const p = await create(SECRET)
      await owner.put(`${BASE}/${p.id}`, { notes: `${SECRET.notes} (edited)` })
      await owner.put(`${BASE}/${p.id}/medical`, { allergies: ['SecretAllergen'] })
      await owner.get(`${BASE}?search=${encodeURIComponent(SECRET.last_name)}`)
      await owner.post(BASE, { ...SECRET, email: 'broken' })
      await owner.delete(`${BASE}/${p.id}`)
      await owner.put(`${BASE}/${p.id}`, { first_name: SECRET.first_name })
      const log = server.output()
      expect(log.length).toBeGreaterThan(0)
      for (const value of [...Object.values(SECRET), 'SecretAllergen', 'zurine', '699314159']) expect(log, value).not.toContain(value)
    })
  })
})
