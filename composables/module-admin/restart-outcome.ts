// A restart has no report: each module's outcome comes from its new state
// and, when it failed, its journal's last operation. Part of useModuleAdminRun.
import type { ApiResponse } from '#shared/types/envelope'
import type { ModuleInfo, ModuleJournalEntry, ModuleOperation, ModuleRunResult, ModuleState } from './types'
import { modulePath } from './state'

/** The operation a pending state stands for. */
export const OPERATION_OF: Partial<Record<ModuleState, ModuleOperation>> = { to_install: 'install', to_upgrade: 'upgrade', to_remove: 'uninstall' }
const SETTLED_STATE: Record<ModuleOperation, ModuleState> = { install: 'installed', upgrade: 'installed', uninstall: 'uninstalled' }

export function useRestartOutcome() {
  const api = useRequestFetch()
  const { t } = useI18n()

  async function outcomeOf(r: ModuleRunResult, info: ModuleInfo | undefined): Promise<ModuleRunResult> {
    if (!info) return { ...r, status: 'not_applied', error: t('modules.run.notApplied'), error_item: null }
    if (info.state === SETTLED_STATE[r.operation] && !info.error_message) return { ...r, status: 'succeeded', error: null, error_item: null }
    if (OPERATION_OF[info.state]) return { ...r, status: 'not_applied', error: t('modules.run.stillPending'), error_item: null }
    try {
      const res = await api<ApiResponse<ModuleJournalEntry[]>>(modulePath(r.module, '-/operations'), { query: { limit: 1 }, retry: 0 })
      const last = res.data[0]
      if (last && last.status !== 'succeeded') {
        const status = last.status === 'skipped' ? 'skipped' : 'failed'
        return last.error
          ? { ...r, status, error: last.error, error_item: last.error_item, failed_step: last.failed_step }
          : { ...r, status, error: info.error_message, error_item: info.error_item, failed_step: last.failed_step }
      }
    }
    catch {
      // The state and error below are enough to report the failure.
    }
    return { ...r, status: 'failed', error: info.error_message, error_item: info.error_item }
  }

  /** The outcome of each module of the run, once the new server is idle. */
  return async function restartOutcome(results: ModuleRunResult[]): Promise<ModuleRunResult[]> {
    let infos: Map<string, ModuleInfo>
    try {
      const res = await api<ApiResponse<ModuleInfo[]>>('/api/v1/modules', { retry: 0 })
      infos = new Map(res.data.map(m => [m.name, m]))
    }
    catch {
      // The server is back but would not list the modules: the outcome stays unknown ("finished").
      return results.map(r => ({ ...r, status: 'finished' }))
    }
    return Promise.all(results.map(r => outcomeOf(r, infos.get(r.module))))
  }
}
