// "Change password" from the user menu: the new password is typed twice and
// checked here before anything is sent; the server's refusal of the current
// password shows on its field; one change at a time. Real vue-i18n over the
// app's locale files; @nuxt/ui components stubbed (tests/unit/support/form-stubs.ts).
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import ShellChangePasswordModal from '~/components/shell/ShellChangePasswordModal.vue'
import { useApiError, useServerMessage } from '~/composables/useApiError'
import { useAuthForm } from '~/composables/useAuthForm'
import { useChangePassword } from '~/composables/useChangePassword'
import { useSchemaValidate } from '~/composables/useSchemaValidate'
import { testI18n } from '../support/locales'
import { globals, replaceGlobals } from '../support/globals'
import { formStubs } from '../support/form-stubs'

let locale: 'en' | 'es' = 'en'
const toasts: { title: string }[] = []

const saved = replaceGlobals({
  useI18n: () => testI18n(locale),
  useSchemaValidate,
  useAuthForm,
  useApiError,
  useServerMessage,
  useToast: () => ({ add: (toast: { title: string }) => toasts.push(toast) }),
}, ['useChangePassword', '$fetch'])
afterEach(() => {
  toasts.length = 0
  globals.$fetch = saved.$fetch
  globals.useChangePassword = saved.useChangePassword
})

/** The modal over a stand-in composable whose `change` the test controls. */
function mountModal(change: (input: unknown) => Promise<unknown>) {
  globals.useChangePassword = () => ({ submitting: ref(false), change })
  return mount(ShellChangePasswordModal, { global: { stubs: formStubs }, props: { 'open': true, 'onUpdate:open': () => {} } })
}

async function fill(wrapper: ReturnType<typeof mountModal>, current: string, next: string, confirm: string) {
  await wrapper.get('[data-field="current_password"] input').setValue(current)
  await wrapper.get('[data-field="new_password"] input').setValue(next)
  await wrapper.get('[data-field="confirm_password"] input').setValue(confirm)
  await wrapper.get('form').trigger('submit')
  await vi.waitFor(() => nextTick())
}

describe('ShellChangePasswordModal', () => {
  it('refuses a confirmation that does not match, sending nothing', async () => {
    const change = vi.fn(async () => ({ ok: true }))
    const wrapper = mountModal(change)
    expect(wrapper.findAll('input[type="password"]')).toHaveLength(3)
    await fill(wrapper, 'Old-passw0rd', 'New-passw0rd1', 'New-passw0rd2')
    await vi.waitFor(() => expect(wrapper.find('[data-error="confirm_password"]').exists()).toBe(true))
    expect(wrapper.get('[data-error="confirm_password"]').text()).toBe('The passwords do not match')
    expect(change).not.toHaveBeenCalled()
    expect(wrapper.emitted('update:open')).toBeUndefined()
  })

  it('says it in Spanish too', async () => {
    locale = 'es'
    try {
      const wrapper = mountModal(vi.fn())
      await fill(wrapper, 'Old-passw0rd', 'New-passw0rd1', 'otra')
      await vi.waitFor(() => expect(wrapper.get('[data-error="confirm_password"]').text()).toBe('Las contraseñas no coinciden'))
    }
    finally {
      locale = 'en'
    }
  })

  it('checks the new password with the shared schema before sending', async () => {
    const change = vi.fn()
    const wrapper = mountModal(change)
    await fill(wrapper, 'Old-passw0rd', 'short', 'short')
    await vi.waitFor(() => expect(wrapper.get('[data-error="new_password"]').text()).toBe('Must be at least 8 characters'))
    expect(change).not.toHaveBeenCalled()
  })

  it('sends the current and the new password (not the confirmation) and closes', async () => {
    const change = vi.fn(async () => ({ ok: true }))
    const wrapper = mountModal(change)
    await fill(wrapper, 'Old-passw0rd', 'New-passw0rd1', 'New-passw0rd1')
    await vi.waitFor(() => expect(change).toHaveBeenCalledTimes(1))
    expect(change).toHaveBeenCalledWith({ current_password: 'Old-passw0rd', new_password: 'New-passw0rd1' })
    await vi.waitFor(() => expect(wrapper.emitted('update:open')).toEqual([[false]]))
  })

  it('shows the server\'s refusal of the current password on its field and stays open', async () => {
    const change = vi.fn(async () => ({ ok: false, error: { status: 422, code: 'auth.wrong_password', message: 'Please correct the highlighted fields.', fieldErrors: [{ name: 'current_password', message: 'The current password is not correct.' }] } }))
    const wrapper = mountModal(change)
    await fill(wrapper, 'Wrong-passw0rd', 'New-passw0rd1', 'New-passw0rd1')
    await vi.waitFor(() => expect(wrapper.find('[data-error="current_password"]').exists()).toBe(true))
    expect(wrapper.get('[data-error="current_password"]').text()).toBe('The current password is not correct.')
    expect(wrapper.emitted('update:open')).toBeUndefined()
  })
})

describe('useChangePassword', () => {
  function run<T>(fn: () => T): T {
    return effectScope().run(fn)!
  }

  it('sends one change at a time and toasts the outcome', async () => {
    let release!: () => void
    const fetch = vi.fn(() => new Promise<void>((resolve) => {
      release = resolve
    }))
    globals.$fetch = fetch
    const { change, submitting } = run(() => useChangePassword())
    const first = change({ current_password: 'Old-passw0rd', new_password: 'New-passw0rd1' })
    expect(submitting.value).toBe(true)
    expect(await change({ current_password: 'Old-passw0rd', new_password: 'New-passw0rd1' })).toEqual({ ok: false, error: null })
    release()
    expect(await first).toEqual({ ok: true })
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith('/api/v1/auth/password', { method: 'POST', body: { current_password: 'Old-passw0rd', new_password: 'New-passw0rd1' } })
    expect(toasts.map(t => t.title)).toEqual(['Password changed. You were signed out on your other devices.'])
  })

  it('words the server\'s field error in the reader\'s language', async () => {
    locale = 'es'
    try {
      globals.$fetch = vi.fn(async () => {
        throw Object.assign(new Error('422'), { statusCode: 422, data: { data: null, message: 'Validation failed', errors: [{ code: 'auth.wrong_password', message: 'The current password is not correct', field: 'current_password' }] } })
      })
      const { change } = run(() => useChangePassword())
      const result = await change({ current_password: 'x', new_password: 'New-passw0rd1' })
      expect(result).toMatchObject({ ok: false, error: { status: 422, fieldErrors: [{ name: 'current_password', message: 'La contraseña actual no es correcta.' }] } })
      expect(toasts).toEqual([])
    }
    finally {
      locale = 'en'
    }
  })
})
