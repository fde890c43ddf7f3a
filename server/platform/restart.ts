import { consola } from 'consola'
import { usePlatform } from '.'

/**
 * `process`: SIGTERM to ourselves after the answer is sent; the supervisor
 * starts the server again and boot applies pending operations. Under
 * `nuxt dev` (no supervisor) the operations are applied in-process instead.
 */
export function requestRestart(): 'process' | 'in_process' {
  if (import.meta.dev) {
    setTimeout(() => {
      usePlatform().applier.applyPending().catch(error => consola.error('[dentalpin] applying pending operations failed:', error))
    }, 50)
    return 'in_process'
  }
  setTimeout(() => process.kill(process.pid, 'SIGTERM'), 200)
  return 'process'
}
