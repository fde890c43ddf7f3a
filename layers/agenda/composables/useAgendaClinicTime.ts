import { clinicToday, formatCalendarDate, formatInstant } from '#dentalpin/client'

/**
 * The current clinic's timezone (from /auth/me) and "today" on its calendar.
 * The agenda shows every time on the clinic's clock, whatever the browser's
 * timezone is.
 */
export function useAgendaClinicTime() {
  const auth = useAuthStore()
  const { locale } = useI18n()
  const timeZone = computed(() => auth.me?.current_clinic?.timezone || 'UTC')
  const today = computed(() => clinicToday(timeZone.value))
  /** "27 Nov 2026, 10:02" on the clinic's clock, in the user's language. */
  const dateTime = (iso: string) => formatInstant(iso, locale.value, timeZone.value, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' })
  /** A clinic date in the user's language ("Friday, 27 November 2026"). */
  const longDate = (date: string) => formatCalendarDate(date, locale.value, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  return { timeZone, today, locale, dateTime, longDate }
}

/** Milliseconds of "now", ticking every 30 s in the browser (null while rendering on the server, so nothing time-dependent hydrates differently). */
export function useAgendaNow() {
  const now = ref<number | null>(null)
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    now.value = Date.now()
    timer = setInterval(() => {
      now.value = Date.now()
    }, 30_000)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
