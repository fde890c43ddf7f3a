import { clinicDate, formatCalendarDate, formatInstant, knownTimeZone } from '#dentalpin/client'
import type { Patient } from '../models'

/**
 * Whole years between a `YYYY-MM-DD` birth date and `today` on the calendar
 * of `timeZone` (the clinic's; the browser's without one); null without a
 * valid date.
 */
export function patientsAge(dateOfBirth: string | null | undefined, today = new Date(), timeZone?: string): number | null {
  const match = dateOfBirth ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth) : null
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const [todayYear, todayMonth, todayDay] = clinicDate(today, knownTimeZone(timeZone)).split('-').map(Number) as [number, number, number]
  let age = todayYear - year
  const beforeBirthday = todayMonth < month || (todayMonth === month && todayDay < day)
  if (beforeBirthday) age -= 1
  return age >= 0 ? age : null
}

/**
 * How the patient screens show dates and enumerations in the user's
 * language: calendar dates (birth dates) as written, timestamps on the
 * calendar of the clinic's timezone (from /auth/me), so everybody at the
 * clinic sees the same day wherever their browser is.
 */
export function usePatientsFormat() {
  const { t, locale } = useI18n()
  const auth = useAuthStore()
  const timeZone = computed(() => knownTimeZone(auth.me?.current_clinic?.timezone))

  /** A `YYYY-MM-DD` date as the locale writes it (no timezone shift). */
  function date(value: string | null | undefined): string | null {
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
    return formatCalendarDate(value, locale.value, { dateStyle: 'medium' })
  }

  /** The calendar day of an ISO timestamp in the clinic's timezone. */
  function day(value: string | null | undefined): string | null {
    if (!value) return null
    const parsed = new Date(value)
    if (Number.isNaN(parsed.getTime())) return null
    return formatInstant(parsed, locale.value, timeZone.value, { dateStyle: 'medium' })
  }

  function age(patient: Pick<Patient, 'date_of_birth'>): string | null {
    const years = patientsAge(patient.date_of_birth, new Date(), timeZone.value)
    return years === null ? null : t('patients.age', years)
  }

  const gender = (value: Patient['gender']) => (value ? t(`patients.genders.${value}`) : null)
  const idType = (value: Patient['national_id_type']) => (value ? t(`patients.idTypes.${value}`) : null)

  return { date, day, age, gender, idType }
}
