/**
 * Keeps what a person typed into a server-rendered form before the page
 * hydrated. Hydration writes the (empty) state's `value` into every input
 * and so wiped early typing: right before the page hydrates (`onBeforeMount`,
 * the server's DOM still in place) the inputs' values are read, and once
 * mounted they go into the state, so the inputs show them again. (Setting the
 * state before hydration would make it differ from the server's HTML: a
 * hydration mismatch.)
 *
 * `ready` turns true once hydrated: bind the submit button's `disabled` to
 * `!ready` so the form cannot be sent natively (the page reloading with the
 * text gone) before the app handles it — typing stays possible meanwhile.
 * The form needs an `id`; the inputs are read by their `name` (UFormField's).
 *
 * `autofocus` names the input to focus once hydrated — only when nothing has
 * the focus yet. (UInput's own `autofocus` focuses on mount regardless, which
 * moved the rest of a password being typed into the email field.)
 */
// Inputs a person types into (not hidden inputs of selects, whose server value is a default).
const TYPED = new Set(['text', 'email', 'password', 'tel', 'search', 'url'])

export function useTypedBeforeHydration<T extends Record<string, unknown>>(formId: string, state: T, options: { autofocus?: keyof T & string } = {}) {
  const ready = ref(false)
  const typed: Record<string, string> = {}
  onBeforeMount(() => {
    const form = document.getElementById(formId)
    if (!(form instanceof HTMLFormElement)) return
    for (const name of Object.keys(state)) {
      const input = form.elements.namedItem(name)
      if (input instanceof HTMLInputElement && TYPED.has(input.type) && typeof state[name] === 'string' && input.value !== '') {
        typed[name] = input.value
      }
    }
  })
  onMounted(() => {
    // Hydration and this hook run in one task: nothing is painted (or typed) in between.
    Object.assign(state, typed)
    ready.value = true
    const active = document.activeElement
    if (options.autofocus && (!active || active === document.body)) {
      const form = document.getElementById(formId)
      const field = form instanceof HTMLFormElement ? form.elements.namedItem(options.autofocus) : null
      if (field instanceof HTMLInputElement) field.focus()
    }
  })
  return { ready }
}
