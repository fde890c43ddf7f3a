import type { z } from 'zod'
import type { createUserSchema, RoleName, updateUserSchema } from '#shared/schemas/auth'
import type { MemberDto } from '#shared/types/auth'
import type { ApiErrorInfo } from './useApiError'

export type ClinicMember = MemberDto
export type CreateMemberInput = z.input<typeof createUserSchema>
export type UpdateMemberInput = z.input<typeof updateUserSchema>

const PAGE_SIZE = 50

/**
 * Server error codes this screen words its own way (in the user's language).
 * Every other code is worded by useApiError from `apiErrors.<code>`
 * (`auth.account_managed_elsewhere`, `auth.last_admin`, …).
 */
const KNOWN_ERRORS: Record<string, string> = {
  // The list is stale: say what to do about it.
  'auth.user_not_found': 'settings.users.errors.userNotFound',
  'auth.invite_invalid': 'settings.users.errors.inviteInvalid',
  // The screen only sends these for a row whose status changed meanwhile.
  'auth.invitation_pending': 'settings.users.errors.invitationPending',
}

/** What a row of the users table offers (SettingsUsersRowActions). */
export type MemberAction = 'edit' | 'deactivate' | 'reactivate' | 'remove' | 'confirm' | 'resetLink' | 'inviteAgain'

/** A one-time link to hand over: an invitation (7 days) or a password reset (24 hours). */
export interface MemberLink {
  kind: 'invite' | 'reset'
  url: string
  email: string
  name: string
}

/**
 * The members of the current clinic for /settings: the paginated list and
 * every change to it. Each mutation is guarded against running twice at
 * once; forms get their errors back to show inline, row actions toast them.
 */
/**
 * The member fields of the add and edit dialogs as the API takes them: the
 * licence number only for a professional (empty clears it; otherwise whatever
 * is stored is kept).
 */
export function memberFieldsInput(state: { first_name: string, last_name: string, role: RoleName, is_professional: boolean, licence_number: string }) {
  return {
    first_name: state.first_name,
    last_name: state.last_name,
    role: state.role,
    is_professional: state.is_professional,
    licence_number: state.is_professional ? state.licence_number : undefined,
  }
}

export function useClinicUsers() {
  const { t } = useI18n()
  const toast = useToast()
  const auth = useAuthStore()
  const apiError = useApiError()
  const api = useRequestFetch()

  const page = ref(1)
  const { data, status, error, refresh } = useAsyncData(
    'settings:users',
    () => api('/api/v1/auth/users', { query: { page: page.value, page_size: PAGE_SIZE } }),
    // Loaded in the browser: the table's generated ids must match between server and client render.
    { watch: [page, () => auth.me?.current_clinic_id], server: false },
  )
  const members = computed<ClinicMember[]>(() => data.value?.data ?? [])
  const total = computed(() => data.value?.total ?? 0)
  const loading = computed(() => (status.value === 'pending' || status.value === 'idle') && !data.value)
  const refreshing = computed(() => status.value === 'pending' && !!data.value)
  const loadError = computed(() => (error.value ? describe(error.value).message : null))

  /**
   * The API's error in the user's language: our own message for the codes we
   * know, the locale's wording of the server's code otherwise (a 403 says
   * why: `auth.account_managed_elsewhere` is not a missing permission).
   */
  function describe(e: unknown): ApiErrorInfo {
    const info = apiError(e)
    const key = info.code ? KNOWN_ERRORS[info.code] : undefined
    return key ? { ...info, message: t(key) } : info
  }

  const nameOf = (m: Pick<ClinicMember, 'first_name' | 'last_name'>) => `${m.first_name} ${m.last_name}`.trim()

  function replaceMember(member: ClinicMember) {
    if (!data.value) return
    data.value = { ...data.value, data: data.value.data.map(m => (m.id === member.id ? member : m)) }
  }

  const creating = ref(false)

  /**
   * Invites an e-mail into the clinic (a new account or an existing one: the
   * answer is the same); on success resolves to the one-time link to hand over.
   */
  async function create(input: CreateMemberInput): Promise<{ ok: true, link: MemberLink } | { ok: false, error: ApiErrorInfo | null }> {
    if (creating.value) return { ok: false, error: null }
    creating.value = true
    try {
      const res = await $fetch('/api/v1/auth/users', { method: 'POST', body: input })
      toast.add({ title: t('settings.users.invited', { email: res.data.user.email }), color: 'success', icon: 'i-lucide-check' })
      await refresh()
      return { ok: true, link: { kind: 'invite', url: res.data.invite_url, email: res.data.user.email, name: nameOf(res.data.user) } }
    }
    catch (e) {
      return { ok: false, error: describe(e) }
    }
    finally {
      creating.value = false
    }
  }

  const updating = ref(false)

  /** Edits a member; resolves to the error to show, or null when saved (or already saving). */
  async function update(member: ClinicMember, input: UpdateMemberInput): Promise<ApiErrorInfo | null> {
    if (updating.value) return null
    updating.value = true
    try {
      const res = await $fetch(`/api/v1/auth/users/${member.id}`, { method: 'PUT', body: input })
      replaceMember(res.data)
      toast.add({ title: t('settings.users.updated', { name: nameOf(res.data) }), color: 'success', icon: 'i-lucide-check' })
      // Our own professional flag or names show elsewhere through /me.
      if (member.id === auth.me?.user.id) auth.fetchMe().catch(e => console.error('[settings] could not refresh /me', e))
      return null
    }
    catch (e) {
      return describe(e)
    }
    finally {
      updating.value = false
    }
  }

  /** Members with an action in flight: their row's buttons are disabled meanwhile. */
  const { busyIds, run } = useBusyIds()
  const attempt = useToastedAction()
  const rowAction = (member: ClinicMember, action: () => Promise<void>) => run(member.id, () => attempt(action, { describe }))

  /** Switches a membership of this clinic off or on (the account's other clinics are untouched). */
  function setActive(member: ClinicMember, active: boolean): Promise<boolean> {
    return rowAction(member, async () => {
      const res = await $fetch(`/api/v1/auth/users/${member.id}`, { method: 'PUT', body: { is_active: active } })
      replaceMember(res.data)
      toast.add({
        title: t(active ? 'settings.users.reactivated' : 'settings.users.deactivated', { name: nameOf(member) }),
        color: 'success',
        icon: 'i-lucide-check',
      })
    })
  }

  /** Removes the member from the current clinic (their account stays), or withdraws a pending invitation. */
  function remove(member: ClinicMember): Promise<boolean> {
    return rowAction(member, async () => {
      await $fetch(`/api/v1/auth/users/${member.id}`, { method: 'DELETE' })
      toast.add({
        title: t(member.status === 'invited' ? 'settings.users.withdrawn' : 'settings.users.removed', { name: nameOf(member), email: member.email }),
        color: 'success',
        icon: 'i-lucide-check',
      })
      // The last member of the last page went away: step back a page.
      if (members.value.length === 1 && page.value > 1) page.value -= 1
      else await refresh()
    })
  }

  /** Accepts a pending invitation on the holder's behalf (only offered with `account_managed`). */
  function confirm(member: ClinicMember): Promise<boolean> {
    return rowAction(member, async () => {
      const res = await $fetch(`/api/v1/auth/users/${member.id}/confirm`, { method: 'POST' })
      replaceMember(res.data)
      toast.add({ title: t('settings.users.confirmed', { name: nameOf(res.data) }), color: 'success', icon: 'i-lucide-check' })
    })
  }

  /** A one-time password reset link for a member whose account this admin manages; null when it failed (toasted). */
  async function resetLink(member: ClinicMember): Promise<MemberLink | null> {
    let link: MemberLink | null = null
    await rowAction(member, async () => {
      const res = await $fetch(`/api/v1/auth/users/${member.id}/reset-link`, { method: 'POST' })
      link = { kind: 'reset', url: res.data.reset_url, email: member.email, name: nameOf(member) }
    })
    return link
  }

  /** Invites a pending invitee again with what the row holds (the previous link stops working); null when it failed (toasted). */
  async function inviteAgain(member: ClinicMember): Promise<MemberLink | null> {
    let link: MemberLink | null = null
    await rowAction(member, async () => {
      const res = await $fetch('/api/v1/auth/users', {
        method: 'POST',
        body: {
          email: member.email,
          first_name: member.first_name,
          last_name: member.last_name,
          role: member.role,
          is_professional: member.is_professional,
          licence_number: member.licence_number,
        } satisfies CreateMemberInput,
      })
      toast.add({ title: t('settings.users.invited', { email: res.data.user.email }), color: 'success', icon: 'i-lucide-check' })
      link = { kind: 'invite', url: res.data.invite_url, email: res.data.user.email, name: nameOf(res.data.user) }
      await refresh()
    })
    return link
  }

  return {
    members,
    total,
    page,
    pageSize: PAGE_SIZE,
    loading,
    refreshing,
    loadError,
    refresh,
    nameOf,
    creating: readonly(creating),
    create,
    updating: readonly(updating),
    update,
    busyIds: readonly(busyIds),
    setActive,
    remove,
    confirm,
    resetLink,
    inviteAgain,
  }
}
