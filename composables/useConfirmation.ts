/** A question the kit's `AppConfirmModal` asks: its wording, its look and what a yes does. */
export interface Confirmation {
  title: string
  description?: string
  confirmLabel: string
  confirmIcon?: string
  color?: 'error' | 'warning' | 'primary'
  /** The work a yes does (its errors are the caller's to show, usually a toast). */
  confirm: () => unknown
}

/**
 * One confirmation dialog for the several questions of a screen (deactivate
 * this member, remove that one): `ask(question)` opens it with that
 * question. Bind it once:
 * `<AppConfirmModal v-model:open="confirmation.open" v-bind="confirmation.question" />`.
 */
export function useConfirmation() {
  const state = reactive({
    open: false,
    question: { title: '', confirmLabel: '', confirm: () => undefined } as Confirmation,
  })
  function ask(question: Confirmation) {
    Object.assign(state, { open: true, question })
  }
  return Object.assign(state, { ask })
}
