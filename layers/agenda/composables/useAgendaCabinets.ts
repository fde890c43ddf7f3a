import type { Cabinet, CabinetCreateInput, CabinetUpdateInput } from '../models'
import type { AgendaErrorInfo } from './useAgendaErrors'

export type CabinetResult = { ok: true, cabinet: Cabinet | null } | { ok: false, error: AgendaErrorInfo | null }

/**
 * The clinic's cabinets (chairs/rooms), in display order: the calendar's
 * colours and day-view columns, and the CRUD of the "Cabinets" settings
 * section. Each mutation is guarded against running twice at once; forms and
 * confirmations get their error back to show inline.
 */
export function useAgendaCabinets() {
  const { t } = useI18n()
  const toast = useToast()
  const auth = useAuthStore()
  const describe = useAgendaErrors()

  const { data, status, error, refresh } = useAsyncData(
    'agenda:cabinets',
    // Without agenda.cabinets.read the calendar still works, only without cabinet names and colours.
    () => (auth.can('agenda.cabinets.read') ? $fetch('/api/v1/agenda/cabinets').then(res => res.data) : Promise.resolve([])),
    { watch: [() => auth.me?.current_clinic_id], server: false },
  )
  const cabinets = computed<Cabinet[]>(() => [...(data.value ?? [])].sort((a, b) => a.display_order - b.display_order || a.name.localeCompare(b.name)))
  const activeCabinets = computed(() => cabinets.value.filter(c => c.is_active))
  const loading = computed(() => (status.value === 'pending' || status.value === 'idle') && !data.value)
  const loadError = computed(() => (error.value ? describe(error.value).message : null))

  const saving = ref(false)

  async function guarded(action: () => Promise<Cabinet | null>, success: (c: Cabinet | null) => string): Promise<CabinetResult> {
    if (saving.value) return { ok: false, error: null }
    saving.value = true
    try {
      const cabinet = await action()
      toast.add({ title: success(cabinet), color: 'success', icon: 'i-lucide-check' })
      await refresh()
      return { ok: true, cabinet }
    }
    catch (e) {
      return { ok: false, error: describe(e) }
    }
    finally {
      saving.value = false
    }
  }

  function create(input: CabinetCreateInput): Promise<CabinetResult> {
    return guarded(
      () => $fetch('/api/v1/agenda/cabinets', { method: 'POST', body: input }).then(res => res.data),
      c => t('agenda.cabinets.created', { name: c?.name ?? input.name }),
    )
  }

  function update(cabinet: Cabinet, input: CabinetUpdateInput): Promise<CabinetResult> {
    return guarded(
      () => $fetch(`/api/v1/agenda/cabinets/${cabinet.id}`, { method: 'PUT', body: input }).then(res => res.data),
      c => t('agenda.cabinets.updated', { name: c?.name ?? cabinet.name }),
    )
  }

  /** Retires a cabinet that has appointments (it cannot be deleted): no more bookings, the history keeps it. */
  function deactivate(cabinet: Cabinet): Promise<CabinetResult> {
    return guarded(
      () => $fetch(`/api/v1/agenda/cabinets/${cabinet.id}`, { method: 'PUT', body: { is_active: false } }).then(res => res.data),
      () => t('agenda.cabinets.deactivated', { name: cabinet.name }),
    )
  }

  function remove(cabinet: Cabinet): Promise<CabinetResult> {
    return guarded(
      () => $fetch(`/api/v1/agenda/cabinets/${cabinet.id}`, { method: 'DELETE' }).then(() => null),
      () => t('agenda.cabinets.deleted', { name: cabinet.name }),
    )
  }

  return { cabinets, activeCabinets, loading, loadError, refresh, saving: readonly(saving), create, update, deactivate, remove }
}
