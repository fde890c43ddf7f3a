import type { ModuleInfo, ModuleService, ScheduleResult } from '~~/server/platform/service'
import type { ApplyReport, ModuleApplier } from '~~/server/platform/apply'
import type { listOperations } from '~~/server/platform/journal'
import type { ModuleOperationKind, ModuleState } from '~~/server/db/types'
import type { ApiResponse, ErrorItem } from '#shared/types/envelope'

export type { ModuleInfo, ModuleState }
export type ModuleOperation = ModuleOperationKind
/** One module's dry-run plan, as `ModuleApplier.plan()` returns it. */
export type ModulePlan = Awaited<ReturnType<ModuleApplier['plan']>>
/** What the confirmation modal is about. */
export interface ModulePlanTarget {
  name: string
  operation: ModuleOperation
}
export interface ModuleDryRun {
  chain: string[]
  plans: ModulePlan[]
}
export type ModuleStatus = Awaited<ReturnType<ModuleService['status']>> & { applying: boolean }
export type ModuleDoctor = Awaited<ReturnType<ModuleService['doctor']>>
export type ModuleJournalEntry = Awaited<ReturnType<typeof listOperations>>[number]

export type LoadStatus = 'idle' | 'pending' | 'success' | 'error'
export interface Remote<T> {
  data: T | null
  status: LoadStatus
  error: string | null
}

/** Why the server refused an operation (409 and friends): `code` is the stable error code, `message` in the reader's language. */
export interface ModuleRefusal {
  status: number | null
  code: string | null
  message: string
}
export type DryRunResult = { plan: ModuleDryRun, refusal?: undefined } | { plan?: undefined, refusal: ModuleRefusal }

/** `running` while the batch is in flight, `finished` once the module left the pending state (before the report). */
export type ModuleRunStatus = 'running' | 'finished' | 'succeeded' | 'failed' | 'skipped' | 'not_applied'
export interface ModuleRunResult {
  module: string
  operation: ModuleOperation
  status: ModuleRunStatus
  /** The server's English text, or one of ours (already translated) when `error_item` is null. */
  error: string | null
  /** The server's error as a code and params, to word it in the reader's language. */
  error_item: ErrorItem | null
  failed_step: string | null
}
export type RunPhase = 'idle' | 'applying' | 'restarting' | 'done' | 'failed' | 'lost'
export interface RunState {
  phase: RunPhase
  results: ModuleRunResult[]
  message: string | null
  /** When the restart was requested (client clock), to tell the new server from the old one. */
  requestedAt: number | null
}

const OPERATION_OF: Record<string, ModuleOperation> = { to_install: 'install', to_upgrade: 'upgrade', to_remove: 'uninstall' }
const SETTLED_STATE: Record<ModuleOperation, ModuleState> = { install: 'installed', upgrade: 'installed', uninstall: 'uninstalled' }
const SERVER_WAIT_MS = 180_000
const IDLE_WAIT_MS = 90_000

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))
const blank = <T>(): Remote<T> => ({ data: null, status: 'idle', error: null })
const path = (name: string, action = '') => `/api/v1/modules/${encodeURIComponent(name)}${action ? `/${action}` : ''}`

/**
 * The module admin screen's data and actions (`/settings/modules`): the module
 * list, status, doctor, a module's journal, dry runs, scheduling, and applying
 * pending changes (hot apply, or a restart survived with silent polling).
 * State is shared through `useState`, so every component calling this sees the
 * same data; each mutation is guarded against double submission.
 */
export function useModuleAdmin() {
  const api = useRequestFetch()
  const apiError = useApiError()
  const toast = useToast()
  const { t } = useI18n()
  const auth = useAuthStore()
  const modulesStore = useModulesStore()

  const list = useState<Remote<ModuleInfo[]>>('module-admin:list', blank)
  const status = useState<Remote<ModuleStatus>>('module-admin:status', blank)
  const doctor = useState<Remote<ModuleDoctor>>('module-admin:doctor', blank)
  const detail = useState<Remote<ModuleInfo>>('module-admin:detail', blank)
  const journal = useState<Remote<ModuleJournalEntry[]>>('module-admin:journal', blank)
  const run = useState<RunState>('module-admin:run', () => ({ phase: 'idle', results: [], message: null, requestedAt: null }))
  /** `<operation>:<module>` of the scheduling request in flight. */
  const submitting = useState<string | null>('module-admin:submitting', () => null)
  const watchingApply = useState('module-admin:watching-apply', () => false)

  const canWrite = computed(() => auth.can('admin.clinic.write'))
  const pending = computed(() => status.value.data?.pending ?? [])
  const running = computed(() => run.value.phase === 'applying' || run.value.phase === 'restarting')
  const busy = computed(() => running.value || submitting.value !== null)

  async function fetchInto<T>(target: Ref<Remote<T>>, request: () => Promise<ApiResponse<T>>): Promise<boolean> {
    target.value = { ...target.value, status: 'pending', error: null }
    try {
      const res = await request()
      target.value = { data: res.data, status: 'success', error: null }
      return true
    }
    catch (error) {
      // Keep what was shown before, but flag the failure: a failed load never looks like an empty list.
      target.value = { ...target.value, status: 'error', error: apiError(error).message }
      return false
    }
  }

  const loadList = () => fetchInto(list, () => api<ApiResponse<ModuleInfo[]>>('/api/v1/modules'))
  const loadDoctor = () => fetchInto(doctor, () => api<ApiResponse<ModuleDoctor>>('/api/v1/modules/-/doctor'))
  async function loadStatus() {
    const loaded = await fetchInto(status, () => api<ApiResponse<ModuleStatus>>('/api/v1/modules/-/status'))
    // Someone (another admin, or the server at boot) is applying: follow it quietly and refresh at the end.
    if (loaded && status.value.data?.applying && !running.value) void followForeignApply()
    return loaded
  }

  /** Everything the list screen shows. */
  async function load() {
    await Promise.all([loadList(), loadStatus(), loadDoctor()])
  }

  /** One module and its journal (the detail screen), plus the pending-changes status. */
  async function loadModule(name: string) {
    if (detail.value.data?.name !== name) {
      detail.value = blank()
      journal.value = blank()
    }
    await Promise.all([
      fetchInto(detail, () => api<ApiResponse<ModuleInfo>>(path(name))),
      fetchInto(journal, () => api<ApiResponse<ModuleJournalEntry[]>>(path(name, '-/operations'), { query: { limit: 50 } })),
      loadStatus(),
    ])
  }

  const loadJournal = (name: string) =>
    fetchInto(journal, () => api<ApiResponse<ModuleJournalEntry[]>>(path(name, '-/operations'), { query: { limit: 50 } }))

  /** Forgets the loaded data (the screen is left; another user may sign in next in this tab). */
  function reset() {
    list.value = blank()
    status.value = blank()
    doctor.value = blank()
    detail.value = blank()
    journal.value = blank()
    if (!running.value) run.value = { phase: 'idle', results: [], message: null, requestedAt: null }
  }

  /** After anything changed: the list, status, doctor, the open module, and the sidebar's active modules. */
  async function refreshAll() {
    const name = detail.value.data?.name
    await Promise.all([
      list.value.status !== 'idle' ? loadList() : undefined,
      loadStatus(),
      loadDoctor(),
      name ? Promise.all([fetchInto(detail, () => api<ApiResponse<ModuleInfo>>(path(name))), loadJournal(name)]) : undefined,
      modulesStore.refreshAfterChange(),
    ])
  }

  /** Acknowledges doctor findings by key: they stay listed but no longer count as problems. */
  async function acknowledgeFindings(keys: string[]): Promise<boolean> {
    if (busy.value || keys.length === 0) return false
    submitting.value = 'acknowledge:doctor'
    try {
      const res = await api<ApiResponse<ModuleDoctor>>('/api/v1/modules/-/doctor/acknowledge', { method: 'POST', body: { keys } })
      doctor.value = { data: res.data, status: 'success', error: null }
      return true
    }
    catch (error) {
      toast.add({ title: t('modules.doctor.acknowledgeFailed'), description: apiError(error).message, color: 'error', icon: 'i-lucide-circle-alert' })
      return false
    }
    finally {
      submitting.value = null
    }
  }

  /** The server's dry run: the plan, or why it refuses (a 409's reason and code). */
  async function dryRun(name: string, operation: ModuleOperation, force = false): Promise<DryRunResult> {
    try {
      const res = await api<ApiResponse<ModuleDryRun>>(path(name, operation), {
        method: 'POST',
        query: { dry_run: true, ...(force && operation !== 'upgrade' ? { force: true } : {}) },
      })
      return { plan: res.data }
    }
    catch (error) {
      const info = apiError(error)
      return { refusal: { status: info.status, code: info.code, message: info.message } }
    }
  }

  /** Schedules an operation (202); returns whether it was accepted. */
  async function schedule(name: string, operation: ModuleOperation, force = false): Promise<boolean> {
    if (busy.value) return false
    submitting.value = `${operation}:${name}`
    try {
      const res = await api<ApiResponse<ScheduleResult>>(path(name, operation), {
        method: 'POST',
        query: force && operation !== 'upgrade' ? { force: true } : undefined,
      })
      if (res.data.scheduled.length > 0) {
        toast.add({ title: t('modules.toast.scheduled', { modules: res.data.scheduled.join(', ') }), description: t('modules.toast.scheduledHint'), color: 'success', icon: 'i-lucide-calendar-check' })
      }
      else {
        toast.add({ title: t('modules.toast.nothingToDo', { name }), color: 'info', icon: 'i-lucide-info' })
      }
      await refreshAll()
      return true
    }
    catch (error) {
      toast.add({ title: t('modules.toast.scheduleFailed'), description: apiError(error).message, color: 'error', icon: 'i-lucide-circle-alert' })
      return false
    }
    finally {
      submitting.value = null
    }
  }

  function startRun(phase: 'applying' | 'restarting') {
    run.value = {
      phase,
      message: null,
      requestedAt: Date.now(),
      results: pending.value.map(p => ({ module: p.name, operation: OPERATION_OF[p.state] ?? 'install', status: 'running', error: null, error_item: null, failed_step: null })),
    }
  }

  /** Hot apply (POST /-/apply): per-module progress from silent status polls, then the server's report. */
  async function applyChanges() {
    if (busy.value) return
    startRun('applying')
    let inFlight = true
    const progress = trackProgress(() => inFlight)
    let outcome: Pick<RunState, 'phase' | 'results' | 'message'>
    let notice: Parameters<typeof toast.add>[0]
    try {
      const res = await api<ApiResponse<ApplyReport>>('/api/v1/modules/-/apply', { method: 'POST', retry: 0 })
      inFlight = false
      const byModule = new Map(res.data.operations.map(o => [o.module, o]))
      const results: ModuleRunResult[] = run.value.results.map((r) => {
        const o = byModule.get(r.module)
        byModule.delete(r.module)
        return o ? { ...o } : { ...r, status: 'not_applied', error: t('modules.run.notApplied'), error_item: null }
      })
      // Modules the batch touched that were not pending when we looked (scheduled meanwhile).
      for (const o of byModule.values()) results.push({ ...o })
      const failed = results.filter(r => r.status !== 'succeeded').length
      outcome = { phase: 'done', results, message: null }
      notice = failed
        ? { title: t('modules.toast.appliedWithFailures', { failed }), color: 'warning', icon: 'i-lucide-triangle-alert' }
        : { title: t('modules.toast.applied'), color: 'success', icon: 'i-lucide-circle-check' }
    }
    catch (error) {
      inFlight = false
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

  /** Marks modules that left the pending state while a batch runs. Best effort and silent: the report is authoritative. */
  async function trackProgress(active: () => boolean) {
    let delay = 600
    while (active()) {
      await sleep(delay)
      delay = Math.min(delay * 1.5, 3000)
      if (!active()) return
      try {
        const res = await api<ApiResponse<ModuleStatus>>('/api/v1/modules/-/status', { retry: 0 })
        if (!active()) return
        const still = new Set(res.data.pending.map(p => p.name))
        run.value.results = run.value.results.map(r => r.status === 'running' && !still.has(r.module) ? { ...r, status: 'finished' } : r)
      }
      catch {
        // Silent on purpose: a poll may fail while the server is busy; the next one or the report will tell.
      }
    }
  }

  /** POST /-/restart (202), then waits for the server to come back without a toast per failed poll. */
  async function restartServer() {
    if (busy.value) return
    startRun('restarting')
    let mode: 'process' | 'in_process'
    try {
      const res = await api<ApiResponse<{ restarting: boolean, mode: 'process' | 'in_process' }>>('/api/v1/modules/-/restart', { method: 'POST', retry: 0 })
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
    const results = await restartResults()
    await refreshAll()
    run.value = { ...run.value, phase: 'done', results, message: null }
    const failed = results.filter(r => r.status !== 'succeeded').length
    toast.add(failed
      ? { title: t('modules.toast.appliedWithFailures', { failed }), color: 'warning', icon: 'i-lucide-triangle-alert' }
      : { title: t('modules.toast.restarted'), color: 'success', icon: 'i-lucide-circle-check' })
  }

  /**
   * Polls GET /api/ready with backoff until the NEW server answers: either we
   * saw it down, or its uptime is shorter than the time since we asked.
   */
  async function waitForServer(requestedAt: number): Promise<boolean> {
    const deadline = Date.now() + SERVER_WAIT_MS
    let delay = 500
    let sawDown = false
    await sleep(1000)
    while (Date.now() < deadline) {
      try {
        await api('/api/ready', { retry: 0, timeout: 5000 })
        if (sawDown) return true
        const health = await api<ApiResponse<{ uptime_seconds: number }>>('/api/health', { retry: 0, timeout: 5000 })
        if (health.data.uptime_seconds * 1000 <= Date.now() - requestedAt) return true
      }
      catch {
        // Expected while the server restarts: no toast, just try again a little later.
        sawDown = true
      }
      await sleep(delay)
      delay = Math.min(Math.round(delay * 1.6), 5000)
    }
    return false
  }

  /** Until nothing is pending or being applied (in-process restarts apply after answering). */
  async function waitUntilIdle() {
    const deadline = Date.now() + IDLE_WAIT_MS
    const watched = new Set(run.value.results.map(r => r.module))
    let delay = 500
    while (Date.now() < deadline) {
      try {
        const res = await api<ApiResponse<ModuleStatus>>('/api/v1/modules/-/status', { retry: 0, timeout: 5000 })
        const still = new Set(res.data.pending.map(p => p.name))
        run.value.results = run.value.results.map(r => r.status === 'running' && !still.has(r.module) ? { ...r, status: 'finished' } : r)
        if (!res.data.applying && ![...watched].some(name => still.has(name))) return
      }
      catch {
        // Silent: the server may still be warming up.
      }
      await sleep(delay)
      delay = Math.min(Math.round(delay * 1.5), 3000)
    }
  }

  /** A restart has no report: each module's outcome comes from its new state and, when it failed, its journal. */
  async function restartResults(): Promise<ModuleRunResult[]> {
    let infos: Map<string, ModuleInfo>
    try {
      const res = await api<ApiResponse<ModuleInfo[]>>('/api/v1/modules', { retry: 0 })
      infos = new Map(res.data.map(m => [m.name, m]))
    }
    catch {
      // The server is back but would not list the modules: the outcome stays unknown ("finished").
      return run.value.results.map(r => ({ ...r, status: 'finished' }))
    }
    return Promise.all(run.value.results.map(async (r): Promise<ModuleRunResult> => {
      const info = infos.get(r.module)
      if (!info) return { ...r, status: 'not_applied', error: t('modules.run.notApplied'), error_item: null }
      if (info.state === SETTLED_STATE[r.operation] && !info.error_message) return { ...r, status: 'succeeded', error: null, error_item: null }
      if (OPERATION_OF[info.state]) return { ...r, status: 'not_applied', error: t('modules.run.stillPending'), error_item: null }
      try {
        const res = await api<ApiResponse<ModuleJournalEntry[]>>(path(r.module, '-/operations'), { query: { limit: 1 }, retry: 0 })
        const last = res.data[0]
        if (last && last.status !== 'succeeded') {
          return last.error
            ? { ...r, status: last.status === 'skipped' ? 'skipped' : 'failed', error: last.error, error_item: last.error_item, failed_step: last.failed_step }
            : { ...r, status: last.status === 'skipped' ? 'skipped' : 'failed', error: info.error_message, error_item: info.error_item, failed_step: last.failed_step }
        }
      }
      catch {
        // The state and error below are enough to report the failure.
      }
      return { ...r, status: 'failed', error: info.error_message, error_item: info.error_item }
    }))
  }

  /** Another admin's batch (or the boot's): poll quietly until it ends, then refresh. */
  async function followForeignApply() {
    if (watchingApply.value || !import.meta.client) return
    watchingApply.value = true
    try {
      let delay = 1000
      const deadline = Date.now() + IDLE_WAIT_MS
      while (Date.now() < deadline) {
        await sleep(delay)
        delay = Math.min(delay * 1.5, 5000)
        try {
          const res = await api<ApiResponse<ModuleStatus>>('/api/v1/modules/-/status', { retry: 0 })
          if (!res.data.applying) break
        }
        catch {
          // Silent: keep following.
        }
      }
    }
    finally {
      watchingApply.value = false
    }
    if (!running.value) await refreshAll()
  }

  function dismissRun() {
    if (running.value) return
    run.value = { phase: 'idle', results: [], message: null, requestedAt: null }
  }

  return {
    list,
    status,
    doctor,
    detail,
    journal,
    run,
    submitting,
    canWrite,
    pending,
    running,
    busy,
    load,
    loadList,
    loadStatus,
    loadDoctor,
    loadModule,
    loadJournal,
    reset,
    refreshAll,
    dryRun,
    schedule,
    applyChanges,
    restartServer,
    checkServerAgain,
    dismissRun,
    acknowledgeFindings,
  }
}
