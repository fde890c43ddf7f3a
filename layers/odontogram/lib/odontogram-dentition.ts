// Which teeth the chart draws: the patient's age suggests it, what is charted
// confirms it (a deciduous tooth charted on an adult, a permanent molar on a
// child: mixed). Pure, shared by the server's chart and the browser.
import type { Dentition } from '../models'
import { isDeciduous } from './odontogram-vocabulary'

/** Whole years from `dateOfBirth` to `on` (both `YYYY-MM-DD`); null without a birth date. */
export function ageOn(dateOfBirth: string | null, on: string): number | null {
  if (!dateOfBirth) return null
  const [by, bm, bd] = dateOfBirth.slice(0, 10).split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** Under 6: deciduous; 6 to 12: mixed; older or unknown: permanent — mixed whenever the charted teeth say both. */
export function dentitionFor(age: number | null, chartedTeeth: Iterable<number>): Dentition {
  const teeth = [...chartedTeeth]
  const base: Dentition = age === null || age >= 13 ? 'permanent' : age < 6 ? 'deciduous' : 'mixed'
  if (base === 'permanent' && teeth.some(isDeciduous)) return 'mixed'
  if (base === 'deciduous' && teeth.some(t => !isDeciduous(t))) return 'mixed'
  return base
}
