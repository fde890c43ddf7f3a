// The booking/edit form's times and the edit's patch, kept pure so they can be
// tested without a browser. The form shows a date and two `HH:MM` inputs on
// the clinic's clock; a time input cannot say 24:00, so an end of 00:00 means
// the midnight that closes the day.
import type { Appointment, AppointmentCreateInput, AppointmentUpdateInput } from '../models'
import { clinicIso, formatMinutes, parseMinutes, toClinicDateTime } from '#dentalpin/client'

export const DAY_MINUTES = 24 * 60

/** The date/time inputs as the user sees them. */
export interface AgendaFormTimes {
  date: string
  start: string
  end: string
}

/** Minutes of the end input: `00:00` is the end of the day (1440), any other time as read. */
export function parseEndMinutes(value: string): number | null {
  const minutes = parseMinutes(value)
  return minutes === 0 ? DAY_MINUTES : minutes
}

/** What the end input shows: the day's closing midnight (1440) as `00:00`. */
export function formatEndMinutes(minutes: number): string {
  return formatMinutes(Math.min(minutes, DAY_MINUTES) % DAY_MINUTES)
}

/**
 * What the inputs show for an appointment. An end at the next midnight shows
 * as `00:00` (read back as 24:00); an end later on another date shows its
 * clock time, which only matters if the user edits the times.
 */
export function appointmentFormTimes(appointment: Pick<Appointment, 'start_time' | 'end_time'>, timeZone: string): AgendaFormTimes {
  const s = toClinicDateTime(appointment.start_time, timeZone)
  const e = toClinicDateTime(appointment.end_time, timeZone)
  return { date: s.date, start: formatMinutes(s.minutes), end: formatMinutes(e.minutes) }
}

export const sameFormTimes = (a: AgendaFormTimes, b: AgendaFormTimes) => a.date === b.date && a.start === b.start && a.end === b.end

/**
 * The instants to save. When editing and the inputs still show what they were
 * filled with, the appointment's own instants come back untouched, so an edit
 * of the reason never moves (or shortens) the appointment.
 */
export function formInstants(
  times: AgendaFormTimes,
  timeZone: string,
  original?: { times: AgendaFormTimes, start_time: string, end_time: string } | null,
): { start_time: string, end_time: string } | null {
  if (original && sameFormTimes(times, original.times)) return { start_time: original.start_time, end_time: original.end_time }
  const s = parseMinutes(times.start)
  const e = parseEndMinutes(times.end)
  if (!times.date || s === null || e === null) return null
  return { start_time: clinicIso(times.date, s, timeZone), end_time: clinicIso(times.date, e, timeZone) }
}

/** The fields an edit changed (the server records and publishes exactly those); `{}` when nothing did. */
export function appointmentEditPatch(appointment: Appointment, input: AppointmentCreateInput): AppointmentUpdateInput {
  const patch: AppointmentUpdateInput = {}
  if ((input.patient_id ?? null) !== appointment.patient_id) patch.patient_id = input.patient_id ?? null
  if (input.professional_id !== appointment.professional_id) patch.professional_id = input.professional_id
  if ((input.cabinet_id ?? null) !== appointment.cabinet_id) patch.cabinet_id = input.cabinet_id ?? null
  if (Date.parse(input.start_time) !== Date.parse(appointment.start_time)) patch.start_time = input.start_time
  if (Date.parse(input.end_time) !== Date.parse(appointment.end_time)) patch.end_time = input.end_time
  if ((input.reason || null) !== appointment.reason) patch.reason = input.reason || null
  if ((input.notes || null) !== appointment.notes) patch.notes = input.notes || null
  return patch
}
