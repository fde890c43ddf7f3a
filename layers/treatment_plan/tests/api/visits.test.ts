import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MISSING_ID } from '../../../../tests/support/fixtures'
import { act, BASE, book, completeVisit, createPatient, eventually, fieldErrors, getPlan, planIn, startPlanSuite } from './helpers'
import type { PlanSuite } from './helpers'

describe('doing the plan at visits', () => {
  let { server, c, items, api } = {} as PlanSuite
  let patient: string
  let dentist: string

  beforeAll(async () => {
    ({ server, c, items, api } = await startPlanSuite())
    patient = await createPatient(api)
    dentist = c.members.dentist.id
  })
  afterAll(async () => server?.close())

  const visitItems = async (appointmentId: string) => {
    const res = await api.get(`${BASE}/appointments/${appointmentId}/items`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.data
  }

  it('offers the pending items of draft and accepted plans and books the chosen ones', async () => {
    const accepted = await planIn(api, items, patient, 'accepted', [16, 17])
    const proposed = await planIn(api, items, patient, 'proposed', [26])
    const visit = await book(api, patient, dentist)
    const before = await visitItems(visit)
    expect(before).toMatchObject({ appointment_id: visit, patient_id: patient, appointment_status: 'scheduled', editable: true, items: [] })
    const offered = before.available.map((i: any) => i.plan_id)
    expect(offered).toContain(accepted.id)
    expect(offered).not.toContain(proposed.id)

    const [first] = (await getPlan(api, accepted.id)).items
    const put = await api.put(`${BASE}/appointments/${visit}/items`, { items: [{ item_id: first.id }] })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect(put.body.data.items).toEqual([expect.objectContaining({ item_id: first.id, plan_id: accepted.id, plan_number: accepted.number, plan_status: 'accepted', item_status: 'pending', price: '55.00', done: false, treatment: expect.objectContaining({ teeth: [{ tooth: 16, surfaces: ['O'], role: null }] }) })])
    expect(put.body.data.available.map((i: any) => i.item_id)).not.toContain(first.id)
    // The plan shows the booking.
    const plan = await getPlan(api, accepted.id)
    expect(plan.items[0].booked_appointment).toMatchObject({ id: visit, status: 'scheduled' })
    expect(plan.booked_count).toBe(1)
  })

  it('refuses, in one 400, every item that cannot be done at this visit, saving nothing', async () => {
    const other = await createPatient(api, { first_name: 'Otro' })
    const mine = await planIn(api, items, patient, 'accepted', [36])
    const proposed = await planIn(api, items, patient, 'proposed', [37])
    const closed = await planIn(api, items, patient, 'closed', [38])
    const done = await planIn(api, items, patient, 'draft', [46, 47])
    const theirs = await planIn(api, items, other, 'accepted', [11])
    const doneItem = (await getPlan(api, done.id)).items[0]
    expect((await api.post(`${BASE}/plans/${done.id}/items/${doneItem.id}/perform`, {})).status).toBe(200)
    const id = async (plan: { id: string }) => (await getPlan(api, plan.id)).items[0].id as string
    const good = await id(mine)
    const visit = await book(api, patient, dentist)
    const res = await api.put(`${BASE}/appointments/${visit}/items`, { items: [
      { item_id: good },
      { item_id: MISSING_ID },
      { item_id: await id(theirs) },
      { item_id: await id(proposed) },
      { item_id: await id(closed) },
      { item_id: doneItem.id },
    ] })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body)).toEqual([
      ['items[1].item_id', 'treatment_plan.item_not_found'],
      ['items[2].item_id', 'treatment_plan.item_other_patient'],
      ['items[3].item_id', 'treatment_plan.plan_not_open'],
      ['items[4].item_id', 'treatment_plan.plan_not_open'],
      ['items[5].item_id', 'treatment_plan.item_not_pending'],
    ])
    expect(res.body.errors[0].params).toEqual({ item_id: MISSING_ID })
    expect((await visitItems(visit)).items).toEqual([])
    const dup = await api.put(`${BASE}/appointments/${visit}/items`, { items: [{ item_id: good }, { item_id: good }] })
    expect(dup.status).toBe(422)
    expect(fieldErrors(dup.body)).toEqual([['items[1].item_id', 'treatment_plan.duplicate_item']])
    expect((await api.get(`${BASE}/appointments/${MISSING_ID}/items`)).status).toBe(404)
  })

  it('completing the visit performs exactly the ticked items, each once, and the plan completes when nothing is left', async () => {
    const plan = await planIn(api, items, patient, 'accepted', [14, 15, 24])
    const [a, b, d] = (await getPlan(api, plan.id)).items
    const visit = await book(api, patient, dentist)
    // Three booked, two ticked done.
    const put = await api.put(`${BASE}/appointments/${visit}/items`, { items: [{ item_id: a.id, done: true }, { item_id: b.id, done: false }, { item_id: d.id, done: true }] })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect(put.body.data.items.map((i: any) => i.done)).toEqual([true, false, true])
    await completeVisit(api, visit)

    const after = await eventually(() => getPlan(api, plan.id), p => p.completed_count === 2)
    expect(after.items.map((i: any) => [i.id, i.status, i.treatment.status])).toEqual([
      [a.id, 'completed', 'performed'], [b.id, 'pending', 'planned'], [d.id, 'completed', 'performed'],
    ])
    expect(after.status).toBe('accepted')
    // Performed once each, by the visit's professional (the chart's history), and recorded once on the timeline.
    for (const item of [a, d]) {
      const entry = (await api.get(`/api/v1/odontogram/entries/${item.treatment_id}`)).body.data
      expect(entry.performed_by).toMatchObject({ id: dentist })
    }
    const history = (await api.get(`/api/v1/odontogram/patients/${patient}/history?page_size=200`)).body.data
    const performed = history.filter((h: any) => h.action === 'performed').map((h: any) => h.entry_id)
    expect(performed.filter((id: string) => id === a.treatment_id || id === d.treatment_id).sort()).toEqual([a.treatment_id, d.treatment_id].sort())
    expect(performed).not.toContain(b.treatment_id)
    const timeline = await eventually(async () => (await api.get(`/api/v1/patient_timeline/patients/${patient}?page_size=100`)).body.data as any[], t => t.filter(e => e.event_type === 'treatment.completed' && [a.treatment_id, d.treatment_id].includes(e.source_id)).length >= 2)
    expect(timeline.filter(e => e.event_type === 'treatment.completed' && [a.treatment_id, d.treatment_id, b.treatment_id].includes(e.source_id)).map(e => e.source_id).sort()).toEqual([a.treatment_id, d.treatment_id].sort())
    // The finished visit's items no longer change.
    const closed = await api.put(`${BASE}/appointments/${visit}/items`, { items: [] })
    expect(closed.status).toBe(409)
    expect(closed.body.errors[0].code).toBe('treatment_plan.appointment_closed')
    expect((await visitItems(visit)).editable).toBe(false)

    // The last item at a second visit: the plan completes.
    const second = await book(api, patient, dentist)
    expect((await api.put(`${BASE}/appointments/${second}/items`, { items: [{ item_id: b.id, done: true }] })).status).toBe(200)
    await completeVisit(api, second)
    const done = await eventually(() => getPlan(api, plan.id), p => p.status === 'completed')
    expect(done).toMatchObject({ status: 'completed', completed_count: 3, pending_count: 0 })
    const events = await eventually(async () => (await api.get(`/api/v1/patient_timeline/patients/${patient}?page_size=100`)).body.data as any[], t => t.some(e => e.event_type === 'treatment_plan.completed' && e.source_id === plan.id))
    expect(events.filter(e => e.event_type === 'treatment_plan.completed' && e.source_id === plan.id)).toHaveLength(1)
  })

  it('sorts accepted plans into unscheduled and in progress by their bookings', async () => {
    const who = await createPatient(api, { first_name: 'Pipeline', last_name: 'Zuloaga' })
    const draft = await planIn(api, items, who, 'draft')
    const proposed = await planIn(api, items, who, 'proposed')
    const unscheduled = await planIn(api, items, who, 'accepted')
    const booked = await planIn(api, items, who, 'accepted')
    const closed = await planIn(api, items, who, 'closed')
    const visit = await book(api, who, dentist)
    expect((await api.put(`${BASE}/appointments/${visit}/items`, { items: [{ item_id: (await getPlan(api, booked.id)).items[0].id }] })).status).toBe(200)
    const tab = async (name: string) => {
      const res = await api.get(`${BASE}/plans?tab=${name}&patient_id=${who}`)
      expect(res.status).toBe(200)
      return res.body.data.map((p: any) => p.id)
    }
    expect(await tab('to_quote')).toEqual([draft.id])
    expect(await tab('waiting_patient')).toEqual([proposed.id])
    expect(await tab('unscheduled')).toEqual([unscheduled.id])
    expect(await tab('in_progress')).toEqual([booked.id])
    expect(await tab('closed')).toEqual([closed.id])
    const counts = await api.get(`${BASE}/pipeline?search=zuloaga`)
    expect(counts.body.data).toEqual({ to_quote: 1, waiting_patient: 1, unscheduled: 1, in_progress: 1, closed: 1 })
    // Search by name (accents and case ignored) and number; status filters as a list.
    const search = await api.get(`${BASE}/plans?search=ZULOÁGA&status=draft,closed`)
    expect(search.body.data.map((p: any) => p.id).sort()).toEqual([draft.id, closed.id].sort())
    const byNumber = await api.get(`${BASE}/plans?search=${proposed.number}`)
    expect(byNumber.body.data.map((p: any) => p.id)).toEqual([proposed.id])
    // Cancelling the visit leaves the plan unscheduled again.
    expect((await api.post(`/api/v1/agenda/appointments/${visit}/transitions`, { to_status: 'cancelled' })).status).toBe(200)
    expect(await tab('unscheduled')).toEqual(expect.arrayContaining([unscheduled.id, booked.id]))
    await act(api, booked.id, 'close', { reason: 'expired' })
  })
})
