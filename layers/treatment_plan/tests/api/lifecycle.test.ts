import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, addItem, BASE, createPatient, createPlan, eventually, filling, getPlan, planIn, startPlanSuite } from './helpers'
import type { PlanSuite } from './helpers'

// Each status route and the status it leads to (written by hand from the spec).
const ROUTES = [
  ['propose', 'proposed'],
  ['accept', 'accepted'],
  ['reopen', 'draft'],
  ['close', 'closed'],
  ['reactivate', 'draft'],
] as const
const STATUSES = ['draft', 'proposed', 'accepted', 'completed', 'closed'] as const
// from → the routes allowed from it.
const ALLOWED: Record<string, string[]> = {
  draft: ['propose', 'close'],
  proposed: ['accept', 'reopen', 'close'],
  accepted: ['close'],
  completed: [],
  closed: ['reactivate'],
}
const body = (action: string) => (action === 'close' ? { reason: 'cancelled_by_clinic' } : {})

describe('the plan status machine', () => {
  let { server, c, items, api } = {} as PlanSuite
  let patient: string

  beforeAll(async () => {
    ({ server, c, items, api } = await startPlanSuite())
    patient = await createPatient(api)
  })
  afterAll(async () => server?.close())

  const pairs = STATUSES.flatMap(from => ROUTES.map(([action, to]) => [from, action, to] as const))
  it.each(pairs)('from %s, %s (→ %s): allowed 200, same state 409, otherwise 400', async (from, action, to) => {
    const plan = await planIn(api, items, patient, from)
    const res = await api.post(`${BASE}/plans/${plan.id}/${action}`, body(action))
    const expected = ALLOWED[from]!.includes(action) ? 200 : from === to ? 409 : 400
    expect(res.status, JSON.stringify(res.body)).toBe(expected)
    const after = await getPlan(api, plan.id)
    if (expected === 200) {
      expect(res.body.data.status).toBe(to)
      expect(after.status).toBe(to)
      return
    }
    // Refused: nothing changed, and the error says why.
    expect(after.status).toBe(from)
    if (expected === 409) expect(res.body.errors[0]).toMatchObject({ code: 'treatment_plan.already_in_status', params: { status: to } })
    else expect(res.body.errors[0]).toMatchObject({ code: 'treatment_plan.illegal_transition', params: { from, to } })
  })

  it('never reaches completed through a route: it follows the items', async () => {
    const plan = await planIn(api, items, patient, 'accepted', [36, 37])
    const [first, second] = (await getPlan(api, plan.id)).items
    expect((await api.post(`${BASE}/plans/${plan.id}/items/${first.id}/perform`, {})).status).toBe(200)
    expect(await getPlan(api, plan.id)).toMatchObject({ status: 'accepted', completed_count: 1, pending_count: 1 })
    // Cancelling the other treatment on the chart cancels the item; nothing is left: the plan completes.
    expect((await api.post(`/api/v1/odontogram/entries/${second.treatment_id}/cancel`, {})).status).toBe(200)
    const done = await eventually(() => getPlan(api, plan.id), p => p.status === 'completed')
    expect(done).toMatchObject({ status: 'completed', completed_count: 1, cancelled_count: 1, pending_count: 0, total: '55.00', allowed_actions: [] })
  })

  it('a planned treatment deleted from the chart (charted in error) cancels its item', async () => {
    const plan = await planIn(api, items, patient, 'draft', [35, 34])
    const [first] = (await getPlan(api, plan.id)).items
    const res = await api.request('DELETE', `/api/v1/odontogram/entries/${first.treatment_id}`, { body: { reason: 'Planned on the wrong tooth' } })
    expect(res.status, JSON.stringify(res.body)).toBe(204)
    const after = await eventually(() => getPlan(api, plan.id), p => p.cancelled_count === 1)
    expect(after).toMatchObject({ status: 'draft', cancelled_count: 1, pending_count: 1 })
    expect(after.items.find((i: { id: string }) => i.id === first.id)).toMatchObject({ status: 'cancelled' })
  })

  it('needs an item to propose', async () => {
    const plan = await createPlan(api, patient)
    const res = await api.post(`${BASE}/plans/${plan.id}/propose`, {})
    expect(res.status).toBe(409)
    expect(res.body.errors[0].code).toBe('treatment_plan.empty_plan')
  })

  it('accepting a plan whose work is all done completes it', async () => {
    const plan = await planIn(api, items, patient, 'draft', [45])
    const [item] = (await getPlan(api, plan.id)).items
    expect((await api.post(`${BASE}/plans/${plan.id}/items/${item.id}/perform`, {})).status).toBe(200)
    await act(api, plan.id, 'propose')
    const res = await act(api, plan.id, 'accept')
    expect(res.data.status).toBe('completed')
  })

  it('asks for a reason to close, and a note when the reason is other', async () => {
    const plan = await planIn(api, items, patient, 'draft')
    const cases: [Record<string, unknown>, string][] = [[{}, 'reason'], [{ reason: 'bored' }, 'reason'], [{ reason: 'other' }, 'note']]
    for (const [b, field] of cases) {
      const res = await api.post(`${BASE}/plans/${plan.id}/close`, b)
      expect(res.status, JSON.stringify(b)).toBe(422)
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field])
    }
    const closed = await act(api, plan.id, 'close', { reason: 'other', note: 'Second opinion' })
    expect(closed.data).toMatchObject({ status: 'closed', closure_reason: 'other', closure_note: 'Second opinion', closed_at: expect.any(String), allowed_actions: ['reactivate'] })
  })

  it('close → reactivate brings every item back, the treatments never left the chart', async () => {
    const plan = await planIn(api, items, patient, 'proposed', [11, 12, 13])
    const before = await getPlan(api, plan.id)
    await act(api, plan.id, 'close', { reason: 'rejected_by_patient' })
    for (const item of before.items) {
      const entry = await api.get(`/api/v1/odontogram/entries/${item.treatment_id}`)
      expect(entry.body.data.status).toBe('planned')
    }
    const back = await act(api, plan.id, 'reactivate')
    expect(back.data).toMatchObject({ status: 'draft', closure_reason: null, closure_note: null, closed_at: null, item_count: 3, total: before.total })
    expect(back.data.items.map((i: any) => [i.id, i.treatment_id, i.status, i.position])).toEqual(before.items.map((i: any) => [i.id, i.treatment_id, 'pending', i.position]))
  })

  it('reactivating is refused when a treatment joined another live plan meanwhile', async () => {
    const plan = await planIn(api, items, patient, 'draft', [31])
    const [item] = (await getPlan(api, plan.id)).items
    await act(api, plan.id, 'close', { reason: 'expired' })
    const other = await createPlan(api, patient)
    await addItem(api, other.id, { treatment_id: item.treatment_id })
    const res = await api.post(`${BASE}/plans/${plan.id}/reactivate`, {})
    expect(res.status).toBe(409)
    expect(res.body.errors[0]).toMatchObject({ code: 'treatment_plan.treatment_in_other_plan', params: { plan_id: other.id, number: other.number } })
    expect((await getPlan(api, plan.id)).status).toBe('closed')
  })

  it('locks the items while proposed, and opens them again on reopen', async () => {
    const plan = await planIn(api, items, patient, 'proposed', [21])
    const [item] = (await getPlan(api, plan.id)).items
    const attempts = [
      () => api.post(`${BASE}/plans/${plan.id}/items`, filling(items, 22)),
      () => api.put(`${BASE}/plans/${plan.id}/items/${item.id}`, { phase: 1 }),
      () => api.delete(`${BASE}/plans/${plan.id}/items/${item.id}`),
      () => api.post(`${BASE}/plans/${plan.id}/items/reorder`, { items: [{ id: item.id, phase: 1 }] }),
      () => api.post(`${BASE}/plans/${plan.id}/items/${item.id}/perform`, {}),
    ]
    for (const attempt of attempts) {
      const res = await attempt()
      expect(res.status).toBe(409)
      expect(res.body.errors[0].code).toBe('treatment_plan.items_locked')
    }
    // Nothing was charted for the refused new item.
    const planned = await api.get(`/api/v1/odontogram/patients/${patient}/entries?status=planned&tooth=22`)
    expect(planned.body.data).toEqual([])
    expect((await getPlan(api, plan.id))).toMatchObject({ items_locked: true, item_count: 1 })
    await act(api, plan.id, 'reopen')
    expect((await api.put(`${BASE}/plans/${plan.id}/items/${item.id}`, { phase: 1 })).status).toBe(200)
  })

  it('each transition needs its own permission, whatever else the caller holds', async () => {
    // assistant: read + write; hygienist: read; receptionist: read, close, reactivate (module.ts, by hand).
    const { assistant, hygienist, receptionist } = c.members
    const draft = await planIn(api, items, patient, 'draft')
    const proposed = await planIn(api, items, patient, 'proposed')
    const closed = await planIn(api, items, patient, 'closed')
    const refusals: [typeof assistant, string, string][] = [
      [assistant, draft.id, 'propose'], [assistant, proposed.id, 'accept'], [assistant, proposed.id, 'reopen'],
      [assistant, draft.id, 'close'], [assistant, closed.id, 'reactivate'],
      [hygienist, draft.id, 'propose'], [hygienist, proposed.id, 'accept'], [hygienist, draft.id, 'close'], [hygienist, closed.id, 'reactivate'],
      [receptionist, draft.id, 'propose'], [receptionist, proposed.id, 'accept'], [receptionist, proposed.id, 'reopen'],
    ]
    for (const [member, id, action] of refusals) {
      const res = await member.api.post(`${BASE}/plans/${id}/${action}`, body(action))
      expect(res.status, `${action} by ${member.id}`).toBe(403)
    }
    for (const [id, status] of [[draft.id, 'draft'], [proposed.id, 'proposed'], [closed.id, 'closed']]) expect((await getPlan(api, id!)).status).toBe(status)
    // The receptionist closes and reactivates; the dentist proposes, reopens and accepts.
    expect((await act(receptionist.api, draft.id, 'close', { reason: 'patient_abandoned' })).data.status).toBe('closed')
    expect((await act(receptionist.api, draft.id, 'reactivate')).data.status).toBe('draft')
    expect((await act(api, proposed.id, 'reopen')).data.status).toBe('draft')
    expect((await act(api, proposed.id, 'propose')).data.status).toBe('proposed')
    expect((await act(api, proposed.id, 'accept')).data.status).toBe('accepted')
  })

  it('shows each caller only the actions it may perform', async () => {
    const proposed = await planIn(api, items, patient, 'proposed')
    const actions = async (member: keyof typeof c.members) => (await getPlan(c.members[member].api, proposed.id)).allowed_actions
    expect(await actions('dentist')).toEqual(['accept', 'reopen', 'close'])
    expect(await actions('receptionist')).toEqual(['close'])
    expect(await actions('assistant')).toEqual([])
    expect(await actions('hygienist')).toEqual([])
  })

  it('numbers concurrent creates distinctly, in sequence, never a 500', async () => {
    const other = await createPatient(api, { first_name: 'Concurrent' })
    const results = await Promise.all(Array.from({ length: 12 }, () => api.post(`${BASE}/plans`, { patient_id: other })))
    expect(results.map(r => r.status)).toEqual(Array.from({ length: 12 }, () => 201))
    const numbers = results.map(r => r.body.data.number as string)
    expect(new Set(numbers).size).toBe(12)
    const seqs = numbers.map(n => Number(n.slice(-4))).sort((a, b) => a - b)
    // Consecutive: no number lost or handed out twice.
    expect(seqs[11]! - seqs[0]!).toBe(11)
    const year = numbers[0]!.slice(5, 9)
    expect(numbers.every(n => n.startsWith(`PLAN-${year}-`))).toBe(true)
  })
})
