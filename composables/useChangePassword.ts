import type { ChangePasswordInput } from '#shared/schemas/auth'
import type { ApiErrorInfo } from './useApiError'

/**
 * Changing your own password (POST /api/v1/auth/password). The server keeps
 * this session and revokes every other one. A wrong current password comes
 * back as a field error on `current_password` (`auth.wrong_password`) for
 * the form to show inline; success is a toast.
 */
export function useChangePassword() {
  const { t } = useI18n()
  const toast = useToast()
  const apiError = useApiError()
  const submitting = ref(false)

  /** Resolves to null when changed, or the error to show (null `error` too when a change was already running). */
  async function change(input: ChangePasswordInput): Promise<{ ok: true } | { ok: false, error: ApiErrorInfo | null }> {
    if (submitting.value) return { ok: false, error: null }
    submitting.value = true
    try {
      await $fetch('/api/v1/auth/password', { method: 'POST', body: input })
      toast.add({ title: t('shell.changePassword.done'), color: 'success', icon: 'i-lucide-check' })
      return { ok: true }
    }
    catch (e) {
      return { ok: false, error: apiError(e) }
    }
    finally {
      submitting.value = false
    }
  }

  return { submitting: readonly(submitting), change }
}
