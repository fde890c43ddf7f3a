// Charting over HTTP: exact DTOs, the shape rules as 422s naming the field,
// prices computed once from the catalog, existing work, and refusals that
// save nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UUID } from '../../../../tests/support/fixtures'
import { BASE, chart, createPatient, entriesOf, fieldErrors, startOdontogramSuite } from './helpers'
import type { OdontogramSuite } from './helpers'

describe('odontogram entries', () => {
  let { server, c, api, items } = {} as OdontogramSuite
  let dentist: string

  beforeAll(async () => {
    ({ server, c, api, items } = await startOdontogramSuite('dentist'))
    dentist = c.members.dentist.id
  })
  afterAll(async () => server?.close())

  it('a condition comes back exactly as charted', async () => {
    const patient = await createPatient(api)
    const res = await api.post(`${BASE}/patients/${patient}/entries`, {
      kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16, surfaces: ['O', 'M'] }], recorded_at: '2026-11-02T09:30:00+01:00', notes: 'Deep',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const e = res.body.data
    expect(e.id).toMatch(UUID)
    expect(e).toEqual({
      id: e.id,
      patient_id: patient,
      kind: 'condition',
      clinical_type: 'caries',
      status: null,
      existing: false,
      // Surfaces in the stored order, whatever order they were sent in.
      teeth: [{ tooth: 16, surfaces: ['M', 'O'], role: null }],
      scope: 'tooth',
      arch: null,
      catalog_item_id: null,
      catalog_item: null,
      price: null,
      notes: 'Deep',
      recorded_by: { id: dentist, name: 'Dentist Tester' },
      recorded_at: '2026-11-02T09:30:00+01:00',
      performed_by: null,
      performed_at: null,
      cancelled_at: null,
      superseded_by: null,
      allowed_transitions: [],
      created_at: e.created_at,
      updated_at: e.updated_at,
    })
    expect(e.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$/)
    const again = await api.get(`${BASE}/entries/${e.id}`)
    expect(again.status).toBe(200)
    expect(again.body.data).toEqual(e)
  })

  it('a treatment from the catalog takes its type, is planned, and is priced once', async () => {
    const patient = await createPatient(api)
    const e = await chart(api, patient, { kind: 'treatment', catalog_item_id: items.composite, teeth: [{ tooth: 26, surfaces: ['M', 'O', 'D'] }] })
    expect(e).toMatchObject({
      clinical_type: 'filling', status: 'planned', scope: 'tooth', price: '85.00', allowed_transitions: ['performed', 'cancelled'],
      catalog_item_id: items.composite, catalog_item: { id: items.composite, code: 'T-COMP', names: { en: 'T-COMP', es: 'T-COMP es' } },
    })
  })

  it.each([
    ['per_surface, one tooth, 2 surfaces', 'composite', [{ tooth: 36, surfaces: ['O', 'B'] }], '70.00'],
    ['per_surface, two teeth, 1 + 4 surfaces (past the largest tier)', 'composite', [{ tooth: 36, surfaces: ['O'] }, { tooth: 37, surfaces: ['M', 'O', 'D', 'B'] }], '140.00'],
    ['per_role, 3-unit bridge: pillar + pontic + pillar, not multiplied', 'bridge', [{ tooth: 14, role: 'pillar' }, { tooth: 15, role: 'pontic' }, { tooth: 16, role: 'pillar' }], '1600.00'],
    ['per_role, 4-unit bridge', 'bridge', [{ tooth: 44, role: 'pillar' }, { tooth: 45, role: 'pontic' }, { tooth: 46, role: 'pontic' }, { tooth: 47, role: 'pillar' }], '2100.00'],
    ['per_tooth, four teeth', 'sealant', [{ tooth: 16 }, { tooth: 26 }, { tooth: 36 }, { tooth: 46 }], '100.00'],
    ['flat, the mouth', 'exam', [], '30.00'],
  ] as const)('price snapshot: %s', async (_label, item, teeth, price) => {
    const patient = await createPatient(api)
    const e = await chart(api, patient, { kind: 'treatment', catalog_item_id: items[item], teeth })
    expect(e.price).toBe(price)
    // Performing keeps the snapshot, even after the catalog price changes.
    const raised = await c.admin.put(`/api/v1/catalog/items/${items[item]}`, { default_price: '9999.00' })
    expect(raised.status, JSON.stringify(raised.body)).toBe(200)
    const done = await api.post(`${BASE}/entries/${e.id}/perform`, {})
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.data.price).toBe(price)
  })

  it.each([
    ['not an FDI number', { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 19 }] }, [['teeth[0].tooth', 'odontogram.invalid_tooth']]],
    ['deciduous number out of range', { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 56 }] }, [['teeth[0].tooth', 'odontogram.invalid_tooth']]],
    ['the same tooth twice', { kind: 'condition', clinical_type: 'missing', teeth: [{ tooth: 18 }, { tooth: 18 }] }, [['teeth[1].tooth', 'odontogram.duplicate_tooth']]],
    ['surfaces on a type that takes none', { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 16, surfaces: ['O'] }] }, [['teeth[0].surfaces', 'odontogram.surfaces_not_allowed']]],
    ['a filling without surfaces', { kind: 'treatment', clinical_type: 'filling', teeth: [{ tooth: 16 }] }, [['teeth[0].surfaces', 'odontogram.surfaces_required']]],
    ['a surface that does not exist', { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16, surfaces: ['X'] }] }, [['teeth[0].surfaces[0]', 'invalid_value']]],
    ['a treatment type charted as a condition', { kind: 'condition', clinical_type: 'crown', teeth: [{ tooth: 16 }] }, [['clinical_type', 'odontogram.type_kind_mismatch']]],
    ['a role outside a bridge', { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 16, role: 'pillar' }] }, [['teeth[0].role', 'odontogram.role_not_allowed']]],
    ['a bridge tooth without a role', { kind: 'treatment', clinical_type: 'bridge', teeth: [{ tooth: 14, role: 'pillar' }, { tooth: 15 }] }, [['teeth[1].role', 'odontogram.role_required']]],
    ['a bridge of one tooth', { kind: 'treatment', clinical_type: 'bridge', teeth: [{ tooth: 14, role: 'pillar' }], scope: 'multi_tooth' }, [['teeth', 'odontogram.several_teeth']]],
    ['a bridge with a gap', { kind: 'treatment', clinical_type: 'bridge', teeth: [{ tooth: 14, role: 'pillar' }, { tooth: 16, role: 'pillar' }] }, [['teeth', 'odontogram.bridge_not_contiguous']]],
    ['a bridge across arches', { kind: 'treatment', clinical_type: 'bridge', teeth: [{ tooth: 11, role: 'pillar' }, { tooth: 41, role: 'pillar' }] }, [['teeth', 'odontogram.bridge_not_contiguous']]],
    ['a bridge ending on a pontic', { kind: 'treatment', clinical_type: 'bridge', teeth: [{ tooth: 14, role: 'pillar' }, { tooth: 15, role: 'pontic' }] }, [['teeth', 'odontogram.bridge_pillars']]],
    ['an arch entry without its arch', { kind: 'treatment', clinical_type: 'denture', scope: 'arch' }, [['arch', 'odontogram.arch_required']]],
    ['an arch named outside the arch scope', { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 16 }], arch: 'upper' }, [['arch', 'odontogram.arch_not_allowed']]],
    ['a scope the type does not take', { kind: 'treatment', clinical_type: 'exam', teeth: [{ tooth: 16 }] }, [['scope', 'odontogram.scope_not_allowed']]],
    ['a status on a condition', { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16 }], status: 'planned' }, [['status', 'odontogram.status_not_allowed']]],
    ['a recorded_at in the future', { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16 }], recorded_at: '2099-01-01T10:00:00Z' }, [['recorded_at', 'odontogram.future_date']]],
    ['performed before it was recorded', { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 16 }], status: 'performed', recorded_at: '2026-06-01T10:00:00Z', performed_at: '2026-05-01T10:00:00Z' }, [['performed_at', 'odontogram.performed_before_recorded']]],
    ['no clinical type and no item', { kind: 'treatment', teeth: [{ tooth: 16 }] }, [['clinical_type', 'odontogram.type_required']]],
    ['several problems at once', { kind: 'treatment', clinical_type: 'filling', teeth: [{ tooth: 99, surfaces: ['O'] }, { tooth: 17 }] }, [['teeth[0].tooth', 'odontogram.invalid_tooth'], ['teeth[1].surfaces', 'odontogram.surfaces_required']]],
  ])('422 %s, naming the field; nothing saved', async (_label, body, expected) => {
    const patient = await createPatient(api)
    const res = await api.post(`${BASE}/patients/${patient}/entries`, body)
    expect(res.status, JSON.stringify(res.body)).toBe(422)
    expect(fieldErrors(res.body)).toEqual(expected)
    expect(await entriesOf(api, patient)).toEqual([])
  })

  it.each([
    ['an item of another type', (i: typeof items) => ({ kind: 'treatment', clinical_type: 'crown', catalog_item_id: i.composite, teeth: [{ tooth: 16 }] }), 'clinical_type', 'odontogram.item_type_mismatch'],
    ['an item for one tooth on the mouth', (i: typeof items) => ({ kind: 'treatment', catalog_item_id: i.crown, scope: 'mouth' }), 'scope', 'odontogram.scope_not_allowed'],
    ['an item for the mouth on a tooth', (i: typeof items) => ({ kind: 'treatment', clinical_type: 'radiograph', catalog_item_id: i.exam, teeth: [{ tooth: 16 }] }), 'clinical_type', 'odontogram.item_type_mismatch'],
    ['an inactive item', (i: typeof items) => ({ kind: 'treatment', catalog_item_id: i.inactive, teeth: [{ tooth: 16 }] }), 'catalog_item_id', 'odontogram.item_inactive'],
    ['an unknown item', () => ({ kind: 'treatment', clinical_type: 'crown', catalog_item_id: '00000000-0000-4000-8000-000000000000', teeth: [{ tooth: 16 }] }), 'catalog_item_id', 'odontogram.item_not_found'],
    ['an item on a condition', (i: typeof items) => ({ kind: 'condition', clinical_type: 'caries', catalog_item_id: i.crown, teeth: [{ tooth: 16 }] }), 'catalog_item_id', 'odontogram.item_on_condition'],
  ])('422 for %s', async (_label, body, field, code) => {
    const patient = await createPatient(api)
    const res = await api.post(`${BASE}/patients/${patient}/entries`, body(items))
    expect(res.status, JSON.stringify(res.body)).toBe(422)
    expect(fieldErrors(res.body)[0]).toEqual([field, code])
    expect(await entriesOf(api, patient)).toEqual([])
  })

  it('the scope follows the teeth: one tooth, several, the arch, the mouth', async () => {
    const patient = await createPatient(api)
    expect((await chart(api, patient, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 11 }] })).scope).toBe('tooth')
    expect((await chart(api, patient, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 12 }, { tooth: 22 }] })).scope).toBe('multi_tooth')
    expect(await chart(api, patient, { kind: 'treatment', clinical_type: 'denture', arch: 'lower' })).toMatchObject({ scope: 'arch', arch: 'lower', teeth: [] })
    expect(await chart(api, patient, { kind: 'treatment', clinical_type: 'cleaning' })).toMatchObject({ scope: 'mouth', arch: null, teeth: [] })
  })

  it('existing work is recorded performed, with no price, no performer and no transitions', async () => {
    const patient = await createPatient(api)
    const e = await chart(api, patient, { kind: 'treatment', catalog_item_id: items.crown, existing: true, teeth: [{ tooth: 36 }], performed_at: '2019-05-01T10:00:00+02:00' })
    expect(e).toMatchObject({ status: 'performed', existing: true, price: null, performed_by: null, performed_at: '2019-05-01T10:00:00+02:00', allowed_transitions: [] })
    const twice = await api.post(`${BASE}/entries/${e.id}/perform`, {})
    expect([twice.status, twice.body.errors[0].code]).toEqual([409, 'odontogram.already_performed'])
    const planned = await api.post(`${BASE}/patients/${patient}/entries`, { kind: 'treatment', clinical_type: 'crown', existing: true, status: 'planned', teeth: [{ tooth: 37 }] })
    expect(fieldErrors(planned.body)).toEqual([['status', 'odontogram.existing_is_performed']])
  })

  it('a tooth charted missing takes no filling or crown (409), but takes an implant or a pontic', async () => {
    const patient = await createPatient(api)
    await chart(api, patient, { kind: 'condition', clinical_type: 'missing', teeth: [{ tooth: 46 }] })
    for (const body of [
      { kind: 'treatment', catalog_item_id: items.composite, teeth: [{ tooth: 46, surfaces: ['O'] }] },
      { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 46 }] },
      { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 46 }] },
      { kind: 'condition', clinical_type: 'missing', teeth: [{ tooth: 46 }] },
      { kind: 'treatment', clinical_type: 'bridge', teeth: [{ tooth: 46, role: 'pillar' }, { tooth: 47, role: 'pillar' }] },
    ]) {
      const res = await api.post(`${BASE}/patients/${patient}/entries`, body)
      expect(res.status, JSON.stringify(body)).toBe(409)
      expect(res.body.errors[0]).toMatchObject({ code: 'odontogram.tooth_missing', params: { tooth: 46 } })
    }
    expect(await entriesOf(api, patient)).toHaveLength(1)
    await chart(api, patient, { kind: 'treatment', catalog_item_id: items.bridge, teeth: [{ tooth: 45, role: 'pillar' }, { tooth: 46, role: 'pontic' }, { tooth: 47, role: 'pillar' }] })
    await chart(api, patient, { kind: 'treatment', catalog_item_id: items.implant, teeth: [{ tooth: 46 }] })
  })

  it('lists with filters, newest clinical date first, paginated', async () => {
    const patient = await createPatient(api)
    const a = await chart(api, patient, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16, surfaces: ['O'] }], recorded_at: '2026-01-10T10:00:00+01:00' })
    const b = await chart(api, patient, { kind: 'treatment', catalog_item_id: items.composite, teeth: [{ tooth: 16, surfaces: ['O'] }], recorded_at: '2026-01-11T10:00:00+01:00' })
    const d = await chart(api, patient, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 21 }], recorded_at: '2026-01-12T10:00:00+01:00' })
    const ids = async (q: string) => (await entriesOf(api, patient, q)).map(e => e.id)
    expect(await ids('')).toEqual([d.id, b.id, a.id])
    expect(await ids('&kind=condition')).toEqual([a.id])
    expect(await ids('&tooth=16')).toEqual([b.id, a.id])
    expect(await ids('&type=crown')).toEqual([d.id])
    expect(await ids('&status=planned&tooth=21')).toEqual([d.id])
    const page = await api.get(`${BASE}/patients/${patient}/entries?page=2&page_size=2`)
    expect(page.body).toMatchObject({ total: 3, page: 2, page_size: 2 })
    expect(page.body.data.map((e: { id: string }) => e.id)).toEqual([a.id])
    const bad = await api.get(`${BASE}/patients/${patient}/entries?type=nonsense`)
    expect(fieldErrors(bad.body)).toEqual([['type', 'invalid_value']])
  })

  it('an archived patient\'s chart is read-only (409); an unknown patient is 404', async () => {
    const patient = await createPatient(api)
    const e = await chart(api, patient, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 11 }] })
    const archived = await c.admin.delete(`/api/v1/patients/${patient}`)
    expect(archived.status, JSON.stringify(archived.body)).toBeLessThan(300)
    const write = await api.post(`${BASE}/patients/${patient}/entries`, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16 }] })
    expect([write.status, write.body.errors[0].code]).toEqual([409, 'odontogram.patient_archived'])
    const perf = await api.post(`${BASE}/entries/${e.id}/perform`, {})
    expect([perf.status, perf.body.errors[0].code]).toEqual([409, 'odontogram.patient_archived'])
    expect((await api.get(`${BASE}/patients/${patient}/chart`)).status).toBe(200)
    const missing = await api.get(`${BASE}/patients/00000000-0000-4000-8000-000000000000/chart`)
    expect([missing.status, missing.body.errors[0].code]).toEqual([404, 'odontogram.patient_not_found'])
    expect((await api.get(`${BASE}/patients/not-a-uuid/chart`)).status).toBe(404)
  })
})
