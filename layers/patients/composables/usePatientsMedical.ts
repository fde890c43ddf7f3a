import type { MaybeRefOrGetter } from 'vue'
import type { MedicalHistoryInput, PatientMedicalHistory } from '../models'
import { usePatientsApiError } from './usePatientsMutations'
import type { PatientsApiError } from './usePatientsMutations'
import { patientsDetailKey } from './usePatientsDetail'

/**
 * A patient's medical history (allergies, medications, conditions): loaded
 * only with patients.medical.read; saving refreshes the patient too, whose
 * allergies the header shows.
 */
export function usePatientsMedical(patientId: MaybeRefOrGetter<string>) {
  const { t } = useI18n()
  const toast = useToast()
  const auth = useAuthStore()
  const apiError = useApiError()
  const describe = usePatientsApiError()
  const api = useRequestFetch()
  const canRead = computed(() => auth.can('patients.medical.read'))

  const { data, status, error, refresh } = useAsyncData(
    () => `patients:medical:${toValue(patientId)}`,
    async () => (canRead.value ? api(`/api/v1/patients/${encodeURIComponent(toValue(patientId))}/medical`) : null),
    { server: false, watch: [canRead] },
  )
  const history = computed<PatientMedicalHistory | null>(() => data.value?.data ?? null)
  const loading = computed(() => canRead.value && (status.value === 'idle' || status.value === 'pending') && !history.value)
  const loadError = computed(() => (error.value ? apiError(error.value).message : null))

  const saving = ref(false)

  /** Saves the lists; resolves to the error to show in the editor, or null when saved (or already saving). */
  async function save(input: MedicalHistoryInput): Promise<PatientsApiError | null> {
    if (saving.value) return null
    saving.value = true
    try {
      const id = toValue(patientId)
      const res = await $fetch(`/api/v1/patients/${encodeURIComponent(id)}/medical`, { method: 'PUT', body: input })
      data.value = res
      toast.add({ title: t('patients.medical.saved'), color: 'success', icon: 'i-lucide-check' })
      await refreshNuxtData(patientsDetailKey(id))
      return null
    }
    catch (e) {
      return describe(e)
    }
    finally {
      saving.value = false
    }
  }

  return { canRead, history, loading, loadError, refresh, saving: readonly(saving), save }
}
