import type { MaybeRefOrGetter } from 'vue'
import type { ApiResponse } from '#dentalpin/client'
import type { Patient } from '#layers/patients/models'

/**
 * The plan's patient (`GET /api/v1/patients/{id}`, typed by hand: Nitro's
 * inference cannot tell that route from `/recent`), for the chart and the
 * `treatment_plan.detail.actions` ctx — one request for both.
 */
export function useTreatmentPlanPatient(patientId: MaybeRefOrGetter<string | null>) {
  const apiError = useApiError()
  const { data, error, refresh } = useAsyncData(
    () => `treatment_plan:patient:${toValue(patientId) ?? 'none'}`,
    async () => {
      const id = toValue(patientId)
      return id ? (await $fetch<ApiResponse<Patient>>(`/api/v1/patients/${encodeURIComponent(id)}`)).data : null
    },
    { server: false, watch: [() => toValue(patientId)] },
  )
  const patient = computed(() => data.value ?? null)
  const loading = computed(() => !data.value && !error.value)
  const loadError = computed(() => (error.value ? apiError(error.value).message : null))
  return { patient, loading, loadError, refresh: () => refresh() }
}
