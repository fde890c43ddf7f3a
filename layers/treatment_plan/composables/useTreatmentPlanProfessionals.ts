/** The clinic's professionals (the agenda's list), for the plan form and the board's filter. */
export function useTreatmentPlanProfessionals() {
  const auth = useAuthStore()
  const apiError = useApiError()
  const { data, status, error, refresh } = useAsyncData(
    'treatment_plan:professionals',
    () => $fetch('/api/v1/agenda/professionals').then(res => res.data.map(p => ({ id: p.id, name: p.name }))),
    { watch: [() => auth.me?.current_clinic_id], server: false },
  )
  const professionals = computed(() => data.value ?? [])
  const loading = computed(() => (status.value === 'pending' || status.value === 'idle') && !data.value)
  const loadError = computed(() => (error.value ? apiError(error.value).message : null))
  return { professionals, loading, loadError, refresh }
}
