// <TreatmentPlanVisitItems> (appointment.detail.actions): the real
// composable over a stubbed $fetch. The work booked on the visit with its
// "done" ticks, the patient's other pending work to add; every change sends
// the whole set to PUT; once the visit is over nothing can change.
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TreatmentPlanVisitItems from '../../components/treatment_plan/TreatmentPlanVisitItems.vue'
import type { VisitItems } from '../../models'
import { STUBS, fetchMock, signIn, toasts, visitItem, warnHandler } from './harness'

const URL = '/api/v1/treatment_plan/appointments/a1/items'
const visit = (over: Partial<VisitItems> = {}): { data: VisitItems } => ({
  data: { appointment_id: 'a1', patient_id: 'pat1', appointment_status: 'in_treatment', editable: true, items: [visitItem({ tooth: 16 })], available: [visitItem({ tooth: 26 })], ...over },
})
function mountVisit(status = 'in_treatment') {
  signIn(['treatment_plan.plans.read', 'treatment_plan.plans.write'])
  return mount(TreatmentPlanVisitItems, {
    props: { ctx: { appointment: { id: 'a1', patient_id: 'pat1', status } as never } },
    global: { stubs: STUBS, config: { warnHandler } },
  })
}

describe('<TreatmentPlanVisitItems>', () => {
  it('lists the visit\'s work and adds the patient\'s other pending work to it', async () => {
    fetchMock.mockResolvedValueOnce(visit())
    const w = mountVisit()
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledWith(URL)
    expect(w.get('[data-testid="treatment-plan-visit-items"]').text()).toContain('Composite filling 16 O · PLAN-2026-0007')
    fetchMock.mockResolvedValueOnce(visit({ items: [visitItem({ tooth: 16 }), visitItem({ tooth: 26 })], available: [] }))
    await w.findAll('button').find(b => b.text() === 'Add Composite filling 26 O · PLAN-2026-0007')!.trigger('click')
    await flushPromises()
    expect(fetchMock).toHaveBeenLastCalledWith(URL, { method: 'PUT', body: { items: [{ item_id: 'i16', done: false }, { item_id: 'i26', done: false }] } })
    expect(w.findAll('[data-testid="treatment-plan-visit-items"] li')).toHaveLength(2)
    expect(w.text()).toContain('No pending plan work for this patient.')
    expect(toasts.at(-1)).toEqual(expect.objectContaining({ title: 'Visit work saved', color: 'success' }))
  })

  it('ticks a treatment done at the end of the visit', async () => {
    fetchMock.mockResolvedValueOnce(visit())
    const w = mountVisit()
    await flushPromises()
    fetchMock.mockResolvedValueOnce(visit({ items: [visitItem({ tooth: 16, done: true })] }))
    await w.get('input[aria-label="Done: Composite filling 16 O"]').setValue(true)
    await flushPromises()
    expect(fetchMock).toHaveBeenLastCalledWith(URL, { method: 'PUT', body: { items: [{ item_id: 'i16', done: true }] } })
    expect(w.text()).toContain('Ticked work is marked done when the visit is completed.')
  })

  it('says why a change was refused and shows what the server has', async () => {
    fetchMock.mockResolvedValueOnce(visit())
    const w = mountVisit()
    await flushPromises()
    fetchMock.mockRejectedValueOnce({ statusCode: 409, data: { data: null, message: 'closed', errors: [{ code: 'treatment_plan.appointment_closed', message: 'closed' }] } })
    fetchMock.mockResolvedValueOnce(visit({ editable: false, available: [] }))
    await w.get('button[aria-label="Remove Composite filling 16 O from this visit"]').trigger('click')
    await flushPromises()
    expect(toasts.at(-1)).toEqual(expect.objectContaining({ title: 'This visit is over: its plan work can no longer change.', color: 'error' }))
    expect(w.find('button[aria-label="Remove Composite filling 16 O from this visit"]').exists()).toBe(false)
  })

  it('is read-only once the visit is over: done work ticked, nothing to add', async () => {
    fetchMock.mockResolvedValueOnce(visit({ editable: false, appointment_status: 'completed', items: [visitItem({ tooth: 16, done: true, item_status: 'completed' })], available: [] }))
    const w = mountVisit('completed')
    await flushPromises()
    const tick = w.get('input[type="checkbox"]')
    expect((tick.element as HTMLInputElement).checked).toBe(true)
    expect(tick.attributes('disabled')).toBeDefined()
    expect(w.text()).toContain('What this visit did from the patient\'s plans.')
    expect(w.text()).not.toContain('Add plan work')
  })

  it('shows a failed load as an error with a retry, never as no work', async () => {
    fetchMock.mockRejectedValueOnce({ statusCode: 500, data: { data: null, message: 'boom', errors: [] } })
    const w = mountVisit()
    await flushPromises()
    expect(w.get('[data-state="error"]').text()).toContain('The plan work could not be loaded')
    expect(w.text()).not.toContain('No plan work booked on this visit.')
  })
})
