export type CatalogErrorInfo = ReturnType<ReturnType<typeof useApiError>>
export type CatalogResult<T> = { ok: true, value: T } | { ok: false, error: CatalogErrorInfo | null }

/**
 * The API's error in the user's language (the core words `catalog.*` codes
 * from catalog.errors.*); a 422 of ours names its first problem instead of
 * "correct the highlighted fields" for the places with no field to highlight.
 */
export function useCatalogErrors() {
  const { t } = useI18n()
  const apiError = useApiError()
  return (error: unknown): CatalogErrorInfo => {
    const info = apiError(error, { 403: t('catalog.errors.forbidden') })
    const e = error as { statusCode?: number, data?: { errors?: { code?: string }[] } }
    // A system row's 403 says which rule, not "no permission".
    if (info.status === 403 && e.data?.errors?.[0]?.code === 'catalog.system_row') return { ...info, message: t('catalog.errors.system_row') }
    const first = info.fieldErrors[0]
    if (info.status === 422 && info.code?.startsWith('catalog.') && first) return { ...info, message: first.message }
    return info
  }
}

/**
 * One mutation at a time for a catalog list: `saving` guards against a second
 * submit, success toasts and refreshes, failure hands the worded error back
 * to the form or dialog that shows it.
 */
export function useCatalogMutation(refresh: () => Promise<unknown>) {
  const toast = useToast()
  const describe = useCatalogErrors()
  const saving = ref(false)
  async function run<T>(action: () => Promise<T>, success: (value: T) => string): Promise<CatalogResult<T>> {
    if (saving.value) return { ok: false, error: null }
    saving.value = true
    try {
      const value = await action()
      toast.add({ title: success(value), color: 'success', icon: 'i-lucide-check' })
      await refresh()
      return { ok: true, value }
    }
    catch (e) {
      return { ok: false, error: describe(e) }
    }
    finally {
      saving.value = false
    }
  }
  return { saving: readonly(saving), run }
}

/**
 * A catalog save's result as the kit's form dialog takes it: done, or the
 * refusal — under the field `fieldOfCode` names for its code (a taken key is
 * the key field's problem), else its own field errors and the alert.
 */
export function catalogFormOutcome(result: CatalogResult<unknown>, fieldOfCode: Record<string, string> = {}) {
  if (result.ok || !result.error) return { ok: result.ok }
  const { message, code, fieldErrors } = result.error
  const field = code ? fieldOfCode[code] : undefined
  return { ok: false, error: { message, fieldErrors: field ? [{ name: field, message }] : fieldErrors } }
}
