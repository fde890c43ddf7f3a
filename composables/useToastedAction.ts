import type { ApiErrorInfo } from './useApiError'

/** How a failed action is told: a toast, never silence. */
export interface FailureFeedback {
  /** The toast's heading; the reason goes under it. Without one the reason is the heading. */
  title?: string
  /** Words the error (a module's own `describe`); useApiError by default. */
  describe?: (error: unknown) => Pick<ApiErrorInfo, 'message'>
  /** After the toast: e.g. reload what changed meanwhile. */
  onFailure?: (error: unknown) => unknown
}

/**
 * Runs one action of a screen and answers whether it succeeded: its own
 * success toast is the action's; a failure is toasted here (the server's
 * reason in the reader's language) and never thrown. `busy`, when given, is
 * set while it runs and a second call meanwhile is refused (`false`).
 */
export function useToastedAction() {
  const toast = useToast()
  const apiError = useApiError()
  return async function attempt(work: () => Promise<unknown>, feedback: FailureFeedback = {}, busy?: Ref<boolean>): Promise<boolean> {
    if (busy?.value) return false
    if (busy) busy.value = true
    try {
      await work()
      return true
    }
    catch (error) {
      const reason = (feedback.describe ?? apiError)(error).message
      toast.add({ ...(feedback.title ? { title: feedback.title, description: reason } : { title: reason }), color: 'error', icon: 'i-lucide-circle-alert' })
      await feedback.onFailure?.(error)
      return false
    }
    finally {
      if (busy) busy.value = false
    }
  }
}

/**
 * Rows (members, invitations) with an action in flight: their buttons are
 * disabled meanwhile, and `run(id, …)` refuses a second action on the same
 * row (`false`) until the first is done.
 */
export function useBusyIds() {
  const busyIds = ref<string[]>([])
  async function run(id: string, work: () => Promise<boolean>): Promise<boolean> {
    if (busyIds.value.includes(id)) return false
    busyIds.value = [...busyIds.value, id]
    try {
      return await work()
    }
    finally {
      busyIds.value = busyIds.value.filter(other => other !== id)
    }
  }
  return { busyIds, run }
}
