// How plan and item statuses look: badge colour and icon (the kit's tones),
// and the steps of the stepper. UI only; the rules are in plan-vocabulary.
import type { Tone } from '#dentalpin/client'
import type { ItemStatus, PlanStatus } from '../models'

export const PLAN_STATUS_LOOK: Record<PlanStatus, Required<Tone>> = {
  draft: { color: 'neutral', icon: 'i-lucide-file-pen' },
  proposed: { color: 'info', icon: 'i-lucide-send' },
  accepted: { color: 'primary', icon: 'i-lucide-handshake' },
  completed: { color: 'success', icon: 'i-lucide-circle-check-big' },
  closed: { color: 'error', icon: 'i-lucide-archive-x' },
}

export const ITEM_STATUS_LOOK: Record<ItemStatus, Required<Tone>> = {
  pending: { color: 'warning', icon: 'i-lucide-circle-dashed' },
  completed: { color: 'success', icon: 'i-lucide-circle-check' },
  cancelled: { color: 'neutral', icon: 'i-lucide-circle-slash' },
}

/** The road a plan travels; `closed` leaves it (shown apart, with its reason). */
export const PLAN_STEPS: readonly PlanStatus[] = ['draft', 'proposed', 'accepted', 'completed']

/** Where a plan stands on the road: each step done, current or to come (closed: none current). */
export function stepStates(status: PlanStatus): { status: PlanStatus, state: 'done' | 'current' | 'todo' }[] {
  const at = PLAN_STEPS.indexOf(status)
  return PLAN_STEPS.map((step, i) => ({ status: step, state: at < 0 ? 'todo' : i < at ? 'done' : i === at ? (status === 'completed' ? 'done' : 'current') : 'todo' }))
}

/** Items grouped by phase (1..5), each group in plan order; empty phases left out. */
export function itemsByPhase<T extends { phase: number, position: number }>(items: readonly T[]): { phase: number, items: T[] }[] {
  const sorted = [...items].sort((a, b) => a.position - b.position)
  const phases = [...new Set(sorted.map(i => i.phase))].sort((a, b) => a - b)
  return phases.map(phase => ({ phase, items: sorted.filter(i => i.phase === phase) }))
}

/**
 * The order after moving `id` to just before `beforeId` (null: to the end of
 * `phase`), taking the phase of where it lands — what the reorder route takes.
 */
export function moveItem<T extends { id: string, phase: number, position: number }>(
  items: readonly T[], id: string, phase: number, beforeId: string | null,
): { id: string, phase: number }[] {
  const ordered = itemsByPhase(items).flatMap(g => g.items).map(i => ({ id: i.id, phase: i.phase }))
  const moving = ordered.find(i => i.id === id)
  if (!moving) return ordered
  const rest = ordered.filter(i => i.id !== id)
  const landed = { id, phase }
  let at = beforeId ? rest.findIndex(i => i.id === beforeId) : -1
  if (at < 0) {
    // The end of its phase: after the last item of that phase or of any earlier one.
    at = rest.findLastIndex(i => i.phase <= phase) + 1
  }
  rest.splice(at, 0, landed)
  return rest
}
