/** A field's message, as `UForm` shows it under the field. */
export interface AppFieldError { name: string, message: string }

/** What a form's save answers: done, or the error to show (its field errors go under the fields). */
export interface AppFormOutcome { ok: boolean, error?: { message: string, fieldErrors?: AppFieldError[] } | null }

/**
 * A form as the kit's form dialog (`AppFormModal`) and form page
 * (`AppFormCard`) run it: the state its fields edit in place, the checks
 * before anything is sent (`UForm`'s `validate`) and the save.
 */
export interface AppForm {
  state: object
  validate?: (state: never) => AppFieldError[] | Promise<AppFieldError[]>
  submit: () => Promise<AppFormOutcome>
}

/**
 * The save of a kit form: one at a time (`busy`, from outside, counts as
 * saving too), the alert's text cleared on each try. `run` answers the
 * form's outcome, or null when it did not run.
 */
export function useAppFormSubmit(form: () => AppForm, busy: () => boolean = () => false) {
  const pending = ref(false)
  const error = ref<string | null>(null)

  async function run(): Promise<AppFormOutcome | null> {
    if (pending.value || busy()) return null
    pending.value = true
    error.value = null
    try {
      return await form().submit()
    }
    finally {
      pending.value = false
    }
  }

  return { pending, error, run }
}
