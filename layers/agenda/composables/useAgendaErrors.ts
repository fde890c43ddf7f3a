export type AgendaErrorInfo = ReturnType<ReturnType<typeof useApiError>>

/**
 * The API's error in the user's language. The core words error codes from
 * our locale (`agenda.professional_busy` → agenda.errors.professional_busy,
 * also next to the fields of a 422); on top of that, a 422 of ours names its
 * first problem instead of "correct the highlighted fields", because a drag
 * or a status button has no form to highlight.
 */
export function useAgendaErrors() {
  const { t } = useI18n()
  const apiError = useApiError()
  return (error: unknown): AgendaErrorInfo => {
    const info = apiError(error, { 403: t('agenda.errors.forbidden') })
    const first = info.fieldErrors[0]
    if (info.status === 422 && info.code?.startsWith('agenda.') && first) return { ...info, message: first.message }
    return info
  }
}
