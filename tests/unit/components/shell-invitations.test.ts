// The invitations banner: one per invitation, "<Clinic> invited you as
// <role>"; Accept answers at once, Decline asks first and answers only when
// confirmed. The answers themselves (useInvitations) are a stand-in here;
// the real ones run in tests/e2e/accounts.test.ts.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { computed, ref } from 'vue'
import ShellInvitations from '~/components/shell/ShellInvitations.vue'
import type { Invitation } from '~/composables/useInvitations'
import { testI18n } from '../support/locales'
import { globals, replaceGlobals } from '../support/globals'
import { formStubs } from '../support/form-stubs'

let locale: 'en' | 'es' = 'en'
replaceGlobals({ useI18n: () => testI18n(locale) }, ['useInvitations'])
afterEach(() => {
  locale = 'en'
})

const invitations: Invitation[] = [
  { id: 'i1', clinic_id: 'c1', clinic_name: 'Clínica Norte', role: 'hygienist', expires_at: '2026-12-10T10:00:00.000Z' },
  { id: 'i2', clinic_id: 'c2', clinic_name: 'Clínica Sur', role: 'receptionist', expires_at: '2026-12-11T10:00:00.000Z' },
]

function mountBanner(list: Invitation[] = invitations) {
  const accept = vi.fn(async (_i: Invitation) => true)
  const decline = vi.fn(async (_i: Invitation) => true)
  globals.useInvitations = () => ({ invitations: computed(() => list), busyIds: ref([]), accept, decline })
  const wrapper = mount(ShellInvitations, { global: { stubs: formStubs } })
  return { wrapper, accept, decline }
}

const button = (wrapper: ReturnType<typeof mountBanner>['wrapper'], name: string) =>
  wrapper.findAll('button').find(b => b.attributes('aria-label') === name || b.text() === name)!

describe('ShellInvitations', () => {
  it('shows nothing without invitations', () => {
    expect(mountBanner([]).wrapper.find('[data-testid="invitations"]').exists()).toBe(false)
  })

  it('shows who invited you as what', () => {
    const { wrapper } = mountBanner()
    expect(wrapper.findAll('[role="alert"]').map(a => a.text().split('.')[0])).toEqual([
      expect.stringContaining('Clínica Norte invited you as hygienist'),
      expect.stringContaining('Clínica Sur invited you as receptionist'),
    ])
  })

  it('accepts at once', async () => {
    const { wrapper, accept, decline } = mountBanner()
    await button(wrapper, 'Accept the invitation from Clínica Sur').trigger('click')
    expect(accept).toHaveBeenCalledWith(invitations[1])
    expect(decline).not.toHaveBeenCalled()
  })

  it('declines only after confirming', async () => {
    const { wrapper, decline } = mountBanner()
    await button(wrapper, 'Decline the invitation from Clínica Norte').trigger('click')
    expect(decline).not.toHaveBeenCalled()
    const dialog = wrapper.get('[role="dialog"]')
    expect(dialog.text()).toContain('Decline the invitation from Clínica Norte?')
    await dialog.findAll('button').find(b => b.text() === 'Decline')!.trigger('click')
    expect(decline).toHaveBeenCalledWith(invitations[0])
  })

  it('speaks Spanish', () => {
    locale = 'es'
    const { wrapper } = mountBanner()
    expect(wrapper.text()).toContain('Clínica Norte te ha invitado como higienista')
  })
})
