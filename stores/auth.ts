import { defineStore } from 'pinia'
import type { ClinicMembershipDto, MeDto, UserDto } from '#shared/types/auth'
import type { LoginInput, SetupInput } from '#shared/schemas/auth'
import { hasPermission } from '#shared/permissions'

export type { MeDto, UserDto, ClinicMembershipDto }

/** The signed-in user, their clinics and permissions, and whether DentalPin is set up. */
export const useAuthStore = defineStore('auth', () => {
  const me = ref<MeDto | null>(null)
  const initialized = ref<boolean | null>(null)
  const meLoaded = ref(false)
  // On the server this forwards the browser's cookie to our own API.
  const api = useRequestFetch()

  async function fetchSetupStatus(): Promise<boolean> {
    const res = await api<{ data: { initialized: boolean } }>('/api/v1/auth/setup/status')
    initialized.value = res.data.initialized
    return res.data.initialized
  }

  async function fetchMe(): Promise<MeDto | null> {
    try {
      const res = await api<{ data: MeDto }>('/api/v1/auth/me')
      me.value = res.data
    }
    catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 401) throw error
      me.value = null
    }
    meLoaded.value = true
    return me.value
  }

  async function login(input: LoginInput): Promise<void> {
    await $fetch('/api/v1/auth/login', { method: 'POST', body: input })
    useModulesStore().reset()
    await fetchMe()
  }

  /** Makes another of the user's clinics the current one; permissions and modules follow. */
  async function switchClinic(clinicId: string): Promise<void> {
    await $fetch('/api/v1/auth/clinic', { method: 'POST', body: { clinic_id: clinicId } })
    await fetchMe()
    await useModulesStore().refresh()
  }

  async function setup(input: SetupInput): Promise<void> {
    await $fetch('/api/v1/auth/setup', { method: 'POST', body: input })
    initialized.value = true
    await fetchMe()
  }

  async function acceptInvite(token: string, password: string): Promise<void> {
    await $fetch('/api/v1/auth/invites/accept', { method: 'POST', body: { token, password } })
    useModulesStore().reset()
    await fetchMe()
  }

  /** Sets a new password from a one-time reset link; the server signs in on success. */
  async function resetPassword(token: string, password: string): Promise<void> {
    await $fetch('/api/v1/auth/password/reset', { method: 'POST', body: { token, password } })
    useModulesStore().reset()
    await fetchMe()
  }

  async function logout(): Promise<void> {
    await $fetch('/api/v1/auth/logout', { method: 'POST' })
    me.value = null
    useModulesStore().reset()
  }

  const can = (permission: string) => hasPermission(me.value?.permissions ?? [], permission)
  const currentMembership = computed(() => me.value?.clinics.find(c => c.id === me.value?.current_clinic_id) ?? null)

  return { me, initialized, meLoaded, fetchSetupStatus, fetchMe, login, switchClinic, setup, acceptInvite, resetPassword, logout, can, currentMembership }
})
