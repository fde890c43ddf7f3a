import type { MaybeRefOrGetter } from 'vue'
import type { ApiResponse } from '#dentalpin/client'
import type { Patient } from '../models'

/**
 * `/api/v1/patients/{id}`, typed by hand: Nitro's route inference matches
 * `/api/v1/patients/${string}` to `/recent` as well (a list, GET only), so it
 * cannot type this one route.
 */
export function patientsUrl(id: string): string {
  return `/api/v1/patients/${encodeURIComponent(id)}`
}
export type PatientsResponse = ApiResponse<Patient>

/** The cache key of one patient: mutations refresh it so every view of the patient follows. */
export const patientsDetailKey = (id: string) => `patients:detail:${id}`

/**
 * One patient for /patients/:id. A 404 (or an id the API refuses) is "not
 * found", which the page shows differently from other errors. Loads in the
 * browser, like the list.
 */
export function usePatientsDetail(id: MaybeRefOrGetter<string>) {
  const auth = useAuthStore()
  const apiError = useApiError()
  const api = useRequestFetch()

  const { data, status, error, refresh } = useAsyncData(
    () => patientsDetailKey(toValue(id)),
    () => api<PatientsResponse>(patientsUrl(toValue(id))),
    { server: false, watch: [() => auth.me?.current_clinic_id] },
  )
  const patient = computed<Patient | null>(() => data.value?.data ?? null)
  const loading = computed(() => (status.value === 'idle' || status.value === 'pending') && !patient.value)
  const notFound = computed(() => {
    const code = (error.value as { statusCode?: number } | undefined)?.statusCode
    return code === 404 || code === 422
  })
  const loadError = computed(() => (error.value && !notFound.value ? apiError(error.value).message : null))

  return { patient, loading, notFound, loadError, refresh }
}
