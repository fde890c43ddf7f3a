import type { z } from 'zod'
import type { createUserSchema, updateUserSchema } from '#shared/schemas/auth'
import type { MemberDto } from '~~/server/auth/dto'
import type { ApiErrorInfo } from './useApiError'

export type ClinicMember = MemberDto
export type CreateMemberInput = z.input<typeof createUserSchema>
export type UpdateMemberInput = z.input<typeof updateUserSchema>

const PAGE_SIZE = 50

/** Server error codes with a message of our own (in the user's language). */
const KNOWN_ERRORS: Record<string, string> = {
  'auth.cannot_deactivate_self': 'settings.users.errors.cannotDeactivateSelf',
  'auth.cannot_change_own_role': 'settings.users.errors.cannotChangeOwnRole',
  'auth.cannot_remove_self': 'settings.users.errors.cannotRemoveSelf',
  'auth.last_admin': 'settings.users.errors.lastAdmin',
  'auth.user_exists': 'settings.users.errors.userExists',
  'auth.user_not_found': 'settings.users.errors.userNotFound',
}

/**
 * The members of the current clinic for /settings: the paginated list and
 * every change to it. Each mutation is guarded against running twice at
 * once; forms get their errors back to show inline, row actions toast them.
 */
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

  /** The API's error in the user's language: our own message for the codes we know, the server's otherwise. */
  function describe(e: unknown): ApiErrorInfo {
    const info = apiError(e, { 403: t('settings.errors.forbidden') })
    const code = (e as { data?: { errors?: { code?: string }[] } })?.data?.errors?.[0]?.code
    const key = code ? KNOWN_ERRORS[code] : undefined
    return key ? { ...info, message: t(key) } : info
  }

  const nameOf = (m: Pick<ClinicMember, 'first_name' | 'last_name'>) => `${m.first_name} ${m.last_name}`.trim()

  function replaceMember(member: ClinicMember) {
    if (!data.value) return
    data.value = { ...data.value, data: data.value.data.map(m => (m.id === member.id ? member : m)) }
  }

  const creating = ref(false)

  /** Adds a member; on success resolves to the one-time invite link when no password was given. */
  async function create(input: CreateMemberInput): Promise<{ ok: true, inviteUrl: string | null } | { ok: false, error: ApiErrorInfo | null }> {
    if (creating.value) return { ok: false, error: null }
    creating.value = true
    try {
      const res = await $fetch('/api/v1/auth/users', { method: 'POST', body: input })
      const inviteUrl = res.data.invite_url
      toast.add({
        title: t(inviteUrl ? 'settings.users.invited' : 'settings.users.created', { name: nameOf(res.data.user) }),
        color: 'success',
        icon: 'i-lucide-check',
      })
      await refresh()
      return { ok: true, inviteUrl }
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
  const busyIds = ref<string[]>([])

  async function rowAction(member: ClinicMember, action: () => Promise<void>): Promise<boolean> {
    if (busyIds.value.includes(member.id)) return false
    busyIds.value = [...busyIds.value, member.id]
    try {
      await action()
      return true
    }
    catch (e) {
      toast.add({ title: describe(e).message, color: 'error', icon: 'i-lucide-circle-alert' })
      return false
    }
    finally {
      busyIds.value = busyIds.value.filter(id => id !== member.id)
    }
  }

  /** Deactivates (signing them out everywhere) or reactivates a member. */
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

  /** Removes the member from the current clinic (their account stays). */
  function remove(member: ClinicMember): Promise<boolean> {
    return rowAction(member, async () => {
      await $fetch(`/api/v1/auth/users/${member.id}`, { method: 'DELETE' })
      toast.add({ title: t('settings.users.removed', { name: nameOf(member) }), color: 'success', icon: 'i-lucide-check' })
      // The last member of the last page went away: step back a page.
      if (members.value.length === 1 && page.value > 1) page.value -= 1
      else await refresh()
    })
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
  }
}
