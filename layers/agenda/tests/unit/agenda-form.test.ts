import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../models'
import {
  appointmentEditPatch, appointmentFormTimes, formatEndMinutes, formInstants, parseEndMinutes,
} from '../../lib/agenda-form'

const TZ = 'Europe/Madrid'

function appt(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'a1', clinic_id: 'c1', patient_id: 'p1', patient: null, professional_id: 'u1', professional: { id: 'u1', name: 'Diego Dentista' },
    cabinet_id: 'k1', cabinet: null, start_time: '2026-12-07T23:00:00+01:00', end_time: '2026-12-08T00:00:00+01:00',
    reason: 'Cleaning', notes: null, status: 'scheduled', allowed_transitions: [], created_at: '2026-11-27T08:00:00+01:00', updated_at: '2026-11-27T08:00:00+01:00',
    ...overrides,
  }
}

/** What the form submits when the user only touches the text fields. */
function noOpInput(a: Appointment, changes: { reason?: string } = {}) {
  const times = appointmentFormTimes(a, TZ)
  const instants = formInstants(times, TZ, { times, start_time: a.start_time, end_time: a.end_time })!
  return {
    patient_id: a.patient_id, professional_id: a.professional_id, cabinet_id: a.cabinet_id, ...instants,
    reason: changes.reason ?? a.reason ?? '', notes: a.notes ?? '',
  }
}

describe('booking form times', () => {
  it('reads 00:00 in the end input as the midnight closing the day', () => {
    expect(parseEndMinutes('00:00')).toBe(1440)
    expect(parseEndMinutes('10:30')).toBe(630)
    expect(parseEndMinutes('nope')).toBeNull()
    expect(formatEndMinutes(1440)).toBe('00:00')
    expect(formatEndMinutes(23 * 60 + 45)).toBe('23:45')
  })

  it('shows an appointment ending at the next midnight as 23:00–00:00, not 23:59', () => {
    expect(appointmentFormTimes(appt(), TZ)).toEqual({ date: '2026-12-07', start: '23:00', end: '00:00' })
  })

  it('an end of 00:00 saves as the next day at midnight (24:00), not the same day', () => {
    expect(formInstants({ date: '2026-12-07', start: '23:00', end: '00:00' }, TZ)).toEqual({
      start_time: '2026-12-07T23:00:00+01:00', end_time: '2026-12-08T00:00:00+01:00',
    })
  })

  it('untouched time inputs give back the appointment\'s own instants, even for one past midnight', () => {
    const a = appt({ start_time: '2026-12-07T23:30:00+01:00', end_time: '2026-12-08T01:00:00+01:00' })
    const times = appointmentFormTimes(a, TZ)
    expect(formInstants(times, TZ, { times, start_time: a.start_time, end_time: a.end_time }))
      .toEqual({ start_time: a.start_time, end_time: a.end_time })
    // Once the user changes them, the inputs rule.
    expect(formInstants({ ...times, start: '22:00', end: '23:00' }, TZ, { times, start_time: a.start_time, end_time: a.end_time }))
      .toEqual({ start_time: '2026-12-07T22:00:00+01:00', end_time: '2026-12-07T23:00:00+01:00' })
  })
})

describe('edit patch', () => {
  it.each([
    ['ends at midnight', appt()],
    ['crosses midnight', appt({ start_time: '2026-12-07T23:30:00+01:00', end_time: '2026-12-08T01:00:00+01:00' })],
    ['an ordinary morning', appt({ start_time: '2026-12-07T10:00:00+01:00', end_time: '2026-12-07T10:30:00+01:00' })],
  ])('changing only the reason of one that %s sends only the reason', (_, a) => {
    expect(appointmentEditPatch(a, noOpInput(a, { reason: 'Check-up' }))).toEqual({ reason: 'Check-up' })
  })

  it('an edit that changes nothing is an empty patch', () => {
    const a = appt()
    expect(appointmentEditPatch(a, noOpInput(a))).toEqual({})
  })

  it('sends the fields that changed, clearing text with null', () => {
    const a = appt({ notes: 'Old' })
    const input = { ...noOpInput(a), professional_id: 'u2', cabinet_id: null, notes: '' }
    expect(appointmentEditPatch(a, input)).toEqual({ professional_id: 'u2', cabinet_id: null, notes: null })
  })
})
