import type { MaybeRefOrGetter } from 'vue'
import { clinicDate } from '#dentalpin/client'
import type { OdontogramEntry } from '../models'

/**
 * The clinic dates on which a patient's chart changed (something charted,
 * performed or cancelled), ascending: the steps of the replay slider. Read
 * from the patient's entries, cancelled ones included.
 */
export function useOdontogramChangeDates(patientId: MaybeRefOrGetter<string>) {
  const auth = useAuthStore()
  const timeZone = computed(() => auth.me?.current_clinic?.timezone || 'UTC')
  const { data, refresh } = useAsyncData(
    computed(() => `odontogram:dates:${toValue(patientId)}`),
    async () => {
      const res = await $fetch<{ data: OdontogramEntry[] }>(`/api/v1/odontogram/patients/${toValue(patientId)}/entries`, { query: { page_size: 500 } })
      return res.data
    },
    { server: false, watch: [() => auth.me?.current_clinic_id] },
  )
  const dates = computed(() => {
    const days = new Set<string>()
    for (const e of data.value ?? []) {
      for (const iso of [e.recorded_at, e.performed_at, e.cancelled_at]) if (iso) days.add(clinicDate(iso, timeZone.value))
    }
    return [...days].sort()
  })
  return { dates, refresh: () => refresh() }
}
