import type { ErrorParams, ErrorResponse } from '#shared/types/envelope'

export interface ApiErrorInfo {
  status: number | null
  /** The stable code of the server's first error (`modules.has_dependents`), when it sent one. */
  code: string | null
  message: string
  fieldErrors: { name: string, message: string }[]
}

/** Something the server said: a stable code and its params, with the English text as the fallback. */
export interface ServerMessage {
  code?: string | null
  message: string
  params?: ErrorParams
}

/** The parts of vue-i18n the translation needs (what `useI18n()` gives, `locale` unwrapped). */
export interface ServerMessageI18n {
  t: (key: string, named: Record<string, unknown>) => string
  te?: (key: string) => boolean
  locale: string
}

/**
 * The locale keys that may word an error code, in order: a shared schema's
 * validation code is its own key (`validation.email`); otherwise
 * `apiErrors.<code>` (the core's codes and any module's), then
 * `<module>.errors.<rest>` so a module layer can word its own codes under its
 * own top-level key (`patients.not_found` → `patients.errors.not_found`).
 */
export function serverMessageKeys(code: string): string[] {
  if (code.startsWith('validation.')) return [code]
  const keys = [`apiErrors.${code}`]
  const dot = code.indexOf('.')
  if (dot > 0) keys.push(`${code.slice(0, dot)}.errors.${code.slice(dot + 1)}`)
  return keys
}

/**
 * The reader's wording of a server message: the locale's text for its code,
 * filled with its params (lists joined the locale's way: "a, b y c"), or
 * the server's English message when the locale has no text for that code.
 * Free-form details (a database error) are a param and stay as they are.
 */
export function translateServerMessage(i18n: ServerMessageI18n, item: ServerMessage | null | undefined): string {
  if (!item) return ''
  // Without `te` (a bare test stand-in) nothing is known to be translatable: the server's text it is.
  const exists = (key: string) => typeof i18n.te === 'function' && i18n.te(key)
  const key = item.code ? serverMessageKeys(item.code).find(exists) : undefined
  if (key) return i18n.t(key, formatParams(item.params ?? {}, i18n.locale))
  return item.message
}

function formatParams(params: ErrorParams, locale: string): Record<string, string | number> {
  let lists: Intl.ListFormat | undefined
  const out: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      lists ??= new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })
      out[name] = lists.format(value)
    }
    else out[name] = value
  }
  return out
}

/** `translateServerMessage` bound to the current locale, for components that show server messages. */
export function useServerMessage() {
  const { t, te, locale } = useI18n()
  return (item: ServerMessage | null | undefined): string =>
    translateServerMessage({ t: (key, named) => t(key, named), te: te ? key => te(key) : undefined, locale: locale.value }, item)
}

/**
 * Turns a failed $fetch into what a form shows: a translated message for the
 * common statuses; for the others the locale's wording of the server's error
 * code (with its params), or the server's message when the code is not known
 * here; and per-field errors of a 422 (translated the same way).
 */
export function useApiError() {
  const { t } = useI18n()
  const serverMessage = useServerMessage()
  return (error: unknown, overrides: Partial<Record<number, string>> = {}): ApiErrorInfo => {
    const e = error as { statusCode?: number, data?: ErrorResponse }
    const status = e?.statusCode ?? null
    const body = e?.data
    const items = Array.isArray(body?.errors) ? body.errors : []
    const fieldErrors = items
      .filter(item => item.field)
      .map(item => ({ name: item.field!, message: serverMessage(item) }))
    const first = items.find(item => !item.field) ?? items[0]
    let message: string
    if (status && overrides[status]) message = overrides[status]!
    else if (!status) message = t('errors.network')
    else if (status === 422) message = t('errors.validation')
    else if (status >= 500) message = t('errors.unexpected')
    else if (body?.message) message = serverMessage({ code: first?.code, params: first?.params, message: body.message })
    else message = t('errors.unexpected')
    if (import.meta.client && (!status || status >= 500)) console.error('[api]', error)
    return { status, code: first?.code ?? null, message, fieldErrors }
  }
}
