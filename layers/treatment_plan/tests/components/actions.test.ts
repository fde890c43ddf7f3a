// <TreatmentPlanActions>: a button for each transition the server says the
// caller may perform from the plan's status, nothing else; accepting and
// reactivating ask first, closing opens the reason dialog, proposing runs at once.
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import TreatmentPlanActions from '../../components/treatment_plan/TreatmentPlanActions.vue'
import type { PlanAction } from '../../models'
import { STUBS, plan, signIn, warnHandler } from './harness'

function mountActions(status: 'draft' | 'proposed' | 'accepted' | 'closed', allowed: PlanAction[]) {
  signIn([])
  const act = vi.fn().mockResolvedValue({ ok: true })
  const close = vi.fn().mockResolvedValue({ ok: true })
  const w = mount(TreatmentPlanActions, {
    props: { plan: plan({ status, allowed_actions: allowed, total: '110.00' }), busy: null, act, close },
    global: { stubs: STUBS, config: { warnHandler } },
  })
  return { w, act, close }
}
const labels = (w: ReturnType<typeof mountActions>['w']) => w.findAll('[data-action]').map(b => b.text())

describe('<TreatmentPlanActions>', () => {
  it('offers a dentist the way forward from a draft, closing last, and proposes at once', async () => {
    const { w, act } = mountActions('draft', ['close', 'propose'])
    expect(labels(w)).toEqual(['Propose to the patient', 'Close plan'])
    await w.get('[data-action="propose"]').trigger('click')
    expect(act).toHaveBeenCalledWith('propose')
  })

  it('asks before accepting in clinic, naming the plan and its total', async () => {
    const { w, act } = mountActions('proposed', ['accept', 'reopen', 'close'])
    expect(labels(w)).toEqual(['Accept in clinic', 'Reopen as draft', 'Close plan'])
    await w.get('[data-action="accept"]').trigger('click')
    expect(act).not.toHaveBeenCalled()
    const dialog = w.get('[role="dialog"]')
    expect(dialog.attributes('aria-label')).toBe('Accept PLAN-2026-0007 in clinic?')
    await dialog.get('button').trigger('click')
    await flushPromises()
    expect(act).toHaveBeenCalledWith('accept')
  })

  it('opens the reason dialog to close, and never closes without it', async () => {
    const { w, close } = mountActions('accepted', ['close'])
    expect(w.find('[data-close-modal]').exists()).toBe(false)
    await w.get('[data-action="close"]').trigger('click')
    expect(w.get('[data-close-modal]').attributes('data-close-modal')).toBe('PLAN-2026-0007')
    expect(close).not.toHaveBeenCalled()
  })

  it('gives a receptionist only Reactivate on a closed plan, after asking', async () => {
    const { w, act } = mountActions('closed', ['reactivate'])
    expect(labels(w)).toEqual(['Reactivate'])
    await w.get('[data-action="reactivate"]').trigger('click')
    expect(w.get('[role="dialog"]').attributes('aria-label')).toBe('Reactivate PLAN-2026-0007?')
    await w.get('[role="dialog"] button').trigger('click')
    await flushPromises()
    expect(act).toHaveBeenCalledWith('reactivate')
  })

  it('shows nothing when the caller may perform nothing (a hygienist, a completed plan)', () => {
    const { w } = mountActions('accepted', [])
    expect(w.find('[role="group"]').exists()).toBe(false)
    expect(w.findAll('button')).toHaveLength(0)
  })
})
