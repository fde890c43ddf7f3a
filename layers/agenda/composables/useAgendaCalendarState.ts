import { addDays, isIsoDate, startOfWeek } from '#dentalpin/client'

export type AgendaView = 'week' | 'day'
export type AgendaGroup = 'professional' | 'cabinet'

export interface AgendaCalendarPatch {
  date?: string
  view?: AgendaView
  group?: AgendaGroup
  professional?: string | null
  cancelled?: boolean
}

/**
 * The calendar's state lives in the URL (`?date=2026-11-27&view=day&group=cabinet`)
 * so a reload, a shared link or the back button shows the same schedule.
 * Defaults (this week, by professional, cancelled hidden) stay out of the URL.
 */
export function useAgendaCalendarState() {
  const route = useRoute()
  const router = useRouter()
  const { today } = useAgendaClinicTime()

  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v)
  const date = computed(() => {
    const q = one(route.query.date)
    return isIsoDate(q) ? q : today.value
  })
  const view = computed<AgendaView>(() => (one(route.query.view) === 'day' ? 'day' : 'week'))
  const group = computed<AgendaGroup>(() => (one(route.query.group) === 'cabinet' ? 'cabinet' : 'professional'))
  const professionalId = computed(() => {
    const q = one(route.query.professional)
    return typeof q === 'string' && q ? q : null
  })
  const showCancelled = computed(() => one(route.query.cancelled) === '1')

  /** The dates on screen: Monday to Sunday, or the one day. */
  const days = computed(() => {
    if (view.value === 'day') return [date.value]
    const monday = startOfWeek(date.value)
    return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
  })
  const range = computed(() => ({ from: days.value[0]!, to: addDays(days.value[days.value.length - 1]!, 1) }))
  const includesToday = computed(() => days.value.includes(today.value))

  function set(patch: AgendaCalendarPatch) {
    const query: Record<string, unknown> = { ...route.query }
    const put = (name: string, value: string | null) => {
      // undefined drops the parameter from the URL.
      query[name] = value ?? undefined
    }
    if (patch.date !== undefined) put('date', patch.date === today.value ? null : patch.date)
    if (patch.view !== undefined) put('view', patch.view === 'week' ? null : patch.view)
    if (patch.group !== undefined) put('group', patch.group === 'professional' ? null : patch.group)
    if (patch.professional !== undefined) put('professional', patch.professional)
    if (patch.cancelled !== undefined) put('cancelled', patch.cancelled ? '1' : null)
    return router.replace({ query: query as typeof route.query })
  }

  /** One page back or forward: a week in week view, a day in day view. */
  const shift = (direction: 1 | -1) => set({ date: addDays(date.value, direction * (view.value === 'week' ? 7 : 1)) })
  const goToday = () => set({ date: today.value })

  return { date, view, group, professionalId, showCancelled, days, range, includesToday, today, set, shift, goToday }
}
