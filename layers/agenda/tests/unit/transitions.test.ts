import { describe, expect, it } from 'vitest'
import { ACTIVE_STATUSES, APPOINTMENT_STATUSES, TRANSITIONS } from '../../models'
import type { AppointmentStatus } from '../../models'
import { checkTransition, isActive, isFinal } from '../../server/domain/status'

// The status machine (README.md, "Rules"), written out by hand: every allowed move.
const ALLOWED = new Set([
  'scheduled>confirmed', 'scheduled>checked_in', 'scheduled>cancelled', 'scheduled>no_show',
  'confirmed>checked_in', 'confirmed>cancelled', 'confirmed>no_show',
  'checked_in>in_treatment', 'checked_in>cancelled',
  'in_treatment>completed', 'in_treatment>cancelled',
])

const pairs: [AppointmentStatus, AppointmentStatus][] = APPOINTMENT_STATUSES.flatMap(from => APPOINTMENT_STATUSES.map(to => [from, to] as [AppointmentStatus, AppointmentStatus]))

describe('status machine', () => {
  it('has seven statuses and 49 ordered pairs', () => {
    expect(APPOINTMENT_STATUSES).toHaveLength(7)
    expect(pairs).toHaveLength(49)
  })

  it.each(pairs)('%s → %s', (from, to) => {
    const expected = from === to ? 'same' : ALLOWED.has(`${from}>${to}`) ? 'allowed' : 'illegal'
    expect(checkTransition(from, to)).toBe(expected)
  })

  it('TRANSITIONS lists exactly the allowed moves', () => {
    const listed = Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map(to => `${from}>${to}`))
    expect(new Set(listed)).toEqual(ALLOWED)
  })

  it('completed, cancelled and no_show are final; the other four are active', () => {
    for (const s of ['completed', 'cancelled', 'no_show'] as const) {
      expect(TRANSITIONS[s]).toEqual([])
      expect(isFinal(s)).toBe(true)
      expect(isActive(s)).toBe(false)
    }
    for (const s of ['scheduled', 'confirmed', 'checked_in', 'in_treatment'] as const) {
      expect(isFinal(s)).toBe(false)
      expect(isActive(s)).toBe(true)
    }
    expect([...ACTIVE_STATUSES].sort()).toEqual(['checked_in', 'confirmed', 'in_treatment', 'scheduled'])
  })
})
