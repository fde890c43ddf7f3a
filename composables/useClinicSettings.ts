import type { z } from 'zod'
import type { updateClinicSchema } from '#shared/schemas/auth'
import type { ApiErrorInfo } from './useApiError'

export type ClinicUpdateInput = z.input<typeof updateClinicSchema>

/**
 * The current clinic's details for /settings: loads them (again when the user
 * switches clinic) and saves changes. A failed save comes back to the form,
 * which shows it inline next to the fields; success is a toast.
 */
export function useClinicSettings() {
  const { t } = useI18n()
  const toast = useToast()
  const auth = useAuthStore()
  const apiError = useApiError()
  // On the server this forwards the browser's cookie to our own API.
  const api = useRequestFetch()

  const { data: clinic, status, error, refresh } = useAsyncData(
    'settings:clinic',
    () => api('/api/v1/auth/clinic').then(res => res.data),
    // Loaded in the browser: the form's generated ids must match between server and client render.
    { watch: [() => auth.me?.current_clinic_id], server: false },
  )
  const loading = computed(() => (status.value === 'pending' || status.value === 'idle') && !clinic.value)
  const loadError = computed(() => (error.value ? apiError(error.value, { 403: t('settings.errors.forbidden') }).message : null))

  const saving = ref(false)

  /** Saves the clinic; resolves to the error to show, or null when saved (or already saving). */
  async function save(input: ClinicUpdateInput): Promise<ApiErrorInfo | null> {
    if (saving.value) return null
    saving.value = true
    try {
      const res = await $fetch('/api/v1/auth/clinic', { method: 'PUT', body: input })
      clinic.value = res.data
      toast.add({ title: t('settings.clinic.saved'), color: 'success', icon: 'i-lucide-check' })
      // The shell shows the clinic's name from /me.
      auth.fetchMe().catch(e => console.error('[settings] could not refresh /me after saving the clinic', e))
      return null
    }
    catch (e) {
      return apiError(e, { 403: t('settings.errors.forbidden') })
    }
    finally {
      saving.value = false
    }
  }

  return { clinic, loading, loadError, refresh, saving: readonly(saving), save }
}
