import { clinicToday, displayMoney, formatCalendarDate, formatInstant } from '#dentalpin/client'

/** The clinic's calendar and money for the chart: today there, dates on the clinic's clock and prices in its currency, in the reader's language. */
export function useOdontogramFormat() {
  const auth = useAuthStore()
  const { locale } = useI18n()
  const clinic = computed(() => auth.me?.current_clinic ?? null)
  const timeZone = computed(() => clinic.value?.timezone || 'UTC')
  const today = computed(() => clinicToday(timeZone.value))
  /** "3 Mar 2026" for an instant. */
  const day = (iso: string) => formatInstant(iso, locale.value, timeZone.value, { dateStyle: 'medium' })
  /** "3 March 2026" for a `YYYY-MM-DD` clinic date. */
  const date = (value: string) => formatCalendarDate(value, locale.value, { day: 'numeric', month: 'long', year: 'numeric' })
  /** "€45.00" from a decimal string. */
  const money = (amount: string) => displayMoney(amount, clinic.value?.currency || 'EUR', locale.value)
  return { timeZone, today, day, date, money }
}
