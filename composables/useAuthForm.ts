import { z } from 'zod'
import { changePasswordSchema, loginSchema, passwordSchema } from '#shared/schemas/auth'

/** A field of a password form: its name in the state, its label (an i18n key) and its autocomplete. */
type AuthField = readonly [name: string, label: string, autocomplete: string]

interface AuthFormSpec {
  /** The form's id: `useTypedBeforeHydration` finds the fields by it. */
  id: string
  fields: readonly AuthField[]
  /** Checks the values to send (the confirmation is not one of them). */
  schema: z.ZodType
  /** The field a `confirm_password` field must repeat. */
  confirms?: string
  autofocus?: string
  /** i18n keys: the browser tab's title, the form's heading, its introduction and its button. */
  text: { head: string, title: string, description?: string, submit: string }
  /** i18n keys of the server's refusals by HTTP status. */
  refusals?: Record<number, string>
}

const newPassword = z.object({ password: passwordSchema })
const confirmation = ['confirm_password', 'auth.confirmPassword', 'new-password'] as const

/**
 * The account's password forms: signing in; accepting an invitation with one
 * password (a new account chooses it, an existing one confirms with its own:
 * the server decides which); a new password from a one-time reset link; and
 * changing your own. One table says each one's fields, wording, checks and
 * refusals, so the four cannot drift apart.
 */
const AUTH_FORMS = {
  login: {
    id: 'login-form',
    fields: [['email', 'auth.email', 'username'], ['password', 'auth.password', 'current-password']],
    schema: loginSchema,
    autofocus: 'email',
    text: { head: 'auth.signIn', title: 'auth.signInTitle', submit: 'auth.signIn' },
    refusals: { 401: 'auth.invalidCredentials', 429: 'auth.tooManyAttempts' },
  },
  invite: {
    id: 'invite-form',
    fields: [['password', 'auth.password', 'new-password']],
    schema: newPassword,
    text: { head: 'auth.acceptInvite', title: 'auth.acceptInvite', description: 'auth.acceptInviteIntro', submit: 'auth.inviteSubmit' },
    refusals: { 401: 'auth.inviteWrongPassword', 429: 'auth.tooManyAttempts' },
  },
  reset: {
    id: 'reset-form',
    fields: [['password', 'auth.newPassword', 'new-password'], confirmation],
    schema: newPassword,
    confirms: 'password',
    text: { head: 'auth.resetTitle', title: 'auth.resetTitle', description: 'auth.resetIntro', submit: 'auth.resetSubmit' },
    refusals: { 404: 'auth.resetInvalid' },
  },
  change: {
    id: 'change-password-form',
    fields: [['current_password', 'auth.currentPassword', 'current-password'], ['new_password', 'auth.newPassword', 'new-password'], confirmation],
    schema: changePasswordSchema,
    confirms: 'new_password',
    text: { head: 'shell.changePassword.title', title: 'shell.changePassword.title', description: 'shell.changePassword.description', submit: 'shell.changePassword.submit' },
  },
} as const satisfies Record<string, AuthFormSpec>

export type AuthFormKind = keyof typeof AUTH_FORMS
/** What a form of this kind sends: its fields' values, without the confirmation. */
export type AuthFormValues<K extends AuthFormKind> = Record<Exclude<(typeof AUTH_FORMS)[K]['fields'][number][0], 'confirm_password'>, string>

/**
 * One password form of the table: its state (every field empty), the fields
 * for `AppTextFields`, the checks for the form's `validate` (the schema, in
 * the reader's language, and the confirmation matching), the values to send,
 * the refusals worded for `useApiError` and `reset` (everything typed goes).
 */
export function useAuthForm<K extends AuthFormKind>(kind: K) {
  const spec: AuthFormSpec = AUTH_FORMS[kind]
  const { t } = useI18n()
  const checkSchema = useSchemaValidate(spec.schema)
  const blank = () => Object.fromEntries(spec.fields.map(([name]) => [name, ''])) as Record<string, string>
  const state = reactive(blank())
  const fields = computed(() => spec.fields.map(([name, label, autocomplete]) => ({
    name,
    label: t(label),
    type: name === 'email' ? 'email' : 'password',
    autocomplete,
  })))
  const values = () => Object.fromEntries(spec.fields
    .filter(([name]) => name !== confirmation[0])
    .map(([name]) => [name, state[name] ?? ''])) as AuthFormValues<K>

  function validate() {
    const errors = checkSchema(values())
    if (spec.confirms && state[confirmation[0]] !== state[spec.confirms]) {
      errors.push({ name: confirmation[0], message: t('auth.passwordMismatch') })
    }
    return errors
  }

  const refusals = () => Object.fromEntries(Object.entries(spec.refusals ?? {}).map(([status, key]) => [status, t(key)]))
  const reset = () => Object.assign(state, blank())
  return { id: spec.id, autofocus: spec.autofocus, text: spec.text, state, fields, values, validate, refusals, reset }
}
