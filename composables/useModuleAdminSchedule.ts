import type { ApiResponse } from '#shared/types/envelope'
import type { DryRunResult, ModuleDryRun, ModuleOperation, ScheduleResult } from './module-admin/types'
import { modulePath, useModuleAdminState } from './module-admin/state'
import { useModuleAdminData } from './useModuleAdminData'

/**
 * Install / Uninstall / Upgrade on the module admin screens: the server's
 * dry run (the plan, or why it refuses) and scheduling the operation, which
 * then waits as a pending change (see useModuleAdminRun). Guarded against
 * double submission and against a batch in flight.
 */
export function useModuleAdminSchedule() {
  const api = useRequestFetch()
  const apiError = useApiError()
  const toast = useToast()
  const attempt = useToastedAction()
  const { t } = useI18n()
  const { submitting, running, busy } = useModuleAdminState()
  const { refreshAll } = useModuleAdminData()

  // `force` removes dependents too; an upgrade has none to remove.
  const forceQuery = (operation: ModuleOperation, force: boolean) => (force && operation !== 'upgrade' ? { force: true } : {})

  /** The server's dry run: the plan, or why it refuses (a 409's reason and code). */
  async function dryRun(name: string, operation: ModuleOperation, force = false): Promise<DryRunResult> {
    try {
      const res = await api<ApiResponse<ModuleDryRun>>(modulePath(name, operation), {
        method: 'POST',
        query: { dry_run: true, ...forceQuery(operation, force) },
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
    const done = await attempt(async () => {
      const query = forceQuery(operation, force)
      const res = await api<ApiResponse<ScheduleResult>>(modulePath(name, operation), {
        method: 'POST',
        query: query.force ? query : undefined,
      })
      if (res.data.scheduled.length > 0) {
        toast.add({ title: t('modules.toast.scheduled', { modules: res.data.scheduled.join(', ') }), description: t('modules.toast.scheduledHint'), color: 'success', icon: 'i-lucide-calendar-check' })
      }
      else {
        toast.add({ title: t('modules.toast.nothingToDo', { name }), color: 'info', icon: 'i-lucide-info' })
      }
      await refreshAll()
    }, { title: t('modules.toast.scheduleFailed') })
    submitting.value = null
    return done
  }

  return { submitting, running, busy, dryRun, schedule }
}
