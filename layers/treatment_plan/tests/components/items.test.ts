// <TreatmentPlanItems>: treatments by phase in plan order, named as the
// chart names them (Spanish letters in Spanish), with the controls only
// while the plan may change; the arrows reorder (the same as a drop), the
// phase select moves a treatment to another phase, removing and marking
// done ask first.
import { flushPromises, mount } from '@vue/test-utils'
import { ref } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import TreatmentPlanItems from '../../components/treatment_plan/TreatmentPlanItems.vue'
import TreatmentPlanItemRow from '../../components/treatment_plan/TreatmentPlanItemRow.vue'
import { STUBS, item, plan, signIn, useLocale, warnHandler } from './harness'

const ITEMS = [
  item({ tooth: 26, position: 2, phase: 3 }),
  item({ tooth: 16, position: 1, phase: 3 }),
  item({ tooth: 46, position: 3, phase: 1, status: 'completed', completed_at: '2026-12-02T10:00:00+01:00' }),
]

function mountItems(canEdit: boolean, canPerform = canEdit) {
  signIn([])
  const fake = { busy: ref<string | null>(null), isBusy: () => false, plan: vi.fn(), remove: vi.fn(), perform: vi.fn(), setPhase: vi.fn(), reorder: vi.fn() }
  const w = mount(TreatmentPlanItems, {
    props: { plan: plan({ items: ITEMS }), canEdit, canPerform, items: fake as never },
    global: { stubs: STUBS, components: { TreatmentPlanItemRow }, config: { warnHandler } },
  })
  return { w, fake }
}
const button = (w: ReturnType<typeof mountItems>['w'], label: string) => w.get(`button[aria-label="${label}"]`)

describe('<TreatmentPlanItems>', () => {
  it('groups the treatments by phase, urgent first, each in plan order', () => {
    const { w } = mountItems(false)
    expect(w.findAll('h3').map(h => h.text())).toEqual(['Urgent', 'Restorative'])
    const rows = w.findAll('[data-testid="treatment-plan-item"]').map(r => r.text())
    expect(rows[0]).toContain('Composite filling')
    expect(rows[0]).toContain('46 O')
    expect(rows[0]).toContain('Done on Dec 2, 2026')
    expect(rows[1]).toContain('16 O')
    expect(rows[1]).toContain('€55.00')
    expect(rows[1]).toContain('To do')
    expect(rows[2]).toContain('26 O')
  })

  it('offers no control while the plan cannot change', () => {
    const { w } = mountItems(false)
    expect(w.findAll('button')).toHaveLength(0)
    expect(w.findAll('select')).toHaveLength(0)
  })

  it('moves a treatment up with its arrow: the new order goes to the server, phases kept', async () => {
    const { w, fake } = mountItems(true)
    expect(w.find('button[aria-label="Move Composite filling 46 O up"]').exists()).toBe(false)
    expect(button(w, 'Move Composite filling 16 O up').attributes('disabled')).toBeUndefined()
    await button(w, 'Move Composite filling 26 O up').trigger('click')
    expect(fake.reorder).toHaveBeenCalledWith([{ id: 'i46', phase: 1 }, { id: 'i26', phase: 3 }, { id: 'i16', phase: 3 }])
    expect(button(w, 'Move Composite filling 26 O down').attributes('disabled')).toBe('')
  })

  it('moves a treatment to another phase with its select', async () => {
    const { w, fake } = mountItems(true)
    await w.get('select[aria-label="Phase of Composite filling 16 O"]').setValue('5')
    expect(fake.setPhase).toHaveBeenCalledWith(expect.objectContaining({ id: 'i16' }), 5)
  })

  it('asks before removing or marking done', async () => {
    const { w, fake } = mountItems(true)
    await button(w, 'Remove Composite filling 26 O from the plan').trigger('click')
    expect(fake.remove).not.toHaveBeenCalled()
    const dialog = w.get('[role="dialog"]')
    expect(dialog.attributes('aria-label')).toBe('Remove Composite filling 26 O from the plan?')
    await dialog.get('button').trigger('click')
    await flushPromises()
    expect(fake.remove).toHaveBeenCalledWith(expect.objectContaining({ id: 'i26' }))
    await button(w, 'Mark done: Composite filling 16 O').trigger('click')
    await w.get('[role="dialog"] button').trigger('click')
    await flushPromises()
    expect(fake.perform).toHaveBeenCalledWith(expect.objectContaining({ id: 'i16' }))
  })

  it('names teeth and phases the Spanish way', () => {
    useLocale('es')
    signIn([])
    const w = mount(TreatmentPlanItems, {
      props: { plan: plan({ items: [item({ tooth: 11, treatment: { ...item().treatment, teeth: [{ tooth: 11, surfaces: ['O', 'B'], role: null }] } })] }), canEdit: false, canPerform: false, items: { busy: ref(null) } as never },
      global: { stubs: STUBS, config: { warnHandler } },
    })
    expect(w.get('h3').text()).toBe('Restauradora')
    expect(w.text()).toContain('Obturación de composite')
    expect(w.text()).toContain('11 IV')
    expect(w.text()).toContain('Pendiente')
  })
})
