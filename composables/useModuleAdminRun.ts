import type { ApiResponse } from '#shared/types/envelope'
import type { ApplyReport, ModuleRunResult, ModuleStatus, RestartAccepted, RunState } from './module-admin/types'
import { idleRun, STATUS_PATH, useModuleAdminState } from './module-admin/state'
import { OPERATION_OF, useRestartOutcome } from './module-admin/restart-outcome'
import { useModuleAdminData } from './useModuleAdminData'
import { poll } from './usePolling'

const SERVER_WAIT_MS = 180_000
const IDLE_WAIT_MS = 90_000

type Toast = Parameters<ReturnType<typeof useToast>['add']>[0]

/**
 * Applying the pending changes on the module admin screens: hot apply
 * (per-module progress, then the server's report) or a restart survived with
 * silent polling (then each module's outcome from its state and journal).
 * The run is shared state and outlives the screen that started it: its polls
 * end by their own condition or deadline, not when a component unmounts, so
 * moving between the list and a module's page keeps following it and the
 * sidebar is refreshed at the end.
 */
export function useModuleAdminRun() {
  const api = useRequestFetch()
  const apiError = useApiError()
  const toast = useToast()
  const { t } = useI18n()
  const { run, pending, running, busy } = useModuleAdminState()
  const { refreshAll } = useModuleAdminData()
  const restartOutcome = useRestartOutcome()

  function startRun(phase: 'applying' | 'restarting') {
    run.value = {
      phase,
      message: null,
      requestedAt: Date.now(),
      results: pending.value.map(p => ({ module: p.name, operation: OPERATION_OF[p.state] ?? 'install', status: 'running', error: null, error_item: null, failed_step: null })),
    }
  }

  /** Marks the modules that left the pending state as `finished` (the report or their state tells more later). */
  function markFinished(status: ModuleStatus) {
    const still = new Set(status.pending.map(p => p.name))
    run.value.results = run.value.results.map(r => r.status === 'running' && !still.has(r.module) ? { ...r, status: 'finished' } : r)
    return still
  }

  const summary = (results: ModuleRunResult[], success: string): Toast => {
    const failed = results.filter(r => r.status !== 'succeeded').length
    return failed
      ? { title: t('modules.toast.appliedWithFailures', { failed }), color: 'warning', icon: 'i-lucide-triangle-alert' }
      : { title: success, color: 'success', icon: 'i-lucide-circle-check' }
  }

  /** Hot apply (POST /-/apply): per-module progress from silent status polls, then the server's report. */
  async function applyChanges() {
    if (busy.value) return
    startRun('applying')
    // Best effort and silent while the batch runs; stopped the moment the report arrives.
    const inFlight = new AbortController()
    const progress = poll({
      attempt: () => api<ApiResponse<ModuleStatus>>(STATUS_PATH, { retry: 0 }),
      until: (res) => {
        markFinished(res.data)
        return false
      },
      initialDelay: 600,
      delay: 900,
      factor: 1.5,
      maxDelay: 3000,
      signal: inFlight.signal,
    })
    let outcome: Pick<RunState, 'phase' | 'results' | 'message'>
    let notice: Toast
    try {
      const res = await api<ApiResponse<ApplyReport>>('/api/v1/modules/-/apply', { method: 'POST', retry: 0 })
      inFlight.abort()
      const byModule = new Map(res.data.operations.map(o => [o.module, o]))
      const results: ModuleRunResult[] = run.value.results.map((r) => {
        const o = byModule.get(r.module)
        byModule.delete(r.module)
        return o ? { ...o } : { ...r, status: 'not_applied', error: t('modules.run.notApplied'), error_item: null }
      })
      // Modules the batch touched that were not pending when we looked (scheduled meanwhile).
      for (const o of byModule.values()) results.push({ ...o })
      outcome = { phase: 'done', results, message: null }
      notice = summary(results, t('modules.toast.applied'))
    }
    catch (error) {
      inFlight.abort()
      const message = apiError(error).message
      outcome = { phase: 'failed', message, results: run.value.results.map(r => r.status === 'running' ? { ...r, status: 'not_applied' } : r) }
      notice = { title: t('modules.toast.applyFailed'), description: message, color: 'error', icon: 'i-lucide-circle-alert' }
    }
    await progress
    // The outcome shows once the list, status and navigation are fresh (no stale "pending" next to "done").
    await refreshAll()
    run.value = { ...run.value, ...outcome }
    toast.add(notice)
  }

  /** POST /-/restart (202), then waits for the server to come back without a toast per failed poll. */
  async function restartServer() {
    if (busy.value) return
    startRun('restarting')
    let mode: RestartAccepted['mode']
    try {
      const res = await api<ApiResponse<RestartAccepted>>('/api/v1/modules/-/restart', { method: 'POST', retry: 0 })
      mode = res.data.mode
    }
    catch (error) {
      const message = apiError(error).message
      run.value = { ...run.value, phase: 'failed', message, results: run.value.results.map(r => ({ ...r, status: 'not_applied' })) }
      toast.add({ title: t('modules.toast.restartFailed'), description: message, color: 'error', icon: 'i-lucide-circle-alert' })
      return
    }
    await settleAfterRestart(mode === 'process')
  }

  /** After the restart was lost from sight: look again from where we were. */
  async function checkServerAgain() {
    if (run.value.phase !== 'lost') return
    run.value = { ...run.value, phase: 'restarting', message: null }
    await settleAfterRestart(true)
  }

  async function settleAfterRestart(processRestart: boolean) {
    const requestedAt = run.value.requestedAt ?? Date.now()
    const back = processRestart ? await waitForServer(requestedAt) : true
    if (!back) {
      run.value = { ...run.value, phase: 'lost', message: t('modules.run.serverLost') }
      return
    }
    await waitUntilIdle()
    const results = await restartOutcome(run.value.results)
    await refreshAll()
    run.value = { ...run.value, phase: 'done', results, message: null }
    toast.add(summary(results, t('modules.toast.restarted')))
  }

  /**
   * Polls GET /api/ready with backoff until the NEW server answers: either we
   * saw it down, or its uptime is shorter than the time since we asked.
   */
  async function waitForServer(requestedAt: number): Promise<boolean> {
    let sawDown = false
    const result = await poll({
      attempt: async () => {
        await api('/api/ready', { retry: 0, timeout: 5000 })
        if (sawDown) return true
        const health = await api<ApiResponse<{ uptime_seconds: number }>>('/api/health', { retry: 0, timeout: 5000 })
        return health.data.uptime_seconds * 1000 <= Date.now() - requestedAt
      },
      until: isNew => isNew,
      // Expected while the server restarts: no toast, just try again a little later.
      onError: () => {
        sawDown = true
      },
      initialDelay: 1000,
      delay: 500,
      factor: 1.6,
      maxDelay: 5000,
      timeout: SERVER_WAIT_MS,
    })
    return result.status === 'done'
  }

  /** Until nothing watched is pending or being applied (in-process restarts apply after answering). */
  async function waitUntilIdle() {
    const watched = run.value.results.map(r => r.module)
    await poll({
      attempt: () => api<ApiResponse<ModuleStatus>>(STATUS_PATH, { retry: 0, timeout: 5000 }),
      until: (res) => {
        const still = markFinished(res.data)
        return !res.data.applying && !watched.some(name => still.has(name))
      },
      delay: 500,
      factor: 1.5,
      maxDelay: 3000,
      timeout: IDLE_WAIT_MS,
    })
  }

  function dismissRun() {
    if (running.value) return
    run.value = idleRun()
  }

  return { run, pending, running, busy, applyChanges, restartServer, checkServerAgain, dismissRun }
}
