export type AgendaErrorInfo = ReturnType<ReturnType<typeof useApiError>> & { code: string | null }

interface ErrorBody { errors?: { code?: string, field?: string, message: string }[] }

/**
 * The API's error in the user's language: our own message for the agenda's
 * error codes (`agenda.professional_busy` → agenda.errors.professional_busy),
 * also next to the fields of a 422, the core's wording for the common
 * statuses, the server's message otherwise.
 */
export function useAgendaErrors() {
  const { t, te } = useI18n()
  const apiError = useApiError()
  const translate = (code: string | undefined): string | null => {
    if (!code?.startsWith('agenda.')) return null
    const key = `agenda.errors.${code.slice('agenda.'.length)}`
    return te(key) ? t(key) : null
  }
  return (error: unknown): AgendaErrorInfo => {
    const info = apiError(error, { 403: t('agenda.errors.forbidden') })
    const items = (error as { data?: ErrorBody })?.data?.errors ?? []
    const code = items[0]?.code ?? null
    const fieldErrors = items.filter(i => i.field).map(i => ({ name: i.field!, message: translate(i.code) ?? i.message }))
    return { ...info, code, fieldErrors: fieldErrors.length ? fieldErrors : info.fieldErrors, message: translate(code ?? undefined) ?? info.message }
  }
}
