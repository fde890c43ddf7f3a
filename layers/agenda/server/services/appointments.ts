import { badRequest, conflict, DomainError, eventBus, iso, isoInZone, notFound, transaction } from '#dentalpin'
import type { ErrorItem } from '#dentalpin'
import type { Kysely, Updateable } from 'kysely'
import type { z } from 'zod'
import { allergiesStatus } from '#layers/patients/models'
import { TRANSITIONS } from '../../models'
import type {
  AgendaAppointmentsTable, Appointment, AppointmentHistoryEntry, AppointmentRow, AppointmentStatus,
  appointmentCreateSchema, appointmentListQuerySchema, appointmentUpdateSchema, transitionSchema,
} from '../../models'
import type { Actor, AgendaDb } from '../db'
import { checkTransition, isActive, isFinal } from '../domain/status'
import * as repo from '../repositories/appointments'
import type { AppointmentWithNames } from '../repositories/appointments'
import { findCabinet } from '../repositories/cabinets'
import { findProfessional } from '../repositories/professionals'

type Db = Kysely<AgendaDb>

const notFoundError = () => notFound('agenda.appointment_not_found')

// ---- row → DTO -------------------------------------------------------------

function toDto(row: AppointmentWithNames, timeZone: string): Appointment {
  const at = (d: Date) => isoInZone(d, timeZone)
  return {
    id: row.id,
    clinic_id: row.clinic_id,
    patient_id: row.patient_id,
    patient: row.patient_id && row.patient_first_name !== null && row.patient_last_name !== null
      ? {
          id: row.patient_id,
          first_name: row.patient_first_name,
          last_name: row.patient_last_name,
          full_name: `${row.patient_first_name} ${row.patient_last_name}`.trim(),
          allergies: row.patient_allergies ?? [],
          allergies_status: allergiesStatus(row.patient_allergies, row.patient_allergies_recorded_at),
        }
      : null,
    professional_id: row.professional_id,
    professional: { id: row.professional_id, name: `${row.professional_first_name} ${row.professional_last_name}`.trim() },
    cabinet_id: row.cabinet_id,
    cabinet: row.cabinet_id && row.cabinet_name !== null && row.cabinet_color !== null
      ? { id: row.cabinet_id, name: row.cabinet_name, color: row.cabinet_color }
      : null,
    start_time: at(row.start_time),
    end_time: at(row.end_time),
    reason: row.reason,
    notes: row.notes,
    status: row.status,
    allowed_transitions: [...TRANSITIONS[row.status]],
    created_at: at(row.created_at),
    updated_at: at(row.updated_at),
  }
}

/** One appointment with its status history, oldest first. */
async function loadDetail(db: Db, clinicId: string, id: string): Promise<Appointment> {
  const row = await repo.findAppointment(db, clinicId, id)
  if (!row) throw notFoundError()
  const timeZone = await repo.clinicTimeZone(db, clinicId)
  const history = await repo.listHistory(db, clinicId, id)
  const status_history: AppointmentHistoryEntry[] = history.map(h => ({
    from_status: h.from_status,
    to_status: h.to_status,
    note: h.note,
    changed_by: h.changed_by ? { id: h.changed_by, name: `${h.first_name ?? ''} ${h.last_name ?? ''}`.trim() } : null,
    changed_at: isoInZone(h.changed_at, timeZone),
  }))
  return { ...toDto(row, timeZone), status_history }
}

// ---- rules -----------------------------------------------------------------

/** Checks the references a request names; every problem becomes one 422 item. */
async function checkReferences(db: Db, clinicId: string, refs: { patientId?: string | null, professionalId?: string, cabinetId?: string | null }) {
  const errors: ErrorItem[] = []
  if (refs.patientId) {
    const patient = await repo.findPatient(db, clinicId, refs.patientId)
    if (!patient) errors.push({ field: 'patient_id', code: 'agenda.patient_not_found', message: 'No such patient in this clinic' })
    else if (patient.status !== 'active') errors.push({ field: 'patient_id', code: 'agenda.patient_archived', message: 'The patient is archived' })
  }
  if (refs.professionalId && !(await findProfessional(db, clinicId, refs.professionalId))) {
    errors.push({ field: 'professional_id', code: 'agenda.professional_not_found', message: 'No such professional in this clinic' })
  }
  if (refs.cabinetId) {
    const cabinet = await findCabinet(db, clinicId, refs.cabinetId)
    if (!cabinet) errors.push({ field: 'cabinet_id', code: 'agenda.cabinet_not_found', message: 'No such cabinet in this clinic' })
    else if (!cabinet.is_active) errors.push({ field: 'cabinet_id', code: 'agenda.cabinet_inactive', message: 'The cabinet is not active' })
  }
  if (errors.length) throw new DomainError('invalid', errors[0]!.code, 'Validation failed', { errors })
}

interface SlotToCheck {
  /** Null: not checked (unchanged by this edit, or a blocked slot without patient). */
  patientId: string | null
  professionalId: string | null
  cabinetId: string | null
  start: Date
  end: Date
  excludeId: string | null
}

/**
 * 409 when the slot [start, end) collides with an active appointment:
 * - the professional's, in this clinic (`agenda.professional_busy`) or in
 *   another clinic of the installation (`agenda.professional_busy_elsewhere`,
 *   with the times only: nothing of the other clinic's patient leaks);
 * - the cabinet's (`agenda.cabinet_busy`);
 * - the patient's, with any professional (`agenda.patient_busy`, naming the
 *   other appointment).
 *
 * Takes the booking locks first, so the check and the write that follows it
 * are atomic against other bookings. Lock order, the same for every caller
 * (create, edit/move/resize, seat): patient → professional → cabinet. A single
 * global order means two transactions never wait on each other in a cycle.
 * The professional's lock is keyed by the user id alone (not the clinic), so
 * bookings of one person in two clinics queue up too. Callers that lock an
 * appointment row (edits, transitions) do it before any of these.
 */
async function assertFree(trx: Db, clinicId: string, slot: SlotToCheck) {
  if (slot.patientId) await repo.lockResource(trx, 'patient', slot.patientId)
  if (slot.professionalId) await repo.lockResource(trx, 'professional', slot.professionalId)
  if (slot.cabinetId) await repo.lockResource(trx, 'cabinet', slot.cabinetId)
  const range = { start: slot.start, end: slot.end, excludeId: slot.excludeId }
  if (slot.professionalId && await repo.findOverlap(trx, clinicId, { ...range, column: 'professional_id', id: slot.professionalId })) {
    throw conflict('agenda.professional_busy', 'The professional already has an appointment at that time')
  }
  if (slot.cabinetId && await repo.findOverlap(trx, clinicId, { ...range, column: 'cabinet_id', id: slot.cabinetId })) {
    throw conflict('agenda.cabinet_busy', 'The cabinet is already booked at that time')
  }
  if (slot.professionalId) {
    const elsewhere = await repo.findProfessionalOverlapElsewhere(trx, clinicId, { ...range, professionalId: slot.professionalId })
    if (elsewhere) {
      const timeZone = await repo.clinicTimeZone(trx, clinicId)
      const params = slotParams(elsewhere, timeZone)
      throw conflict('agenda.professional_busy_elsewhere', 'The professional is booked in another clinic at that time', params)
    }
  }
  if (slot.patientId) {
    const other = await repo.findOverlap(trx, clinicId, { ...range, column: 'patient_id', id: slot.patientId })
    if (other) {
      const timeZone = await repo.clinicTimeZone(trx, clinicId)
      // The other appointment, so the client can point at it (same clinic: nothing leaks).
      const params = { appointment_id: other.id, professional_id: other.professional_id, ...slotParams(other, timeZone) }
      throw conflict('agenda.patient_busy', 'The patient already has another appointment at that time', params)
    }
  }
}

/** The times of a colliding appointment, ISO with this clinic's offset (as the DTOs give them). */
function slotParams(row: { start_time: Date, end_time: Date }, timeZone: string) {
  return { start_time: isoInZone(row.start_time, timeZone), end_time: isoInZone(row.end_time, timeZone) }
}

// ---- queries ---------------------------------------------------------------

export async function listAppointments(db: Db, actor: Actor, query: z.output<typeof appointmentListQuerySchema>) {
  const { rows, total } = await repo.listAppointments(db, actor.clinicId, {
    start: query.start ? new Date(query.start) : undefined,
    end: query.end ? new Date(query.end) : undefined,
    cabinetId: query.cabinet_id,
    professionalId: query.professional_id,
    patientId: query.patient_id,
    statuses: query.status,
  }, query.page, query.page_size)
  const timeZone = await repo.clinicTimeZone(db, actor.clinicId)
  return { items: rows.map(r => toDto(r, timeZone)), total }
}

export async function getAppointment(db: Db, actor: Actor, id: string): Promise<Appointment> {
  return loadDetail(db, actor.clinicId, id)
}

// ---- commands --------------------------------------------------------------

export async function createAppointment(db: Db, actor: Actor, input: z.output<typeof appointmentCreateSchema>): Promise<Appointment> {
  return transaction(db, async (trx) => {
    await checkReferences(trx, actor.clinicId, { patientId: input.patient_id, professionalId: input.professional_id, cabinetId: input.cabinet_id })
    const start = new Date(input.start_time)
    const end = new Date(input.end_time)
    await assertFree(trx, actor.clinicId, { patientId: input.patient_id, professionalId: input.professional_id, cabinetId: input.cabinet_id, start, end, excludeId: null })
    const row = await repo.insertAppointment(trx, {
      clinic_id: actor.clinicId,
      patient_id: input.patient_id,
      professional_id: input.professional_id,
      cabinet_id: input.cabinet_id,
      start_time: start,
      end_time: end,
      reason: input.reason,
      notes: input.notes,
      status: 'scheduled',
      created_by: actor.userId,
    })
    await repo.insertHistory(trx, { appointment_id: row.id, clinic_id: actor.clinicId, from_status: null, to_status: 'scheduled', note: null, changed_by: actor.userId })
    eventBus.publish('appointment.scheduled', {
      appointment_id: row.id,
      clinic_id: actor.clinicId,
      patient_id: row.patient_id,
      professional_id: row.professional_id,
      start_time: iso(row.start_time),
      end_time: iso(row.end_time),
      reason: row.reason,
    })
    return loadDetail(trx, actor.clinicId, row.id)
  })
}

type EditableField = 'patient_id' | 'professional_id' | 'cabinet_id' | 'start_time' | 'end_time' | 'reason' | 'notes'
const EDITABLE: EditableField[] = ['patient_id', 'professional_id', 'cabinet_id', 'start_time', 'end_time', 'reason', 'notes']

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a !== null && b !== null && new Date(a as Date).getTime() === new Date(b as Date).getTime()
  return a === b
}

/** Move, resize, reassign or edit an active appointment; only the fields sent change. */
export async function updateAppointment(db: Db, actor: Actor, id: string, input: z.output<typeof appointmentUpdateSchema>): Promise<Appointment> {
  return transaction(db, async (trx) => {
    const current = await repo.lockAppointment(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    if (!isActive(current.status)) throw conflict('agenda.appointment_closed', 'A closed appointment cannot be changed')

    const next: Record<EditableField, unknown> = { ...pick(current) }
    const changes: EditableField[] = []
    for (const field of EDITABLE) {
      const raw = input[field]
      if (raw === undefined) continue
      const value = field === 'start_time' || field === 'end_time' ? new Date(raw as string) : raw
      if (sameValue(value, current[field])) continue
      next[field] = value
      changes.push(field)
    }
    if (changes.length === 0) return loadDetail(trx, actor.clinicId, id)

    const start = next.start_time as Date
    const end = next.end_time as Date
    if (end.getTime() <= start.getTime()) {
      throw new DomainError('invalid', 'agenda.end_before_start', 'Validation failed', {
        errors: [{ field: 'end_time', code: 'agenda.end_before_start', message: 'Must be after the start' }],
      })
    }
    await checkReferences(trx, actor.clinicId, {
      patientId: changes.includes('patient_id') ? next.patient_id as string | null : undefined,
      professionalId: changes.includes('professional_id') ? next.professional_id as string : undefined,
      cabinetId: changes.includes('cabinet_id') ? next.cabinet_id as string | null : undefined,
    })
    if (current.status === 'in_treatment' && next.cabinet_id === null) {
      throw badRequest('agenda.cabinet_required', 'A patient in treatment needs a cabinet')
    }
    const moved = changes.includes('start_time') || changes.includes('end_time')
    await assertFree(trx, actor.clinicId, {
      patientId: moved || changes.includes('patient_id') ? next.patient_id as string | null : null,
      professionalId: moved || changes.includes('professional_id') ? next.professional_id as string : null,
      cabinetId: moved || changes.includes('cabinet_id') ? next.cabinet_id as string | null : null,
      start,
      end,
      excludeId: id,
    })
    const set: Updateable<AgendaAppointmentsTable> = Object.fromEntries(changes.map(f => [f, next[f]]))
    const row = await repo.updateAppointment(trx, actor.clinicId, id, set)
    eventBus.publish('appointment.updated', updatedPayload(row, changes))
    return loadDetail(trx, actor.clinicId, id)
  })
}

function pick(row: AppointmentRow): Record<EditableField, unknown> {
  return Object.fromEntries(EDITABLE.map(f => [f, row[f]])) as Record<EditableField, unknown>
}

function updatedPayload(row: AppointmentRow, changes: string[]) {
  return {
    appointment_id: row.id,
    clinic_id: row.clinic_id,
    patient_id: row.patient_id,
    changes,
    status: row.status,
    start_time: iso(row.start_time),
    end_time: iso(row.end_time),
  }
}

/**
 * Moves an appointment through the status machine: same status 409, a move
 * TRANSITIONS does not allow 400, in_treatment without a cabinet 400. Every
 * transition appends a history entry; `cabinet_id` seats the patient (and is
 * checked for overlap like a booking).
 */
export async function transitionAppointment(db: Db, actor: Actor, id: string, input: z.output<typeof transitionSchema>): Promise<Appointment> {
  return transaction(db, async (trx) => {
    const current = await repo.lockAppointment(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    const to: AppointmentStatus = input.to_status
    const check = checkTransition(current.status, to)
    if (check === 'same') throw conflict('agenda.same_status', 'The appointment already has this status')
    if (check === 'illegal') throw badRequest('agenda.illegal_transition', `An appointment cannot go from ${current.status} to ${to}`, { from: current.status, to })

    const cabinetChanged = input.cabinet_id !== undefined && input.cabinet_id !== current.cabinet_id
    const cabinetId = cabinetChanged ? input.cabinet_id! : current.cabinet_id
    if (cabinetChanged) await checkReferences(trx, actor.clinicId, { cabinetId })
    if (to === 'in_treatment' && !cabinetId) throw badRequest('agenda.cabinet_required', 'Choose a cabinet to start the treatment')
    if (cabinetChanged && isActive(to)) {
      await assertFree(trx, actor.clinicId, { patientId: null, professionalId: null, cabinetId, start: current.start_time, end: current.end_time, excludeId: id })
    }

    const row = await repo.updateAppointment(trx, actor.clinicId, id, cabinetChanged ? { status: to, cabinet_id: cabinetId } : { status: to })
    await repo.insertHistory(trx, { appointment_id: id, clinic_id: actor.clinicId, from_status: current.status, to_status: to, note: input.note, changed_by: actor.userId })

    if (isFinal(to)) {
      eventBus.publish(`appointment.${to}`, {
        appointment_id: row.id,
        clinic_id: row.clinic_id,
        patient_id: row.patient_id,
        professional_id: row.professional_id,
        start_time: iso(row.start_time),
        end_time: iso(row.end_time),
        note: input.note,
      })
    }
    else {
      eventBus.publish('appointment.updated', updatedPayload(row, cabinetChanged ? ['status', 'cabinet_id'] : ['status']))
    }
    return loadDetail(trx, actor.clinicId, id)
  })
}

/** DELETE = cancel, through the same rules (a closed appointment cannot be cancelled). */
export async function cancelAppointment(db: Db, actor: Actor, id: string): Promise<void> {
  await transitionAppointment(db, actor, id, { to_status: 'cancelled', note: null })
}

// ---- a patient's future appointments (the patients archive dialog) ---------

async function assertPatientOfClinic(db: Db, clinicId: string, patientId: string) {
  if (!(await repo.findPatient(db, clinicId, patientId))) throw notFound('agenda.patient_not_found', 'No such patient in this clinic')
}

/** How many active appointments of the patient start after now (asked before archiving the patient). */
export async function countFutureAppointments(db: Db, actor: Actor, patientId: string): Promise<{ count: number }> {
  await assertPatientOfClinic(db, actor.clinicId, patientId)
  return { count: await repo.countFutureAppointments(db, actor.clinicId, patientId) }
}

/**
 * Cancels every active appointment of the patient that starts after now, in
 * one unit of work, each through the status machine (history entry and
 * `appointment.cancelled` event, as a cancel from the dialog). Called by the
 * patients archive dialog when the user ticks "also cancel"; an archived
 * patient may still have theirs cancelled.
 */
export async function cancelFutureAppointments(db: Db, actor: Actor, patientId: string): Promise<{ cancelled: number }> {
  return transaction(db, async (trx) => {
    await assertPatientOfClinic(trx, actor.clinicId, patientId)
    const ids = await repo.listFutureAppointmentIds(trx, actor.clinicId, patientId)
    for (const id of ids) await transitionAppointment(trx, actor, id, { to_status: 'cancelled', note: null })
    return { cancelled: ids.length }
  })
}
