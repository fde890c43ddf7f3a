import { getCurrentScope, onScopeDispose } from 'vue'

/**
 * The one polling loop of the client: attempt, wait with backoff, stop when
 * the value says so, give up at a deadline, stop at once when cancelled.
 * A failed attempt is silent (polls fail while a server restarts): it counts
 * as "not yet" and goes to `onError`.
 */
export interface PollOptions<T> {
  /** One try; a throw means "not yet". */
  attempt: () => Promise<T>
  /** Called with each value (unless cancelled meanwhile); `true` stops the poll. Without it the poll runs until the deadline or cancellation. */
  until?: (value: T) => boolean
  /** Called with each failed attempt's error (unless cancelled meanwhile). */
  onError?: (error: unknown) => void
  /** Wait before the first attempt, in ms (default 0: attempt at once). */
  initialDelay?: number
  /** Wait after the first attempt, in ms; each next wait is the last one × `factor`, rounded, at most `maxDelay`. */
  delay: number
  factor?: number
  maxDelay?: number
  /** Total time budget from the start, in ms: no attempt starts after it (default: none). */
  timeout?: number
  /** Aborting stops the poll at once, even mid-wait or mid-attempt (the attempt's result is then ignored). */
  signal?: AbortSignal
}

export type PollResult<T> = { status: 'done', value: T } | { status: 'timeout' } | { status: 'cancelled' }

const CANCELLED = Symbol('cancelled')

/** Resolves after `ms`, or as soon as `signal` aborts. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done)
  })
}

export async function poll<T>(options: PollOptions<T>): Promise<PollResult<T>> {
  const { attempt, until, onError, signal, factor = 1, maxDelay = Number.POSITIVE_INFINITY } = options
  const deadline = Date.now() + (options.timeout ?? Number.POSITIVE_INFINITY)
  let onAbort = () => {}
  const aborted = new Promise<typeof CANCELLED>((resolve) => {
    onAbort = () => resolve(CANCELLED)
    signal?.addEventListener('abort', onAbort)
  })
  let pause = options.initialDelay ?? 0
  let next = Math.min(options.delay, maxDelay)
  try {
    for (;;) {
      if (pause > 0) await wait(pause, signal)
      if (signal?.aborted) return { status: 'cancelled' }
      if (Date.now() >= deadline) return { status: 'timeout' }
      try {
        const value = await Promise.race([attempt(), aborted])
        if (value === CANCELLED) return { status: 'cancelled' }
        if (until?.(value)) return { status: 'done', value }
      }
      catch (error) {
        if (signal?.aborted) return { status: 'cancelled' }
        onError?.(error)
      }
      pause = next
      next = Math.min(Math.round(next * factor), maxDelay)
    }
  }
  finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

/**
 * `poll` bound to the calling component (or effect scope): every poll it
 * starts is cancelled when the component unmounts. Outside a scope nothing
 * cancels it but the deadline and the stop condition.
 */
export function usePolling() {
  const controller = new AbortController()
  if (getCurrentScope()) onScopeDispose(() => controller.abort())
  return <T>(options: Omit<PollOptions<T>, 'signal'>) => poll({ ...options, signal: controller.signal })
}
