import type { MaybeRefOrGetter } from 'vue'
import type { PipelineTab } from '../models'

export interface TreatmentPlanListQuery {
  patient_id?: string
  tab?: PipelineTab
  professional_id?: string
  search?: string
  page?: number
  page_size?: number
}

/** Drops what is not set, so the query (and the cache key) only says what filters. */
const compact = (query: TreatmentPlanListQuery) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as TreatmentPlanListQuery

/**
 * A page of plans (`GET /plans`): of a patient, or of a pipeline tab with the
 * board's filters. Loaded in the browser; a new query keeps the rows on
 * screen until its answer arrives (`refreshing`), a failure is an error, never
 * an empty list.
 */
export function useTreatmentPlanList(query: MaybeRefOrGetter<TreatmentPlanListQuery>) {
  const auth = useAuthStore()
  const apiError = useApiError()
  const params = computed(() => compact(toValue(query)))
  const { data, status, error, refresh } = useAsyncData(
    () => `treatment_plan:plans:${JSON.stringify(params.value)}`,
    () => $fetch('/api/v1/treatment_plan/plans', { query: params.value }),
    { watch: [params, () => auth.me?.current_clinic_id], server: false },
  )
  const last = shallowRef<typeof data.value | null>(null)
  watch(data, (value) => {
    if (value) last.value = value
  }, { immediate: true })
  const page = computed(() => data.value ?? last.value)
  const plans = computed(() => page.value?.data ?? [])
  const total = computed(() => page.value?.total ?? 0)
  const loading = computed(() => !page.value && !error.value)
  const refreshing = computed(() => status.value === 'pending' && !!page.value)
  const loadError = computed(() => (error.value ? apiError(error.value).message : null))
  return { plans, total, loading, refreshing, loadError, refresh: () => refresh() }
}

/** How many plans each pipeline tab holds, with the board's filters. */
export function useTreatmentPlanPipeline(query: MaybeRefOrGetter<{ professional_id?: string, search?: string }>) {
  const auth = useAuthStore()
  const params = computed(() => compact(toValue(query)))
  const { data, refresh } = useAsyncData(
    () => `treatment_plan:pipeline:${JSON.stringify(params.value)}`,
    () => $fetch('/api/v1/treatment_plan/pipeline', { query: params.value }).then(res => res.data),
    { watch: [params, () => auth.me?.current_clinic_id], server: false },
  )
  return { counts: computed(() => data.value ?? null), refresh: () => refresh() }
}
