import type { Appointment, AppointmentCreateInput, AppointmentStatus, AppointmentUpdateInput } from '../models'
import type { AgendaErrorInfo } from './useAgendaErrors'

export interface AgendaAppointmentQuery {
  start?: string
  end?: string
  professional_id?: string
  cabinet_id?: string
  patient_id?: string
  status?: AppointmentStatus[]
}

export type MovePatch = { start_time: string, end_time: string, professional_id?: string, cabinet_id?: string | null }

export type AppointmentResult = { ok: true, appointment: Appointment } | { ok: false, error: AgendaErrorInfo | null }

const PAGE_SIZE = 500

/** Every page of a list query (a busy week may pass one page). */
async function fetchAll(query: AgendaAppointmentQuery): Promise<Appointment[]> {
  const items: Appointment[] = []
  for (let page = 1; ; page++) {
    const res = await $fetch('/api/v1/agenda/appointments', { query: { ...query, page, page_size: PAGE_SIZE } })
    items.push(...res.data)
    if (!res.data.length || items.length >= res.total) return items
  }
}

/**
 * The appointment mutations: create, edit/move, status transitions. Each is
 * guarded against a second submit of the same thing while the first is in
 * flight; the caller gets the saved appointment or the error (translated by
 * its code) to show.
 */
export function useAgendaAppointmentMutations() {
  const describe = useAgendaErrors()
  /** 'create' or appointment ids with a request in flight. */
  const busy = ref<string[]>([])

  async function run(key: string, request: () => Promise<{ data: Appointment }>): Promise<AppointmentResult> {
    if (busy.value.includes(key)) return { ok: false, error: null }
    busy.value = [...busy.value, key]
    try {
      return { ok: true, appointment: (await request()).data }
    }
    catch (e) {
      return { ok: false, error: describe(e) }
    }
    finally {
      busy.value = busy.value.filter(k => k !== key)
    }
  }

  const create = (input: AppointmentCreateInput) =>
    run('create', () => $fetch('/api/v1/agenda/appointments', { method: 'POST', body: input }))

  const update = (id: string, input: AppointmentUpdateInput) =>
    run(id, () => $fetch(`/api/v1/agenda/appointments/${id}`, { method: 'PUT', body: input }))

  const transition = (id: string, input: { to_status: AppointmentStatus, note?: string | null, cabinet_id?: string }) =>
    run(id, () => $fetch(`/api/v1/agenda/appointments/${id}/transitions`, { method: 'POST', body: input }))

  const isBusy = (key: string) => busy.value.includes(key)

  return { create, update, transition, isBusy, busy: readonly(busy) }
}

/**
 * A list of appointments (a week, a day, a patient's) loaded in the browser,
 * with the local edits the calendar makes: a saved appointment replaces its
 * copy, and a drag moves the card at once and puts it back if the server
 * refuses (with a toast saying why).
 */
export function useAgendaAppointments(key: string, query: () => AgendaAppointmentQuery | null) {
  const auth = useAuthStore()
  const toast = useToast()
  const describe = useAgendaErrors()
  const mutations = useAgendaAppointmentMutations()
  const signature = () => JSON.stringify(query())

  const { data, status, error, refresh } = useAsyncData(
    key,
    async () => {
      const q = query()
      return { signature: JSON.stringify(q), items: q ? await fetchAll(q) : [] }
    },
    { watch: [signature, () => auth.me?.current_clinic_id], server: false },
  )
  // Data of another week/day is never shown as this one's.
  const current = computed(() => (data.value?.signature === signature() ? data.value : null))
  const appointments = computed<Appointment[]>(() => current.value?.items ?? [])
  const loading = computed(() => !current.value && !error.value)
  const refreshing = computed(() => status.value === 'pending' && !!current.value)
  const loadError = computed(() => (error.value ? describe(error.value).message : null))

  /** Puts a saved appointment in the list (or takes it out when it no longer belongs, e.g. moved to another week: the next load decides). */
  function upsert(appointment: Appointment) {
    if (!data.value) return
    const items = data.value.items
    const index = items.findIndex(a => a.id === appointment.id)
    const next = index >= 0 ? items.map(a => (a.id === appointment.id ? appointment : a)) : [...items, appointment]
    data.value = { ...data.value, items: next }
  }

  /**
   * Moves/resizes/reassigns a card: it shows at the new place at once; if the
   * server refuses, it goes back and a toast says why. Resolves to whether it was saved.
   */
  async function move(appointment: Appointment, patch: MovePatch, preview: Partial<Appointment> = {}): Promise<boolean> {
    if (mutations.isBusy(appointment.id)) return false
    const before = appointment
    // `preview` carries what the patch implies for display (the new cabinet's colour, the professional's name).
    upsert({ ...appointment, ...patch, ...preview } as Appointment)
    const result = await mutations.update(appointment.id, patch)
    if (result.ok) {
      upsert(result.appointment)
      return true
    }
    upsert(before)
    if (result.error) toast.add({ title: result.error.message, color: 'error', icon: 'i-lucide-circle-alert' })
    return false
  }

  return { appointments, loading, refreshing, loadError, refresh, upsert, move, mutations }
}

/** One appointment with its status history, for the appointment dialog. */
export function useAgendaAppointment(id: () => string | null) {
  const describe = useAgendaErrors()
  const appointment = ref<Appointment | null>(null)
  const loading = ref(false)
  const loadError = ref<string | null>(null)
  let seq = 0

  async function load() {
    const current = id()
    const mine = ++seq
    if (!current) {
      appointment.value = null
      return
    }
    loading.value = true
    loadError.value = null
    try {
      const res = await $fetch(`/api/v1/agenda/appointments/${current}`)
      if (mine === seq) appointment.value = res.data
    }
    catch (e) {
      if (mine === seq) loadError.value = describe(e).message
    }
    finally {
      if (mine === seq) loading.value = false
    }
  }

  watch(id, (value, old) => {
    if (value !== old) appointment.value = null
    load()
  }, { immediate: true })

  return { appointment, loading, loadError, load }
}
