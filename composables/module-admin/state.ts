// The module admin screen's shared state (`useState`, so the list page, the
// detail page and every component on them see the same data) and the flags
// derived from it. Used by useModuleAdminData, useModuleAdminSchedule and
// useModuleAdminRun; not auto-imported.
import type { ModuleDoctor, ModuleInfo, ModuleJournalEntry, ModuleStatus, Remote, RunState } from './types'

export const blank = <T>(): Remote<T> => ({ data: null, status: 'idle', error: null })
export const idleRun = (): RunState => ({ phase: 'idle', results: [], message: null, requestedAt: null })

/** `/api/v1/modules/<name>[/<action>]`. */
export const modulePath = (name: string, action = '') => `/api/v1/modules/${encodeURIComponent(name)}${action ? `/${action}` : ''}`
export const STATUS_PATH = '/api/v1/modules/-/status'
export const JOURNAL_LIMIT = 50

export function useModuleAdminState() {
  const auth = useAuthStore()
  const list = useState<Remote<ModuleInfo[]>>('module-admin:list', blank)
  const status = useState<Remote<ModuleStatus>>('module-admin:status', blank)
  const doctor = useState<Remote<ModuleDoctor>>('module-admin:doctor', blank)
  const detail = useState<Remote<ModuleInfo>>('module-admin:detail', blank)
  const journal = useState<Remote<ModuleJournalEntry[]>>('module-admin:journal', blank)
  const run = useState<RunState>('module-admin:run', idleRun)
  /** `<operation>:<module>` (or `acknowledge:doctor`) of the request in flight. */
  const submitting = useState<string | null>('module-admin:submitting', () => null)
  const watchingApply = useState('module-admin:watching-apply', () => false)

  const canWrite = computed(() => auth.can('admin.clinic.write'))
  const pending = computed(() => status.value.data?.pending ?? [])
  const running = computed(() => run.value.phase === 'applying' || run.value.phase === 'restarting')
  const busy = computed(() => running.value || submitting.value !== null)

  return { list, status, doctor, detail, journal, run, submitting, watchingApply, canWrite, pending, running, busy }
}
