import type { Ref } from 'vue'
import type { EntryCreateInput } from '#layers/odontogram/models'
import { odontogramChartKey } from '#layers/odontogram/composables/useOdontogramChart'
import type { PlanItem, TreatmentPlanDetail } from '../models'
import { treatmentPlanKey } from './useTreatmentPlan'

/**
 * The items of a plan: planned from the chart (`plan`, the chart's planning
 * target — it throws the API's error for the chart to show), removed,
 * performed, moved to another phase or reordered. Each change reloads the
 * plan (and the chart on the page, whose treatments they are); reordering
 * shows the new order at once and goes back to the server's on failure.
 */
export function useTreatmentPlanItems(plan: Ref<TreatmentPlanDetail | null | undefined>) {
  const { t } = useI18n()
  const toast = useToast()
  const apiError = useApiError()
  const format = useTreatmentPlanFormat()
  const busy = ref<string | null>(null)
  const url = () => `/api/v1/treatment_plan/plans/${plan.value?.id}/items`

  async function reload() {
    const current = plan.value
    if (!current) return
    await Promise.all([refreshNuxtData(treatmentPlanKey(current.id)), refreshNuxtData(odontogramChartKey(current.patient_id, null))])
  }

  async function run(key: string, request: () => Promise<unknown>, said: string): Promise<boolean> {
    if (busy.value || !plan.value) return false
    busy.value = key
    try {
      await request()
      toast.add({ title: said, color: 'success', icon: 'i-lucide-check' })
      return true
    }
    catch (e) {
      toast.add({ title: apiError(e, { 403: t('treatment_plan.errors.forbidden') }).message, color: 'error', icon: 'i-lucide-circle-alert' })
      return false
    }
    finally {
      busy.value = null
      await reload()
    }
  }

  /** The chart's planning target: a treatment planned on the chart joins the plan. */
  async function plan_(input: EntryCreateInput) {
    const { kind: _kind, ...body } = input
    await $fetch(url(), { method: 'POST', body })
    await refreshNuxtData(treatmentPlanKey(plan.value?.id ?? ''))
  }

  const remove = (item: PlanItem) => run(item.id, () => $fetch(`${url()}/${item.id}`, { method: 'DELETE' }), t('treatment_plan.items.removed', { what: format.what(item.treatment) }))
  const perform = (item: PlanItem) => run(item.id, () => $fetch(`${url()}/${item.id}/perform`, { method: 'POST', body: {} }), t('treatment_plan.items.performed', { what: format.what(item.treatment) }))
  const setPhase = (item: PlanItem, phase: number) => run(item.id, () => $fetch(`${url()}/${item.id}`, { method: 'PUT', body: { phase } }), t('treatment_plan.items.reordered'))

  /** The new order (every item once, with its phase): shown at once, saved, the server's order back on failure. */
  async function reorder(order: { id: string, phase: number }[]) {
    const current = plan.value
    if (!current || busy.value) return false
    const byId = new Map(current.items.map(i => [i.id, i]))
    plan.value = { ...current, items: order.map((o, n) => ({ ...byId.get(o.id)!, phase: o.phase, position: n + 1 })) }
    return run('reorder', () => $fetch(`${url()}/reorder`, { method: 'POST', body: { items: order } }), t('treatment_plan.items.reordered'))
  }

  return { busy: readonly(busy), isBusy: (key: string) => busy.value === key, plan: plan_, remove, perform, setPhase, reorder }
}
