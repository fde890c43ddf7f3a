// The restart policy of scripts/serve.mjs, separate so it can be tested.

/**
 * @param {object} options
 * @param {() => import('node:child_process').ChildProcess} options.start starts one server process
 * @param {(message: string) => void} [options.log]
 * @param {number} [options.fastFailureMs] a run shorter than this that ends in failure counts as a fast failure
 * @param {number} [options.maxFastFailures] consecutive fast failures before giving up
 * @param {number} [options.restartDelayMs] pause before starting again
 */
export function createSupervisor({ start, log = () => {}, fastFailureMs = 5000, maxFastFailures = 3, restartDelayMs = 300 }) {
  let child = null
  let stopping = false
  let fastFailures = 0
  let resolveRun
  const done = new Promise((resolve) => {
    resolveRun = resolve
  })

  function launch() {
    // Asked to stop while waiting to restart: start nothing.
    if (stopping) return
    const startedAt = Date.now()
    child = start()
    child.on('exit', (code, signal) => {
      child = null
      if (stopping) {
        resolveRun(0)
        return
      }
      const failed = code !== 0 || signal !== null
      const fast = Date.now() - startedAt < fastFailureMs
      fastFailures = failed && fast ? fastFailures + 1 : 0
      if (fastFailures >= maxFastFailures) {
        log(`server failed ${fastFailures} times right after starting; giving up (exit code ${code ?? signal}).`)
        resolveRun(typeof code === 'number' && code !== 0 ? code : 1)
        return
      }
      log(failed ? `server stopped unexpectedly (${code ?? signal}); restarting.` : 'server stopped; restarting.')
      setTimeout(launch, restartDelayMs)
    })
  }

  return {
    run() {
      launch()
      return done
    },
    stop(signal = 'SIGTERM') {
      stopping = true
      if (child) child.kill(signal)
      else resolveRun(0)
    },
    get pid() {
      return child?.pid ?? null
    },
  }
}

/**
 * Calls `onOrphaned` once when this process's parent is gone (its parent pid
 * changes: the orphan was adopted by init or a subreaper). A process started
 * by `npm run demo` must not outlive it, even when it was killed outright.
 * @param {() => void} onOrphaned
 * @param {{ intervalMs?: number }} [options]
 */
export function watchParent(onOrphaned, { intervalMs = 500 } = {}) {
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid === parent) return
    clearInterval(timer)
    onOrphaned()
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}

/** The signals that stop the supervisor (and, through it, the server). */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP']
