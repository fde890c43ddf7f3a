// How an appointment reads to people: its name on a card, its accessible
// name, which statuses fade, which actions its status allows.
import { ACTIVE_STATUSES, TRANSITIONS } from '../models'
import type { Appointment, AppointmentStatus } from '../models'
import { formatMinutes, toClinicDateTime } from '#dentalpin/client'

/** What the booking form starts with (a clicked slot, the patient tab...). */
export interface AgendaFormPrefill {
  date: string
  /** Minutes since the clinic's midnight. */
  start: number
  end: number
  professionalId?: string | null
  cabinetId?: string | null
  patient?: { id: string, first_name: string, last_name: string, full_name: string, phone?: string | null } | null
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Shown faded (or hidden unless "show cancelled" is on). */
export const FADED_STATUSES: readonly AppointmentStatus[] = ['cancelled', 'no_show']

export const isActiveStatus = (status: AppointmentStatus) => ACTIVE_STATUSES.includes(status)
export const isFadedStatus = (status: AppointmentStatus) => FADED_STATUSES.includes(status)

/** Where the appointment may go next: the server's word when it sent one, the machine otherwise. */
export function nextStatuses(appointment: Pick<Appointment, 'status'> & { allowed_transitions?: AppointmentStatus[] }): AppointmentStatus[] {
  return [...(appointment.allowed_transitions ?? TRANSITIONS[appointment.status])]
}

/** The patient's name, or "Blocked" for a slot without a patient. */
export function appointmentTitle(appointment: Pick<Appointment, 'patient'>, t: Translate): string {
  return appointment.patient?.full_name || (appointment.patient ? `${appointment.patient.first_name} ${appointment.patient.last_name}`.trim() : t('agenda.appointment.blocked'))
}

/** `10:00–10:30` on the clinic's clock. */
export function timeRange(startIso: string, endIso: string, timeZone: string): string {
  return `${formatMinutes(toClinicDateTime(startIso, timeZone).minutes)}–${formatMinutes(toClinicDateTime(endIso, timeZone).minutes)}`
}

/**
 * What a card says of the patient's allergies (safety first): the list
 * (`danger`), "not recorded" (`unknown`, amber: nobody asked yet), or nothing
 * for "none known" and slots without a patient. `short` fits on a card,
 * `full` is for the tooltip and the accessible name.
 */
export function allergyNote(patient: Appointment['patient'], t: Translate): { kind: 'danger' | 'unknown', short: string, full: string } | null {
  if (!patient) return null
  if (patient.allergies.length > 0) {
    const list = patient.allergies.join(', ')
    return { kind: 'danger', short: list, full: t('agenda.allergies.list', { list }) }
  }
  if (patient.allergies_status === 'none_known') return null
  return { kind: 'unknown', short: t('agenda.allergies.notRecordedShort'), full: t('agenda.allergies.notRecorded') }
}

/**
 * A card's accessible name: "10:00–10:30 Ana García, Cleaning (Confirmed). Allergies: Latex".
 * When the card shows the allergies' short text after the name (`showsAllergies`),
 * the accessible name carries it in the same place, "10:00–10:30 Ana García — Latex,
 * Cleaning (Confirmed). Allergies: Latex", so the visible text is part of the name (WCAG 2.5.3).
 */
export function appointmentAccessibleName(appointment: Pick<Appointment, 'patient' | 'start_time' | 'end_time' | 'reason' | 'status'>, timeZone: string, t: Translate, showsAllergies = false): string {
  const who = appointmentTitle(appointment, t)
  const reason = appointment.reason ? `, ${appointment.reason}` : ''
  const allergies = allergyNote(appointment.patient, t)
  // Not in parentheses: checkers (axe-core) drop parenthesised text before comparing names.
  const shown = allergies && showsAllergies ? ` — ${allergies.short}` : ''
  return `${timeRange(appointment.start_time, appointment.end_time, timeZone)} ${who}${shown}${reason} (${t(`agenda.status.${appointment.status}`)})${allergies ? `. ${allergies.full}` : ''}`
}
