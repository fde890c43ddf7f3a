import { ACTIVE_STATUSES, TRANSITIONS } from '../../models'
import type { AppointmentStatus } from '../../models'

export type TransitionCheck = 'allowed' | 'same' | 'illegal'

/** How the status machine (TRANSITIONS) answers a move from `from` to `to`. */
export function checkTransition(from: AppointmentStatus, to: AppointmentStatus): TransitionCheck {
  if (from === to) return 'same'
  return TRANSITIONS[from].includes(to) ? 'allowed' : 'illegal'
}

/** Active appointments hold their slot and can still be edited. */
export function isActive(status: AppointmentStatus): boolean {
  return ACTIVE_STATUSES.includes(status)
}

/** Reaching one of these ends the appointment and publishes `appointment.<status>`. */
export const FINAL_EVENT_STATUSES = ['completed', 'cancelled', 'no_show'] as const
export type FinalStatus = (typeof FINAL_EVENT_STATUSES)[number]

export function isFinal(status: AppointmentStatus): status is FinalStatus {
  return (FINAL_EVENT_STATUSES as readonly AppointmentStatus[]).includes(status)
}
