import type { MaybeRefOrGetter } from 'vue'
import type { EntryCreateInput, OdontogramEntry } from '../models'
import type { ChartPlanningTarget } from '../lib/chart-planning'
import { odontogramChartKey } from './useOdontogramChart'

/**
 * Charting: record a condition or plan a treatment, perform or cancel a
 * planned one, delete an entry charted in error. Each write is guarded against a second click while the first
 * is in flight, refreshes today's chart of the patient (tab and Findings)
 * from the server, and says what went wrong in a toast (the API's code in the
 * reader's language; a 422 names its first problem, since a click on a tooth
 * has no form to highlight). Resolves to the server's answer, or null.
 */
export function useOdontogramEntries(patientId: MaybeRefOrGetter<string>) {
  const { t } = useI18n()
  const toast = useToast()
  const apiError = useApiError()
  /** `create` or entry ids with a request in flight. */
  const busy = ref<string[]>([])

  function describe(error: unknown): string {
    const info = apiError(error, { 403: t('odontogram.errors.forbidden') })
    const first = info.fieldErrors[0]
    return info.status === 422 && first ? first.message : info.message
  }

  async function run<T>(key: string, request: () => Promise<T>, said: string): Promise<T | null> {
    if (busy.value.includes(key)) return null
    busy.value = [...busy.value, key]
    try {
      const result = await request()
      toast.add({ title: said, color: 'success', icon: 'i-lucide-check' })
      await refreshNuxtData(odontogramChartKey(toValue(patientId), null))
      return result
    }
    catch (error) {
      toast.add({ title: describe(error), color: 'error', icon: 'i-lucide-circle-alert' })
      return null
    }
    finally {
      busy.value = busy.value.filter(k => k !== key)
    }
  }

  const create = (input: EntryCreateInput, said: string) => run(
    'create',
    () => $fetch(`/api/v1/odontogram/patients/${toValue(patientId)}/entries`, { method: 'POST', body: input }),
    said,
  )
  /** Planning mode: the host plans the treatment (lib/chart-planning); same guard, toast and refresh. */
  const plan = (target: ChartPlanningTarget, input: EntryCreateInput, said: string) => run('create', () => target.plan(input), said)
  const perform = (entry: OdontogramEntry, said: string) => run(
    entry.id,
    () => $fetch(`/api/v1/odontogram/entries/${entry.id}/perform`, { method: 'POST', body: {} }),
    said,
  )
  const cancel = (entry: OdontogramEntry, said: string) => run(
    entry.id,
    () => $fetch(`/api/v1/odontogram/entries/${entry.id}/cancel`, { method: 'POST', body: {} }),
    said,
  )
  /** Charted in error: the entry leaves the chart on every date; the reason is kept. */
  const remove = (entry: OdontogramEntry, reason: string, said: string) => run(
    entry.id,
    () => $fetch(`/api/v1/odontogram/entries/${entry.id}`, { method: 'DELETE', body: { reason } }),
    said,
  )
  const isBusy = (key: string) => busy.value.includes(key)

  return { create, plan, perform, cancel, remove, isBusy, busy: readonly(busy) }
}
