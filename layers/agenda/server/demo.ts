// A realistic week for `npm run demo` (BaseModule.seedDemo): a second
// cabinet, and appointments for the dentist and the hygienist from three
// days ago to four days ahead in the clinic's timezone — finished visits,
// a no-show and a cancellation in the past, today's chair moving through
// its statuses around the current time, and the coming days booked.
// Everything goes through the services, so events, history and the
// timeline are exactly as in daily use.
import { addDays, clinicInstant, clinicToday, isoWeekday, parseMinutes } from '#dentalpin'
import type { DemoContext } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { AppointmentStatus } from '../models'
import type { AgendaDb } from './db'
import { createAppointment, transitionAppointment } from './services/appointments'
import { createCabinet } from './services/cabinets'

/** Clinic-local start times (HH:MM) and durations in minutes, per professional and day. */
const DAY_PLAN: Record<'dentist' | 'hygienist', [string, number, string][]> = {
  dentist: [['09:00', 45, 'Check-up'], ['10:00', 60, 'Filling'], ['11:30', 30, 'Consultation'], ['12:30', 60, 'Root canal (session 1)'], ['16:00', 45, 'Crown fitting'], ['17:00', 30, 'Review']],
  hygienist: [['09:00', 45, 'Cleaning'], ['10:00', 45, 'Cleaning'], ['11:00', 30, 'Fluoride'], ['12:00', 45, 'Periodontal maintenance'], ['16:30', 45, 'Cleaning']],
}

/** The steps from scheduled to each target status (TRANSITIONS walked forward). */
const PATH: Record<AppointmentStatus, AppointmentStatus[]> = {
  scheduled: [],
  confirmed: ['confirmed'],
  checked_in: ['confirmed', 'checked_in'],
  in_treatment: ['confirmed', 'checked_in', 'in_treatment'],
  completed: ['confirmed', 'checked_in', 'in_treatment', 'completed'],
  cancelled: ['cancelled'],
  no_show: ['confirmed', 'no_show'],
}

/** What a slot has become by now: the past is settled, the present is at the chair, the future is booked. */
function statusFor(start: Date, end: Date, now: Date, n: number): AppointmentStatus {
  if (end <= now) return n % 11 === 3 ? 'no_show' : n % 13 === 5 ? 'cancelled' : 'completed'
  if (start <= now) return 'in_treatment'
  if (start.getTime() - now.getTime() < 60 * 60_000) return 'checked_in'
  return n % 3 === 0 ? 'scheduled' : 'confirmed'
}

export async function seedAgendaDemo(ctx: DemoContext): Promise<void> {
  const db = ctx.db as Kysely<AgendaDb>
  const actor = { clinicId: ctx.clinicId, userId: ctx.users.receptionist ?? ctx.users.admin! }
  const clinic = await db.selectFrom('clinics').select('timezone').where('id', '=', ctx.clinicId).executeTakeFirstOrThrow()
  const [first] = await db.selectFrom('agenda_cabinets').select('id').where('clinic_id', '=', ctx.clinicId).orderBy('display_order').execute()
  const second = await createCabinet(db, actor, { name: 'Cabinet 2', color: '#10b981', display_order: 2, is_active: true })
  const cabinets = { dentist: first?.id ?? second.id, hygienist: second.id }
  const patients = await db.selectFrom('patients').select('id').where('clinic_id', '=', ctx.clinicId).where('status', '=', 'active').orderBy('last_name').execute()
  if (patients.length === 0) return

  const now = new Date()
  const today = clinicToday(clinic.timezone, now)
  let n = 0
  let count = 0
  for (let offset = -3; offset <= 4; offset++) {
    const date = addDays(today, offset)
    if (isoWeekday(date) === 6) continue // closed on Sundays
    for (const role of ['dentist', 'hygienist'] as const) {
      const professional = ctx.users[role]
      if (!professional) continue
      for (const [time, minutes, reason] of DAY_PLAN[role]) {
        n++
        // Leave some gaps so there are free slots to book.
        if (offset > 0 && n % 4 === 0) continue
        const start = new Date(clinicInstant(date, parseMinutes(time)!, clinic.timezone))
        const end = new Date(start.getTime() + minutes * 60_000)
        const patient = patients[(n * 7) % patients.length]!
        const appointment = await createAppointment(db, actor, {
          patient_id: patient.id,
          professional_id: professional,
          cabinet_id: start < now ? cabinets[role] : null,
          start_time: start.toISOString(),
          end_time: end.toISOString(),
          reason,
          notes: null,
        })
        const target = statusFor(start, end, now, n)
        for (const to of PATH[target]) {
          await transitionAppointment(db, actor, appointment.id, {
            to_status: to,
            note: to === 'cancelled' ? 'Patient called to reschedule' : null,
            ...(to === 'in_treatment' ? { cabinet_id: cabinets[role] } : {}),
          })
        }
        count++
      }
    }
  }
  ctx.logger.info(`demo: 2 cabinets, ${count} appointments`)
}
