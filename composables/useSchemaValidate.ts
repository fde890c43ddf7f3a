import { z } from 'zod'
import { formatPath } from '#shared/validation'

/**
 * A UForm `validate` function for a shared zod schema, in the user's
 * language: our own message keys go through i18n, zod's built-in messages
 * use zod's locale.
 */
export function useSchemaValidate<S extends z.ZodType>(schema: S) {
  const { t, locale } = useI18n()
  return (state: unknown) => {
    const localeError = locale.value === 'es' ? z.locales.es().localeError : z.locales.en().localeError
    const result = schema.safeParse(state, { error: localeError })
    if (result.success) return []
    return result.error.issues.map(issue => ({
      name: formatPath(issue.path),
      message: issue.message.startsWith('validation.') ? t(issue.message) : issue.message,
    }))
  }
}
