import type { Professional } from '../models'

/** The clinic's bookable members (is_professional), shared by the calendar and the forms. */
export function useAgendaProfessionals() {
  const auth = useAuthStore()
  const describe = useAgendaErrors()
  const { data, status, error, refresh } = useAsyncData(
    'agenda:professionals',
    () => $fetch('/api/v1/agenda/professionals').then(res => res.data),
    { watch: [() => auth.me?.current_clinic_id], server: false },
  )
  const professionals = computed<Professional[]>(() => data.value ?? [])
  const loading = computed(() => (status.value === 'pending' || status.value === 'idle') && !data.value)
  const loadError = computed(() => (error.value ? describe(error.value).message : null))
  return { professionals, loading, loadError, refresh }
}
