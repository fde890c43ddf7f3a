import type { MaybeRefOrGetter } from 'vue'

/**
 * A patient's future active appointments, for the patients archive dialog:
 * how many (loaded in the browser when the dialog opens) and the cancel of
 * all of them, with its toast (done or failed: never silent).
 */
export function useAgendaPatientFuture(patientId: MaybeRefOrGetter<string>) {
  const { t } = useI18n()
  const toast = useToast()
  const describe = useAgendaErrors()
  const attempt = useToastedAction()
  const url = () => `/api/v1/agenda/patients/${toValue(patientId)}`

  const { data, status, error, refresh } = useAsyncData(
    () => `agenda:patient-future:${toValue(patientId)}`,
    () => $fetch<{ data: { count: number } }>(`${url()}/future-appointments`),
    { server: false },
  )
  const count = computed(() => data.value?.data.count ?? 0)
  const loading = computed(() => status.value === 'pending' || status.value === 'idle')
  const loadError = computed(() => (error.value ? describe(error.value).message : null))

  const cancelling = ref(false)
  /** Cancels them all; toasts how many, or why not. */
  function cancelAll(): Promise<boolean> {
    return attempt(async () => {
      const res = await $fetch<{ data: { cancelled: number } }>(`${url()}/cancel-future`, { method: 'POST' })
      toast.add({ title: t('agenda.archiveWarning.cancelled', { count: res.data.cancelled }, res.data.cancelled), color: 'success', icon: 'i-lucide-check' })
    }, { title: t('agenda.archiveWarning.cancelFailed'), describe }, cancelling)
  }

  return { count, loading, loadError, refresh, cancelling, cancelAll }
}
