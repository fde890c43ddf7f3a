import type { ApiResponse } from '#shared/types/envelope'
import type { ModuleDoctor, ModuleInfo, ModuleJournalEntry, ModuleStatus, Remote } from './module-admin/types'
import { blank, idleRun, JOURNAL_LIMIT, modulePath, STATUS_PATH, useModuleAdminState } from './module-admin/state'
import { usePolling } from './usePolling'

const FOREIGN_APPLY_WAIT_MS = 90_000

/**
 * What the module admin screens show (`/settings/modules` and a module's
 * page): the module list, pending-changes status, doctor, one module and its
 * journal; loading, forgetting and refreshing them, and acknowledging doctor
 * findings. A failed load keeps what was shown before and flags the error.
 */
export function useModuleAdminData() {
  const api = useRequestFetch()
  const apiError = useApiError()
  const attempt = useToastedAction()
  const { t } = useI18n()
  const modulesStore = useModulesStore()
  const state = useModuleAdminState()
  const { list, status, doctor, detail, journal, run, submitting, watchingApply, running, busy } = state
  const poll = usePolling()

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
  const loadDetail = (name: string) => fetchInto(detail, () => api<ApiResponse<ModuleInfo>>(modulePath(name)))
  const loadJournal = (name: string) =>
    fetchInto(journal, () => api<ApiResponse<ModuleJournalEntry[]>>(modulePath(name, '-/operations'), { query: { limit: JOURNAL_LIMIT } }))
  async function loadStatus() {
    const loaded = await fetchInto(status, () => api<ApiResponse<ModuleStatus>>(STATUS_PATH))
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
    await Promise.all([loadDetail(name), loadJournal(name), loadStatus()])
  }

  /** Forgets the loaded data (the screen is left; another user may sign in next in this tab). */
  function reset() {
    list.value = blank()
    status.value = blank()
    doctor.value = blank()
    detail.value = blank()
    journal.value = blank()
    if (!running.value) run.value = idleRun()
  }

  /** After anything changed: the list, status, doctor, the open module, and the sidebar's active modules. */
  async function refreshAll() {
    const name = detail.value.data?.name
    await Promise.all([
      list.value.status !== 'idle' ? loadList() : undefined,
      loadStatus(),
      loadDoctor(),
      name ? Promise.all([loadDetail(name), loadJournal(name)]) : undefined,
      modulesStore.refreshAfterChange(),
    ])
  }

  /** Another admin's batch (or the boot's): poll quietly until it ends, then refresh. Stops when the screen is left. */
  async function followForeignApply() {
    if (watchingApply.value || !import.meta.client) return
    watchingApply.value = true
    const outcome = await poll({
      attempt: () => api<ApiResponse<ModuleStatus>>(STATUS_PATH, { retry: 0 }),
      until: res => !res.data.applying,
      initialDelay: 1000,
      delay: 1500,
      factor: 1.5,
      maxDelay: 5000,
      timeout: FOREIGN_APPLY_WAIT_MS,
    }).finally(() => {
      watchingApply.value = false
    })
    if (outcome.status !== 'cancelled' && !running.value) await refreshAll()
  }

  /** Acknowledges doctor findings by key: they stay listed but no longer count as problems. */
  async function acknowledgeFindings(keys: string[]): Promise<boolean> {
    if (busy.value || keys.length === 0) return false
    submitting.value = 'acknowledge:doctor'
    const done = await attempt(async () => {
      const res = await api<ApiResponse<ModuleDoctor>>('/api/v1/modules/-/doctor/acknowledge', { method: 'POST', body: { keys } })
      doctor.value = { data: res.data, status: 'success', error: null }
    }, { title: t('modules.doctor.acknowledgeFailed') })
    submitting.value = null
    return done
  }

  return {
    list,
    status,
    doctor,
    detail,
    journal,
    submitting,
    canWrite: state.canWrite,
    pending: state.pending,
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
    acknowledgeFindings,
  }
}
