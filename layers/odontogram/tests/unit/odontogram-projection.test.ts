// Property: the projection the server keeps — each write re-deriving only the
// teeth of the entry it touched, from the live entries — always equals a full
// replay of every entry, for any sequence of charting, performing, cancelling
// and deleting.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLINICAL_TYPE_RULES, deriveSupersession, deriveToothStates, projectTeeth, SURFACES } from '../../models'
import type { ClinicalType, ReplayEntry, ToothState } from '../../models'

const TEETH = [16, 17, 26, 36, 46, 55]
const TYPES: ClinicalType[] = ['caries', 'fracture', 'missing', 'wear', 'abscess', 'filling', 'inlay', 'crown', 'root_canal', 'implant', 'extraction', 'sealant', 'veneer']
const DAY = 86_400_000
const START = Date.UTC(2026, 0, 1)

const createOp = fc.record({
  op: fc.constant('create' as const),
  type: fc.constantFrom(...TYPES),
  teeth: fc.uniqueArray(fc.constantFrom(...TEETH), { minLength: 1, maxLength: 3 }),
  surfaces: fc.subarray([...SURFACES], { minLength: 1 }),
  status: fc.constantFrom('planned', 'performed', 'existing'),
  day: fc.integer({ min: 0, max: 60 }),
})
const laterOp = fc.record({ op: fc.constantFrom('perform' as const, 'cancel' as const, 'delete' as const), pick: fc.nat(), day: fc.integer({ min: 0, max: 90 }) })
const ops = fc.array(fc.oneof({ weight: 3, arbitrary: createOp }, { weight: 2, arbitrary: laterOp }), { minLength: 1, maxLength: 40 })

type CreateOp = typeof createOp extends fc.Arbitrary<infer A> ? A : never
type LaterOp = typeof laterOp extends fc.Arbitrary<infer B> ? B : never
type Op = CreateOp | LaterOp

/** Applies one operation to the entries; returns the teeth it touched (what the server refreshes). */
function apply(entries: ReplayEntry[], op: Op, n: number): number[] {
  const at = (day: number) => new Date(START + day * DAY).toISOString()
  if (op.op === 'create') {
    const rule = CLINICAL_TYPE_RULES[op.type]
    const kind = rule.kind
    const surfaces = rule.surfaces === 'none' ? [] : op.surfaces
    const existing = kind === 'treatment' && op.status === 'existing'
    const performed = kind === 'treatment' && op.status === 'performed'
    entries.push({
      id: `e${n}`, kind, clinical_type: op.type,
      status: kind === 'condition' ? null : existing || performed ? 'performed' : 'planned',
      existing, teeth: op.teeth.map(tooth => ({ tooth, surfaces, role: null })),
      recorded_at: at(op.day), performed_at: performed ? at(op.day + 3) : null, cancelled_at: null, deleted_at: null,
    })
    return op.teeth
  }
  const live = entries.filter(e => !e.deleted_at && (op.op === 'delete' || (e.status === 'planned' && !e.existing)))
  if (live.length === 0) return []
  const e = live[op.pick % live.length]!
  const index = entries.indexOf(e)
  const day = Math.max(op.day, (Date.parse(String(e.recorded_at)) - START) / DAY)
  if (op.op === 'perform') entries[index] = { ...e, status: 'performed', performed_at: at(day) }
  if (op.op === 'cancel') entries[index] = { ...e, status: 'cancelled', cancelled_at: at(day) }
  if (op.op === 'delete') entries[index] = { ...e, deleted_at: at(day) }
  return e.teeth.map(t => t.tooth)
}

describe('the projection equals the replay', () => {
  it('for random sequences of chart writes', () => {
    fc.assert(fc.property(ops, (sequence) => {
      const entries: ReplayEntry[] = []
      const projection = new Map<number, ToothState>()
      sequence.forEach((op, i) => {
        const touched = apply(entries, op, i)
        // What the server does: the live entries, the touched teeth only.
        const live = entries.filter(e => !e.deleted_at)
        const fresh = projectTeeth(live, touched)
        for (const tooth of touched) {
          if (fresh.has(tooth)) projection.set(tooth, fresh.get(tooth)!)
          else projection.delete(tooth)
        }
        const replay = deriveToothStates(entries)
        expect(new Map([...projection].sort(([a], [b]) => a - b))).toEqual(replay)
        expect(deriveSupersession(live)).toEqual(deriveSupersession(entries))
      })
    }), { numRuns: 300 })
  })

  it('and replaying at the end of time equals replaying without a date', () => {
    fc.assert(fc.property(ops, (sequence) => {
      const entries: ReplayEntry[] = []
      sequence.forEach((op, i) => apply(entries, op, i))
      expect(deriveToothStates(entries, Date.UTC(2100, 0, 1))).toEqual(deriveToothStates(entries))
    }), { numRuns: 100 })
  })
})
