import type { z } from 'zod'
import type { ErrorItem } from './types/envelope'
import { validationMessages } from './validation-messages'

/** `frontend.navigation[0].permission` style path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${String(part)}` : String(part)
  }
  return out
}

/**
 * Custom messages in shared schemas are keys (`validation.password_letter`)
 * so the browser can show them in the user's language; the API answers them
 * in English.
 */
export function englishMessage(message: string): string {
  return validationMessages[message as keyof typeof validationMessages] ?? message
}

const isMessageKey = (message: string): message is keyof typeof validationMessages => message in validationMessages

/**
 * One ErrorItem per issue: a shared schema's message key (`validation.email`,
 * and `validation.required` for a missing value) is the item's `code`, which
 * the browser words in the reader's language; `message` is the English text.
 * Other issues keep zod's code and message.
 */
export function zodIssuesToErrors(issues: ReadonlyArray<z.core.$ZodIssue>): ErrorItem[] {
  return issues.map((issue) => {
    const key = issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'validation.required' : issue.message
    return {
      field: formatPath(issue.path) || undefined,
      code: isMessageKey(key) ? key : issue.code,
      message: englishMessage(key),
    }
  })
}
