import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MISSING_ID } from '../../../../tests/support/fixtures'
import { act, addItem, BASE, createPatient, createPlan, fieldErrors, filling, getPlan, startPlanSuite } from './helpers'
import type { PlanSuite } from './helpers'

describe('plans and their items', () => {
  let { server, c, items, api } = {} as PlanSuite
  let patient: string

  beforeAll(async () => {
    ({ server, c, items, api } = await startPlanSuite())
    patient = await createPatient(api)
  })
  afterAll(async () => server?.close())

  it('creates a numbered draft with its header', async () => {
    const plan = await createPlan(api, patient, { title: 'Upper fillings', professional_id: c.members.dentist.id, diagnosis: 'Caries on 16 and 26' })
    expect(plan).toMatchObject({
      number: expect.stringMatching(/^PLAN-\d{4}-\d{4}$/),
      title: 'Upper fillings',
      patient_id: patient,
      patient: { id: patient, full_name: 'Ana García' },
      professional: { id: c.members.dentist.id, name: 'Dentist Tester' },
      status: 'draft',
      diagnosis: 'Caries on 16 and 26',
      items: [],
      item_count: 0,
      total: '0.00',
      days_in_status: 0,
      items_locked: false,
      allowed_actions: ['propose', 'close'],
    })
  })

  it('charts a new planned treatment from the catalog with its price and one session', async () => {
    const plan = await createPlan(api, patient)
    const item = await addItem(api, plan.id, filling(items, 26, ['M', 'O']))
    expect(item).toMatchObject({
      plan_id: plan.id,
      position: 1,
      phase: 3,
      status: 'pending',
      price: '70.00',
      sessions: [{ label: null, amount: '70.00' }],
      treatment: { clinical_type: 'filling', status: 'planned', teeth: [{ tooth: 26, surfaces: ['M', 'O'], role: null }], price: '70.00', catalog_item: { code: 'P-COMP' } },
      booked_appointment: null,
    })
    // The chart shows it planned.
    const entry = await api.get(`/api/v1/odontogram/entries/${item.treatment_id}`)
    expect(entry.body.data).toMatchObject({ status: 'planned', price: '70.00' })
  })

  it('splits the catalog session template so the sessions sum to the price', async () => {
    const plan = await createPlan(api, patient)
    const crown = await addItem(api, plan.id, { catalog_item_id: items.crown, teeth: [{ tooth: 36 }] })
    expect(crown.sessions).toEqual([{ label: { en: 'Preparation', es: 'Preparación' }, amount: '220.00' }, { label: { en: 'Fitting', es: 'Colocación' }, amount: '330.00' }])
    expect(crown.phase).toBe(4)
    const endo = await addItem(api, plan.id, { catalog_item_id: items.endo, teeth: [{ tooth: 46 }], phase: 5 })
    expect(endo.sessions.map((s: { amount: string }) => s.amount)).toEqual(['33.34', '33.33', '33.33'])
    expect(endo).toMatchObject({ phase: 5, position: 2 })
    expect((await getPlan(api, plan.id))).toMatchObject({ total: '650.00', item_count: 2, pending_count: 2 })
  })

  it('takes an existing planned treatment of the patient, once, in one live plan', async () => {
    const entry = await api.post(`/api/v1/odontogram/patients/${patient}/entries`, { kind: 'treatment', catalog_item_id: items.crown, teeth: [{ tooth: 11 }] })
    expect(entry.status).toBe(201)
    const first = await createPlan(api, patient)
    const second = await createPlan(api, patient)
    const item = await addItem(api, first.id, { treatment_id: entry.body.data.id })
    expect(item).toMatchObject({ treatment_id: entry.body.data.id, price: '550.00' })
    const again = await api.post(`${BASE}/plans/${first.id}/items`, { treatment_id: entry.body.data.id })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].code).toBe('treatment_plan.already_in_plan')
    const elsewhere = await api.post(`${BASE}/plans/${second.id}/items`, { treatment_id: entry.body.data.id })
    expect(elsewhere.status).toBe(409)
    expect(elsewhere.body.errors[0]).toMatchObject({ code: 'treatment_plan.treatment_in_other_plan', params: { plan_id: first.id, number: first.number } })
    // Closing the first plan frees the treatment for another one.
    await act(api, first.id, 'close', { reason: 'rejected_by_patient' })
    expect((await addItem(api, second.id, { treatment_id: entry.body.data.id })).treatment_id).toBe(entry.body.data.id)
  })

  it('refuses treatments that cannot be planned, naming the field', async () => {
    const plan = await createPlan(api, patient)
    const other = await createPatient(api, { first_name: 'Luis' })
    const theirs = await api.post(`/api/v1/odontogram/patients/${other}/entries`, { kind: 'treatment', catalog_item_id: items.crown, teeth: [{ tooth: 21 }] })
    const caries = await api.post(`/api/v1/odontogram/patients/${patient}/entries`, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 17 }] })
    const cases: [Record<string, unknown>, number, [string, string][]][] = [
      [{ treatment_id: theirs.body.data.id }, 422, [['treatment_id', 'treatment_plan.treatment_not_plannable']]],
      [{ treatment_id: caries.body.data.id }, 422, [['treatment_id', 'treatment_plan.treatment_not_plannable']]],
      [{ treatment_id: MISSING_ID }, 422, [['treatment_id', 'treatment_plan.treatment_not_found']]],
      [{}, 422, [['catalog_item_id', 'validation.required']]],
      [{ treatment_id: MISSING_ID, catalog_item_id: items.crown }, 422, [['treatment_id', 'treatment_plan.one_source']]],
      [{ catalog_item_id: items.composite, teeth: [{ tooth: 16 }] }, 422, [['teeth[0].surfaces', 'odontogram.surfaces_required']]],
      [{ catalog_item_id: items.crown, teeth: [{ tooth: 19 }] }, 422, [['teeth[0].tooth', 'odontogram.invalid_tooth']]],
      [{ catalog_item_id: items.crown, teeth: [{ tooth: 15 }], phase: 6 }, 422, [['phase', 'too_big']]],
      [{ catalog_item_id: items.crown, teeth: [{ tooth: 15 }], professional_id: MISSING_ID }, 422, [['professional_id', 'treatment_plan.professional_not_found']]],
    ]
    for (const [body, status, errors] of cases) {
      const res = await api.post(`${BASE}/plans/${plan.id}/items`, body)
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(fieldErrors(res.body), JSON.stringify(body)).toEqual(errors)
    }
    // Nothing was added, nothing charted for the refused catalog bodies.
    expect((await getPlan(api, plan.id)).items).toEqual([])
    const planned = await api.get(`/api/v1/odontogram/patients/${patient}/entries?status=planned&tooth=15`)
    expect(planned.body.data).toEqual([])
  })

  it('changes, reorders across phases and removes pending items; the treatment stays planned', async () => {
    const plan = await createPlan(api, patient)
    const a = await addItem(api, plan.id, filling(items, 14))
    const b = await addItem(api, plan.id, filling(items, 15))
    const d = await addItem(api, plan.id, filling(items, 24))
    const put = await api.put(`${BASE}/plans/${plan.id}/items/${a.id}`, { phase: 1, professional_id: c.members.dentist.id })
    expect(put.status).toBe(200)
    expect(put.body.data).toMatchObject({ phase: 1, professional: { id: c.members.dentist.id } })
    const reordered = await api.post(`${BASE}/plans/${plan.id}/items/reorder`, { items: [{ id: d.id, phase: 2 }, { id: a.id, phase: 1 }, { id: b.id, phase: 3 }] })
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200)
    expect(reordered.body.data.items.map((i: any) => [i.id, i.position, i.phase])).toEqual([[d.id, 1, 2], [a.id, 2, 1], [b.id, 3, 3]])
    const partial = await api.post(`${BASE}/plans/${plan.id}/items/reorder`, { items: [{ id: d.id, phase: 2 }, { id: a.id, phase: 1 }] })
    expect(partial.status).toBe(422)
    expect(fieldErrors(partial.body)).toEqual([['items', 'treatment_plan.reorder_mismatch']])
    const twice = await api.post(`${BASE}/plans/${plan.id}/items/reorder`, { items: [{ id: d.id, phase: 2 }, { id: d.id, phase: 1 }, { id: b.id, phase: 3 }] })
    expect(twice.status).toBe(422)
    expect((await api.delete(`${BASE}/plans/${plan.id}/items/${a.id}`)).status).toBe(204)
    const after = await getPlan(api, plan.id)
    expect(after.items.map((i: any) => [i.id, i.position])).toEqual([[d.id, 1], [b.id, 2]])
    const entry = await api.get(`/api/v1/odontogram/entries/${a.treatment_id}`)
    expect(entry.body.data.status).toBe('planned')
    expect((await api.delete(`${BASE}/plans/${plan.id}/items/${a.id}`)).status).toBe(404)
  })

  it('performs an item from the plan through the chart: the item completes at once', async () => {
    const plan = await createPlan(api, patient)
    const item = await addItem(api, plan.id, filling(items, 47))
    const res = await api.post(`${BASE}/plans/${plan.id}/items/${item.id}/perform`, {})
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data).toMatchObject({ status: 'completed', treatment: { status: 'performed' }, completed_at: expect.any(String) })
    const again = await api.post(`${BASE}/plans/${plan.id}/items/${item.id}/perform`, {})
    expect(again.status).toBe(409)
    expect(again.body.errors[0].code).toBe('treatment_plan.item_not_pending')
    // A completed item is not changed or removed.
    expect((await api.put(`${BASE}/plans/${plan.id}/items/${item.id}`, { phase: 2 })).status).toBe(409)
    expect((await api.delete(`${BASE}/plans/${plan.id}/items/${item.id}`)).status).toBe(409)
    // Completed in a draft: the plan itself completes only once accepted.
    expect((await getPlan(api, plan.id))).toMatchObject({ status: 'draft', completed_count: 1, pending_count: 0 })
  })

  it('edits the header until the plan is over, and deletes drafts only', async () => {
    const plan = await createPlan(api, patient, { title: 'Old' })
    const put = await api.put(`${BASE}/plans/${plan.id}`, { title: 'New', internal_notes: 'Call after 5 pm', professional_id: null })
    expect(put.status).toBe(200)
    expect(put.body.data).toMatchObject({ title: 'New', internal_notes: 'Call after 5 pm', professional: null })
    const cleared = await api.put(`${BASE}/plans/${plan.id}`, { title: '' })
    expect(cleared.body.data).toMatchObject({ title: null, internal_notes: 'Call after 5 pm' })
    const item = await addItem(api, plan.id, filling(items, 44))
    expect((await api.delete(`${BASE}/plans/${plan.id}`)).status).toBe(204)
    expect((await api.get(`${BASE}/plans/${plan.id}`)).status).toBe(404)
    // The treatment stays planned and may join another plan.
    const next = await createPlan(api, patient)
    expect((await addItem(api, next.id, { treatment_id: item.treatment_id })).treatment_id).toBe(item.treatment_id)

    await act(api, next.id, 'close', { reason: 'other', note: 'Moved abroad' })
    const closed = await api.put(`${BASE}/plans/${next.id}`, { title: 'Late' })
    expect(closed.status).toBe(409)
    expect(closed.body.errors[0].code).toBe('treatment_plan.plan_read_only')
    const del = await api.delete(`${BASE}/plans/${next.id}`)
    expect(del.status).toBe(409)
    expect(del.body.errors[0].code).toBe('treatment_plan.not_deletable')
  })
})
