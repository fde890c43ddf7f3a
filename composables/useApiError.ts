import type { ErrorResponse } from '#shared/types/envelope'

export interface ApiErrorInfo {
  status: number | null
  message: string
  fieldErrors: { name: string, message: string }[]
}

/**
 * Turns a failed $fetch into what a form shows: a translated message for the
 * common statuses, the server's message otherwise, and per-field errors of a 422.
 */
export function useApiError() {
  const { t } = useI18n()
  return (error: unknown, overrides: Partial<Record<number, string>> = {}): ApiErrorInfo => {
    const e = error as { statusCode?: number, data?: ErrorResponse }
    const status = e?.statusCode ?? null
    const body = e?.data
    const fieldErrors = (body?.errors ?? [])
      .filter(item => item.field)
      .map(item => ({ name: item.field!, message: item.message }))
    let message: string
    if (status && overrides[status]) message = overrides[status]!
    else if (!status) message = t('errors.network')
    else if (status === 422) message = t('errors.validation')
    else if (status >= 500) message = t('errors.unexpected')
    else message = body?.message ?? t('errors.unexpected')
    if (import.meta.client && (!status || status >= 500)) console.error('[api]', error)
    return { status, message, fieldErrors }
  }
}
