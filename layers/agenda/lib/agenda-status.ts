// How each status looks: badge colour and icon, and its action button.
import type { Tone, ToneColor } from '#dentalpin/client'
import type { AppointmentStatus } from '../models'

export const STATUS_LOOK: Record<AppointmentStatus, Required<Tone>> = {
  scheduled: { color: 'neutral', icon: 'i-lucide-calendar-clock' },
  confirmed: { color: 'info', icon: 'i-lucide-calendar-check' },
  checked_in: { color: 'warning', icon: 'i-lucide-user-check' },
  in_treatment: { color: 'primary', icon: 'i-lucide-stethoscope' },
  completed: { color: 'success', icon: 'i-lucide-circle-check-big' },
  cancelled: { color: 'error', icon: 'i-lucide-circle-x' },
  no_show: { color: 'error', icon: 'i-lucide-user-x' },
}

/** The button that moves an appointment to a status. */
export const ACTION_LOOK: Record<AppointmentStatus, { color: ToneColor, variant: 'solid' | 'outline' | 'soft', icon: string }> = {
  scheduled: { color: 'neutral', variant: 'outline', icon: 'i-lucide-calendar-clock' },
  confirmed: { color: 'info', variant: 'soft', icon: 'i-lucide-calendar-check' },
  checked_in: { color: 'primary', variant: 'soft', icon: 'i-lucide-user-check' },
  in_treatment: { color: 'primary', variant: 'solid', icon: 'i-lucide-stethoscope' },
  completed: { color: 'success', variant: 'solid', icon: 'i-lucide-circle-check-big' },
  cancelled: { color: 'error', variant: 'outline', icon: 'i-lucide-circle-x' },
  no_show: { color: 'warning', variant: 'outline', icon: 'i-lucide-user-x' },
}

/** Moving to these asks first (with an optional note). */
export const CONFIRMED_TRANSITIONS: readonly AppointmentStatus[] = ['cancelled', 'no_show']
