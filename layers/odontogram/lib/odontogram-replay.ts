// The chart as a pure function of the entries: each tooth's state on any date
// is replayed from the facts charted on it. The server keeps its projection
// (odontogram_tooth_states) with these functions in the same transaction as
// every write, and answers `?at=` with them; the browser can replay too.
//
// A tooth's state depends only on the entries naming that tooth, so a write
// refreshes the teeth of the entry it touched (projectTeeth) and the result is
// the same as replaying everything (tests/unit/odontogram-projection.test.ts).
import { CLINICAL_TYPE_RULES, SURFACES } from './odontogram-vocabulary'
import type { ClinicalType, EntryKind, EntryStatus, Surface, ToothRole } from './odontogram-vocabulary'
import type { ChartMark, MarkState, ToothState } from '../models'

type Instant = Date | string | number

/** What the replay needs of an entry (an `OdontogramEntry` DTO or a table row both fit). */
export interface ReplayEntry {
  id: string
  kind: EntryKind
  clinical_type: ClinicalType
  status: EntryStatus | null
  existing: boolean
  teeth: readonly { tooth: number, surfaces: readonly Surface[], role: ToothRole | null }[]
  recorded_at: Instant
  performed_at: Instant | null
  cancelled_at: Instant | null
  /** Deleted entries were charted in error: they never show, on any date. */
  deleted_at?: Instant | null
}

const ms = (v: Instant) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v))

/** Until when an entry counts; no `at`: everything written so far. */
const limitOf = (at?: Instant) => (at === undefined ? Number.POSITIVE_INFINITY : ms(at))

/** The treatment's status as it stood at `at` (conditions: null; not yet recorded: undefined). */
export function statusAt(entry: ReplayEntry, at?: Instant): EntryStatus | null | undefined {
  const limit = limitOf(at)
  const recorded = ms(entry.recorded_at)
  if (recorded > limit) return undefined
  if (entry.kind === 'condition') return null
  if (entry.existing) return 'performed'
  if (entry.cancelled_at !== null && ms(entry.cancelled_at) <= limit) return 'cancelled'
  if (entry.performed_at !== null && Math.max(recorded, ms(entry.performed_at)) <= limit) return 'performed'
  return 'planned'
}

interface ReplayEvent {
  time: number
  order: number
  phase: 0 | 1
  entry: ReplayEntry
  action: 'appear' | 'perform' | 'cancel'
}

function eventsOf(entry: ReplayEntry, order: number, limit: number): ReplayEvent[] {
  const recorded = ms(entry.recorded_at)
  if (recorded > limit || entry.deleted_at) return []
  const out: ReplayEvent[] = [{ time: recorded, order, phase: 0, entry, action: 'appear' }]
  if (entry.kind === 'condition' || entry.existing) return out
  if (entry.performed_at !== null) {
    const time = Math.max(recorded, ms(entry.performed_at))
    if (time <= limit) out.push({ time, order, phase: 1, entry, action: 'perform' })
  }
  if (entry.cancelled_at !== null && ms(entry.cancelled_at) <= limit) out.push({ time: ms(entry.cancelled_at), order, phase: 1, entry, action: 'cancel' })
  return out
}

interface Active {
  entry: ReplayEntry
  state: MarkState
  surfaces: readonly Surface[]
  role: ToothRole | null
  /** When it last changed (appear or perform), for "latest wins" on a surface. */
  touched: number
}

const isDone = (state: MarkState) => state === 'performed' || state === 'existing'

/** A treatment covers an earlier entry when it takes the whole tooth or every surface the earlier one names. */
function covers(by: readonly Surface[], earlier: readonly Surface[]): boolean {
  if (by.length === 0) return true
  return earlier.length > 0 && earlier.every(s => by.includes(s))
}

export interface ToothReplay {
  state: ToothState | null
  /** Entries superseded on this tooth → the entry that superseded them. */
  superseded: Map<string, string>
}

/** One tooth's replay from the entries naming it, in the order they were written. */
export function replayTooth(tooth: number, entries: readonly ReplayEntry[], at?: Instant): ToothReplay {
  const limit = limitOf(at)
  const events = entries.flatMap((entry, i) => entry.teeth.some(t => t.tooth === tooth) ? eventsOf(entry, i, limit) : [])
  events.sort((a, b) => a.time - b.time || a.order - b.order || a.phase - b.phase)
  const active = new Map<string, Active>()
  const superseded = new Map<string, string>()
  let present = true
  let tick = 0

  const done = (a: Active) => {
    const rule = CLINICAL_TYPE_RULES[a.entry.clinical_type]
    if (rule.removesTooth) present = false
    if (a.entry.clinical_type === 'implant') present = true
    for (const [id, other] of active) {
      if (id === a.entry.id || other.state === 'planned') continue
      if (rule.supersedes?.includes(other.entry.clinical_type) && covers(a.surfaces, other.surfaces)) {
        active.delete(id)
        superseded.set(id, a.entry.id)
      }
    }
  }

  for (const { entry, action } of events) {
    tick++
    if (action === 'appear') {
      const own = entry.teeth.find(t => t.tooth === tooth)!
      const state: MarkState = entry.kind === 'condition' ? 'condition' : entry.existing ? 'existing' : 'planned'
      const a: Active = { entry, state, surfaces: own.surfaces, role: own.role, touched: tick }
      active.set(entry.id, a)
      if (state === 'condition' && CLINICAL_TYPE_RULES[entry.clinical_type].removesTooth) present = false
      if (isDone(state)) done(a)
    }
    else if (action === 'perform') {
      const a = active.get(entry.id)
      if (!a) continue
      a.state = 'performed'
      a.touched = tick
      done(a)
    }
    else {
      active.delete(entry.id)
    }
  }
  return { state: toState(tooth, present, [...active.values()]), superseded }
}

function toMark(a: Active): ChartMark {
  return {
    entry_id: a.entry.id,
    kind: a.entry.kind,
    clinical_type: a.entry.clinical_type,
    state: a.state,
    tone: isDone(a.state) ? 'done' : 'todo',
    role: a.role,
  }
}

export function emptySurfaces(): Record<Surface, ChartMark | null> {
  return { M: null, D: null, O: null, B: null, L: null }
}

/** A tooth with nothing charted. */
export function bareTooth(tooth: number): ToothState {
  return { tooth, present: true, surfaces: emptySurfaces(), whole: null, conditions: [], treatments: [] }
}

function toState(tooth: number, present: boolean, active: Active[]): ToothState | null {
  if (active.length === 0 && present) return null
  const latest = (list: Active[]) => list.reduce<Active | null>((best, a) => (best === null || a.touched > best.touched ? a : best), null)
  const surfaces = emptySurfaces()
  for (const s of SURFACES) {
    const top = latest(active.filter(a => a.surfaces.includes(s)))
    surfaces[s] = top ? toMark(top) : null
  }
  const whole = latest(active.filter(a => a.surfaces.length === 0))
  return {
    tooth,
    present,
    surfaces,
    whole: whole ? toMark(whole) : null,
    conditions: active.filter(a => a.entry.kind === 'condition').map(toMark),
    treatments: active.filter(a => a.entry.kind === 'treatment').map(toMark),
  }
}

/** Every tooth an entry names. */
export function teethOf(entries: readonly ReplayEntry[]): number[] {
  return [...new Set(entries.flatMap(e => e.teeth.map(t => t.tooth)))].sort((a, b) => a - b)
}

/**
 * The chart's teeth on `at` (default: everything written), from the entries
 * in the order they were written. Teeth with nothing charted are left out.
 */
export function deriveToothStates(entries: readonly ReplayEntry[], at?: Instant): Map<number, ToothState> {
  return projectTeeth(entries, teethOf(entries), at)
}

/** The states of `teeth` only (a write refreshes the teeth of the entry it touched); null: nothing charted. */
export function projectTeeth(entries: readonly ReplayEntry[], teeth: readonly number[], at?: Instant): Map<number, ToothState> {
  const out = new Map<number, ToothState>()
  for (const tooth of teeth) {
    const { state } = replayTooth(tooth, entries, at)
    if (state) out.set(tooth, state)
  }
  return out
}

/**
 * Which entries are superseded (on every tooth they name) and by which entry
 * (the one that superseded them on their last tooth). Arch and mouth entries
 * name no tooth and are never superseded.
 */
export function deriveSupersession(entries: readonly ReplayEntry[], at?: Instant): Map<string, string> {
  const byTooth = new Map<number, Map<string, string>>()
  for (const tooth of teethOf(entries)) byTooth.set(tooth, replayTooth(tooth, entries, at).superseded)
  const out = new Map<string, string>()
  for (const entry of entries) {
    if (entry.teeth.length === 0) continue
    const by = entry.teeth.map(t => byTooth.get(t.tooth)?.get(entry.id))
    if (by.every(id => id !== undefined)) out.set(entry.id, by.at(-1)!)
  }
  return out
}

/** The entries on the chart at `at`: recorded, not deleted, not cancelled, not superseded. */
export function activeEntries<E extends ReplayEntry>(entries: readonly E[], at?: Instant): E[] {
  const superseded = deriveSupersession(entries, at)
  return entries.filter((e) => {
    if (e.deleted_at) return false
    const status = statusAt(e, at)
    return status !== undefined && status !== 'cancelled' && !superseded.has(e.id)
  })
}
