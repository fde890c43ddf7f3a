import type { MaybeRefOrGetter } from 'vue'
import type { ApiResponse } from '#dentalpin/client'
import type { VisitItem, VisitItems } from '../models'

/**
 * The plan work of one visit (`GET|PUT /appointments/{id}/items`): what it
 * will do, what was ticked done, and the patient's other pending items that
 * could join it. Every change sends the whole set (the route replaces it) and
 * shows the server's answer; a refusal toasts and keeps what the server has.
 */
export function useTreatmentPlanVisit(appointmentId: MaybeRefOrGetter<string>) {
  const { t } = useI18n()
  const toast = useToast()
  const apiError = useApiError()
  const url = () => `/api/v1/treatment_plan/appointments/${toValue(appointmentId)}/items`

  const { data, error, refresh } = useAsyncData(
    () => `treatment_plan:visit:${toValue(appointmentId)}`,
    () => $fetch<ApiResponse<VisitItems>>(url()).then(res => res.data),
    { server: false },
  )
  const visit = computed(() => data.value ?? null)
  const loading = computed(() => !data.value && !error.value)
  const loadError = computed(() => (error.value ? apiError(error.value).message : null))
  const saving = ref(false)

  async function save(items: { item_id: string, done: boolean }[]): Promise<boolean> {
    if (saving.value) return false
    saving.value = true
    try {
      const res = await $fetch<ApiResponse<VisitItems>>(url(), { method: 'PUT', body: { items } })
      data.value = res.data
      toast.add({ title: t('treatment_plan.visit.saved'), color: 'success', icon: 'i-lucide-check' })
      return true
    }
    catch (e) {
      toast.add({ title: apiError(e, { 403: t('treatment_plan.errors.forbidden') }).message, color: 'error', icon: 'i-lucide-circle-alert' })
      await refresh()
      return false
    }
    finally {
      saving.value = false
    }
  }

  const current = () => (visit.value?.items ?? []).map(i => ({ item_id: i.item_id, done: i.done }))
  const add = (item: VisitItem) => save([...current(), { item_id: item.item_id, done: false }])
  const remove = (item: VisitItem) => save(current().filter(i => i.item_id !== item.item_id))
  const tick = (item: VisitItem, done: boolean) => save(current().map(i => (i.item_id === item.item_id ? { ...i, done } : i)))

  return { visit, loading, loadError, refresh: () => refresh(), saving: readonly(saving), add, remove, tick }
}
