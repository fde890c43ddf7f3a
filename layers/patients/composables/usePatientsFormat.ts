import type { Patient } from '../models'

/** Whole years between a `YYYY-MM-DD` birth date and `today` (local calendar); null without a valid date. */
export function patientsAge(dateOfBirth: string | null | undefined, today = new Date()): number | null {
  const match = dateOfBirth ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth) : null
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  let age = today.getFullYear() - year
  const beforeBirthday = today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)
  if (beforeBirthday) age -= 1
  return age >= 0 ? age : null
}

/**
 * How the patient screens show dates and enumerations in the user's
 * language: calendar dates (birth dates) as written, timestamps in the
 * browser's timezone (the data loads in the browser, so server and client
 * never format the same instant differently).
 */
export function usePatientsFormat() {
  const { t, locale } = useI18n()

  /** A `YYYY-MM-DD` date as the locale writes it (no timezone shift). */
  function date(value: string | null | undefined): string | null {
    if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`))
  }

  /** The calendar day of an ISO timestamp, in the browser's timezone. */
  function day(value: string | null | undefined): string | null {
    if (!value) return null
    const parsed = new Date(value)
    if (Number.isNaN(parsed.getTime())) return null
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }).format(parsed)
  }

  function age(patient: Pick<Patient, 'date_of_birth'>): string | null {
    const years = patientsAge(patient.date_of_birth)
    return years === null ? null : t('patients.age', years)
  }

  const gender = (value: Patient['gender']) => (value ? t(`patients.genders.${value}`) : null)
  const idType = (value: Patient['national_id_type']) => (value ? t(`patients.idTypes.${value}`) : null)

  return { date, day, age, gender, idType }
}
