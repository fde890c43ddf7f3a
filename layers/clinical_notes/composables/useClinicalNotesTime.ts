import { formatInstant } from '#dentalpin/client'

/** "27 Nov 2026, 10:02" on the clinic's clock (from /auth/me), in the reader's language. */
export function useClinicalNotesTime() {
  const auth = useAuthStore()
  const { locale } = useI18n()
  const timeZone = computed(() => auth.me?.current_clinic?.timezone || 'UTC')
  return (iso: string) => formatInstant(iso, locale.value, timeZone.value, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' })
}
