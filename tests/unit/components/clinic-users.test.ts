// useClinicUsers: what the users screen sends and says. Adding never sends
// a password and always yields the invitation link; "Invite again" re-sends
// the row's own data; a reset link comes back as a link to show; a refusal
// is worded from its code (a 403 for an account managed elsewhere says so,
// not "no permission"). $fetch, useAsyncData and toasts are stand-ins;
// real vue-i18n over the app's locale files.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { useApiError, useServerMessage } from '~/composables/useApiError'
import { useClinicUsers } from '~/composables/useClinicUsers'
import type { ClinicMember } from '~/composables/useClinicUsers'
import { testI18n } from '../support/locales'
import { globals, replaceGlobals } from '../support/globals'

let locale: 'en' | 'es' = 'en'
const toasts: { title: string, color: string }[] = []
const refresh = vi.fn(async () => {})

const saved = replaceGlobals({
  useI18n: () => testI18n(locale),
  useApiError,
  useServerMessage,
  useToast: () => ({ add: (toast: { title: string, color: string }) => toasts.push(toast) }),
  useAsyncData: () => ({ data: ref(null), status: ref('success'), error: ref(null), refresh }),
}, ['$fetch'])
afterEach(() => {
  toasts.length = 0
  globals.$fetch = saved.$fetch
  locale = 'en'
})

const users = () => effectScope().run(() => useClinicUsers())!

function member(over: Partial<ClinicMember> = {}): ClinicMember {
  return {
    id: '7d1f0a54-8a52-4b43-9d0e-3f9b1b6f1e01', email: 'ines@x.test', first_name: 'Inés', last_name: 'Ibáñez', is_active: true,
    licence_number: 'M-7', created_at: '2026-11-01T10:00:00.000Z', role: 'hygienist', is_professional: true, status: 'invited',
    invite_pending: true, invite_expires_at: '2026-12-10T10:00:00.000Z', joined_at: '2026-11-01T10:00:00.000Z', account_managed: false, ...over,
  }
}

const invited = (m: ClinicMember) => ({ data: { user: m, invite_url: 'http://x/invite/TOKEN' }, message: 'User invited', errors: [] })
const refusal = (statusCode: number, code: string, message: string) =>
  Object.assign(new Error(String(statusCode)), { statusCode, data: { data: null, message, errors: [{ code, message }] } })

describe('useClinicUsers', () => {
  it('adds by invitation only: no password sent, the link handed back, "Invitation created for …"', async () => {
    const fetch = vi.fn(async () => invited(member({ email: 'nuria@x.test' })))
    globals.$fetch = fetch
    const result = await users().create({ email: 'nuria@x.test', first_name: 'Nuria', last_name: 'Uría', role: 'dentist' })
    expect(result).toEqual({ ok: true, link: { kind: 'invite', url: 'http://x/invite/TOKEN', email: 'nuria@x.test', name: 'Inés Ibáñez' } })
    expect(fetch).toHaveBeenCalledWith('/api/v1/auth/users', { method: 'POST', body: { email: 'nuria@x.test', first_name: 'Nuria', last_name: 'Uría', role: 'dentist' } })
    expect(toasts).toEqual([expect.objectContaining({ title: 'Invitation created for nuria@x.test', color: 'success' })])
  })

  it('invites again with the row\'s own e-mail, names and role', async () => {
    const fetch = vi.fn(async () => invited(member()))
    globals.$fetch = fetch
    const link = await users().inviteAgain(member())
    expect(link).toEqual({ kind: 'invite', url: 'http://x/invite/TOKEN', email: 'ines@x.test', name: 'Inés Ibáñez' })
    expect(fetch).toHaveBeenCalledWith('/api/v1/auth/users', {
      method: 'POST',
      body: { email: 'ines@x.test', first_name: 'Inés', last_name: 'Ibáñez', role: 'hygienist', is_professional: true, licence_number: 'M-7' },
    })
    expect(refresh).toHaveBeenCalled()
  })

  it('hands back a reset link to show', async () => {
    const fetch = vi.fn(async () => ({ data: { reset_url: 'http://x/reset/SECRET', expires_at: '2026-12-04T10:00:00.000Z' }, message: 'Password reset link created', errors: [] }))
    globals.$fetch = fetch
    const m = member({ status: 'active', invite_pending: false, account_managed: true })
    expect(await users().resetLink(m)).toEqual({ kind: 'reset', url: 'http://x/reset/SECRET', email: 'ines@x.test', name: 'Inés Ibáñez' })
    expect(fetch).toHaveBeenCalledWith(`/api/v1/auth/users/${m.id}/reset-link`, { method: 'POST' })
  })

  it('says why a refused account change was refused, in the reader\'s language', async () => {
    locale = 'es'
    globals.$fetch = vi.fn(async () => {
      throw refusal(403, 'auth.account_managed_elsewhere', 'This account is also used in another clinic: only its holder can change its password')
    })
    expect(await users().resetLink(member({ status: 'active' }))).toBeNull()
    const es = testI18n('es')
    expect(toasts).toEqual([expect.objectContaining({ title: es.t('apiErrors.auth.account_managed_elsewhere'), color: 'error' })])
    expect(toasts[0]!.title).not.toBe(es.t('settings.errors.forbidden'))
  })

  it('confirms an invitation on the holder\'s behalf', async () => {
    const confirmed = member({ status: 'active', invite_pending: false, account_managed: true })
    const fetch = vi.fn(async () => ({ data: confirmed, message: 'Membership confirmed', errors: [] }))
    globals.$fetch = fetch
    expect(await users().confirm(member({ account_managed: true }))).toBe(true)
    expect(fetch).toHaveBeenCalledWith(`/api/v1/auth/users/${confirmed.id}/confirm`, { method: 'POST' })
    expect(toasts).toEqual([expect.objectContaining({ title: 'Inés Ibáñez is now a member of this clinic', color: 'success' })])
  })
})
