// An item's sessions and default phase, pure. Sessions come from the catalog
// item's template (labels + amounts summing to its default price) scaled to
// the treatment's own price snapshot, so they always sum to it exactly.
import { allocateMoney, normalizeMoney } from '#shared/money'

export interface PlanSession {
  /** The template's label per language; null for the single default session. */
  label: { en: string, es?: string } | null
  amount: string
}

/** The sessions of an item priced `price`, from the catalog's template (or one session). */
export function planSessions(price: string, template: readonly { label: { en: string, es?: string }, amount: string }[] | null | undefined): PlanSession[] {
  const amount = normalizeMoney(price)
  if (!template || template.length === 0) return [{ label: null, amount }]
  const shares = allocateMoney(amount, template.map(t => t.amount))
  return template.map((t, i) => ({ label: t.label, amount: shares[i]! }))
}

/** The phase (1..5) a treatment of this catalog category joins unless told otherwise. */
const PHASE_BY_CATEGORY: Record<string, number> = {
  surgery: 1,
  endodontics: 1,
  diagnosis: 2,
  prevention: 2,
  periodontics: 2,
  paediatrics: 2,
  restorative: 3,
  aesthetics: 3,
  implants: 4,
  prosthodontics: 4,
  orthodontics: 4,
}

export function defaultPhase(categoryKey: string | null | undefined): number {
  return (categoryKey && PHASE_BY_CATEGORY[categoryKey]) || 2
}
