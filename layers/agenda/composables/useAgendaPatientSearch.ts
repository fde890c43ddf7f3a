import type { Patient } from '#layers/patients/models'

export type AgendaPatientOption = Pick<Patient, 'id' | 'first_name' | 'last_name' | 'full_name'> & Partial<Pick<Patient, 'phone' | 'date_of_birth'>>

/**
 * Patient search for the booking form: the term is debounced, a newer search
 * wins over a slower older one, and a failure is kept to show (never an empty
 * list in disguise).
 */
export function useAgendaPatientSearch() {
  const describe = useAgendaErrors()
  const term = ref('')
  const results = ref<AgendaPatientOption[]>([])
  const searching = ref(false)
  const error = ref<string | null>(null)
  let seq = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function search(value: string) {
    const mine = ++seq
    searching.value = true
    error.value = null
    try {
      const query: Record<string, string | number> = { page_size: 10 }
      if (value.trim()) query.search = value.trim()
      const res = await $fetch('/api/v1/patients', { query })
      if (mine === seq) results.value = res.data
    }
    catch (e) {
      if (mine === seq) error.value = describe(e).message
    }
    finally {
      if (mine === seq) searching.value = false
    }
  }

  watch(term, (value) => {
    clearTimeout(timer)
    timer = setTimeout(() => search(value), 250)
  })
  onBeforeUnmount(() => clearTimeout(timer))

  return { term, results, searching, error, search }
}
