import type { MaybeRefOrGetter } from 'vue'
import type { OdontogramChart } from '../models'

/** The async-data key of a patient's chart today (`at` null) or replayed on a date. */
export const odontogramChartKey = (patientId: string, at: string | null) => `odontogram:chart:${patientId}:${at ?? 'now'}`

/**
 * A patient's chart, today or replayed on a past date (`?at=YYYY-MM-DD`), as
 * the server derives it: nothing is kept in the browser that a refresh would
 * lose. The Chart tab and the Findings card share today's chart (one request,
 * one refresh after a change). While another date loads, the chart already on
 * screen stays (`replaying`) instead of flashing a skeleton.
 */
export function useOdontogramChart(patientId: MaybeRefOrGetter<string>, at: MaybeRefOrGetter<string | null> = null) {
  const auth = useAuthStore()
  const apiError = useApiError()
  const { t } = useI18n()
  const key = computed(() => odontogramChartKey(toValue(patientId), toValue(at)))

  const { data, error, status, refresh } = useAsyncData(
    key,
    async () => {
      const day = toValue(at)
      const res = await $fetch(`/api/v1/odontogram/patients/${toValue(patientId)}/chart`, { query: day ? { at: day } : {} })
      return res.data as OdontogramChart
    },
    { server: false, watch: [() => auth.me?.current_clinic_id] },
  )

  const last = shallowRef<OdontogramChart | null>(null)
  watch(data, (value) => {
    if (value) last.value = value
  }, { immediate: true })
  const chart = computed<OdontogramChart | null>(() =>
    data.value ?? (last.value?.patient_id === toValue(patientId) && status.value === 'pending' ? last.value : null))
  const loading = computed(() => !chart.value && !error.value)
  const replaying = computed(() => status.value === 'pending' && !!chart.value)
  const loadError = computed(() => (error.value ? apiError(error.value, { 403: t('odontogram.errors.forbidden') }).message : null))

  return { chart, loading, replaying, loadError, refresh: () => refresh() }
}
