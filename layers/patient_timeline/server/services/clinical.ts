// The timeline entries of the chart's, the notes' and the plans' events, from their payload alone.
import { text } from './payload'
import { formatAmount } from './texts'
import type { TimelineTexts } from './texts'
import { payloadTeeth } from './texts-clinical'

/** Treatments and notes: what, on which teeth, for how much — never a note's text. */
export function clinicalText(event: string, payload: Record<string, unknown>, t: TimelineTexts, currency: string): { title: string, description: string | null } {
  const c = t.clinical
  const teeth = payloadTeeth(payload.teeth)
  const onTeeth = teeth.length ? c.teeth(teeth) : null
  if (event === 'clinical_note.created') return { title: c.noteAdded(text(payload.type, 50)), description: null }
  if (event === 'clinical_note.amended') return { title: c.noteAmended(text(payload.type, 50)), description: null }
  const type = text(payload.clinical_type, 50)
  const typeName = type ? (c.clinicalTypes[type] ?? type.replace(/_/g, ' ')) : null
  if (event === 'odontogram.treatment_planned') return { title: c.treatmentPlanned(typeName, onTeeth), description: null }
  const price = typeof payload.price === 'string' || typeof payload.price === 'number' ? c.price(formatAmount(payload.price, currency, t)) : null
  const parts = [text(payload.notes, 1000), price].filter(Boolean)
  return { title: c.treatmentCompleted(text(payload.name) ?? text(payload.treatment_name) ?? typeName, onTeeth), description: parts.length ? parts.join(' · ') : null }
}

/** Plans: which plan and what happened; a proposal says how many treatments and the total, a closure why. */
export function planText(event: string, payload: Record<string, unknown>, t: TimelineTexts, currency: string): { title: string, description: string | null } {
  const p = t.plans
  const number = text(payload.number, 50)
  const what = event.slice('treatment_plan.'.length) as 'created' | 'proposed' | 'accepted' | 'completed' | 'closed'
  if (what === 'proposed') {
    const count = Array.isArray(payload.items) ? payload.items.length : 0
    const total = typeof payload.total === 'string' ? formatAmount(payload.total, currency, t) : null
    return { title: p.proposed(number), description: p.summary(count, total) }
  }
  if (what === 'closed') {
    const reason = text(payload.reason, 50)
    return { title: p.closed(number), description: reason ? (p.reasons[reason] ?? reason.replace(/_/g, ' ')) : null }
  }
  return { title: p[what](number), description: null }
}
