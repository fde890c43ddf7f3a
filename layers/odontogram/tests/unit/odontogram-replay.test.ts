import { describe, expect, it } from 'vitest'
import { activeEntries, deriveSupersession, deriveToothStates, statusAt } from '../../models'
import type { ReplayEntry } from '../../models'

let n = 0
function entry(over: Partial<ReplayEntry> & Pick<ReplayEntry, 'clinical_type'>): ReplayEntry {
  n++
  const kind = over.kind ?? (['caries', 'fracture', 'missing', 'wear', 'abscess', 'periapical_lesion'].includes(over.clinical_type) ? 'condition' : 'treatment')
  return {
    id: `e${n}`, kind, status: kind === 'condition' ? null : 'planned', existing: false, teeth: [], recorded_at: '2026-01-01T10:00:00Z',
    performed_at: null, cancelled_at: null, ...over,
  }
}
const on = (tooth: number, ...surfaces: ('M' | 'D' | 'O' | 'B' | 'L')[]) => [{ tooth, surfaces, role: null }]
const mark = (e: ReplayEntry, state: string) => ({ entry_id: e.id, kind: e.kind, clinical_type: e.clinical_type, state, tone: state === 'condition' || state === 'planned' ? 'todo' : 'done', role: null })

describe('replaying a tooth', () => {
  const caries = entry({ clinical_type: 'caries', teeth: on(16, 'O'), recorded_at: '2026-01-10T10:00:00Z' })
  const fill = entry({ clinical_type: 'filling', teeth: on(16, 'O'), recorded_at: '2026-01-20T10:00:00Z', status: 'performed', performed_at: '2026-02-03T10:00:00Z' })
  const all = [caries, fill]

  it.each([
    ['before anything', '2026-01-01T00:00:00Z', undefined],
    ['with the caries', '2026-01-15T00:00:00Z', { O: mark(caries, 'condition'), conditions: [mark(caries, 'condition')], treatments: [] }],
    ['with the filling planned (newest on O)', '2026-01-25T00:00:00Z', { O: mark(fill, 'planned'), conditions: [mark(caries, 'condition')], treatments: [mark(fill, 'planned')] }],
    ['after the filling: the caries superseded', '2026-02-04T00:00:00Z', { O: mark(fill, 'performed'), conditions: [], treatments: [mark(fill, 'performed')] }],
    ['now', undefined, { O: mark(fill, 'performed'), conditions: [], treatments: [mark(fill, 'performed')] }],
  ])('%s', (_label, at, expected) => {
    const t16 = deriveToothStates(all, at).get(16)
    if (!expected) return expect(t16).toBeUndefined()
    expect(t16).toEqual({
      tooth: 16, present: true, whole: null, conditions: expected.conditions, treatments: expected.treatments,
      surfaces: { M: null, D: null, O: expected.O, B: null, L: null },
    })
  })

  it('supersession is derived per date', () => {
    expect([...deriveSupersession(all, '2026-01-25T00:00:00Z')]).toEqual([])
    expect([...deriveSupersession(all)]).toEqual([[caries.id, fill.id]])
    expect(activeEntries(all, '2026-01-25T00:00:00Z').map(e => e.id)).toEqual([caries.id, fill.id])
    expect(activeEntries(all).map(e => e.id)).toEqual([fill.id])
  })

  it('the status as it stood', () => {
    expect([statusAt(fill, '2026-01-19T00:00:00Z'), statusAt(fill, '2026-01-21T00:00:00Z'), statusAt(fill)]).toEqual([undefined, 'planned', 'performed'])
    const cancelled = entry({ clinical_type: 'crown', teeth: on(11), status: 'cancelled', cancelled_at: '2026-03-01T00:00:00Z' })
    expect([statusAt(cancelled, '2026-02-01T00:00:00Z'), statusAt(cancelled)]).toEqual(['planned', 'cancelled'])
    expect(statusAt(caries)).toBeNull()
  })

  it('a filling on O does not cover a caries on M, nor a whole-tooth caries', () => {
    const m = entry({ clinical_type: 'caries', teeth: on(26, 'M') })
    const whole = entry({ clinical_type: 'caries', teeth: on(26) })
    const f = entry({ clinical_type: 'filling', teeth: on(26, 'O'), status: 'performed', performed_at: '2026-01-02T10:00:00Z' })
    expect(deriveSupersession([m, whole, f])).toEqual(new Map())
    // A crown covers the whole tooth.
    const crown = entry({ clinical_type: 'crown', teeth: on(26), status: 'performed', performed_at: '2026-01-03T10:00:00Z' })
    expect(deriveSupersession([m, whole, f, crown])).toEqual(new Map([[m.id, crown.id], [whole.id, crown.id], [f.id, crown.id]]))
  })

  it('missing, then an implant: gone, then present again', () => {
    const missing = entry({ clinical_type: 'missing', teeth: on(36) })
    const implant = entry({ clinical_type: 'implant', teeth: on(36), recorded_at: '2026-02-01T10:00:00Z', status: 'performed', performed_at: '2026-03-01T10:00:00Z' })
    expect(deriveToothStates([missing, implant], '2026-02-15T00:00:00Z').get(36)).toMatchObject({ present: false, whole: mark(implant, 'planned') })
    expect(deriveToothStates([missing, implant]).get(36)).toMatchObject({ present: true, whole: mark(implant, 'performed'), conditions: [] })
  })

  it('a bridge marks each tooth with its role; only the whole bridge is superseded', () => {
    const bridge = entry({ clinical_type: 'bridge', teeth: [{ tooth: 14, surfaces: [], role: 'pillar' }, { tooth: 15, surfaces: [], role: 'pontic' }, { tooth: 16, surfaces: [], role: 'pillar' }] })
    const states = deriveToothStates([bridge])
    expect([...states.keys()]).toEqual([14, 15, 16])
    expect(states.get(15)!.whole).toEqual({ ...mark(bridge, 'planned'), role: 'pontic' })
    const caries = entry({ clinical_type: 'caries', teeth: [{ tooth: 14, surfaces: ['O'], role: null }, { tooth: 15, surfaces: ['O'], role: null }] })
    const fill = entry({ clinical_type: 'filling', teeth: on(14, 'O'), status: 'performed', performed_at: '2026-01-02T00:00:00Z' })
    // Covered on 14 only: the two-tooth caries entry is still on the chart (on 15).
    expect(deriveSupersession([caries, fill])).toEqual(new Map())
    expect(deriveToothStates([caries, fill]).get(15)!.conditions).toEqual([mark(caries, 'condition')])
    expect(deriveToothStates([caries, fill]).get(14)!.conditions).toEqual([])
  })

  it('deleted entries never show; existing work is done from the day it was charted', () => {
    const gone = entry({ clinical_type: 'caries', teeth: on(11, 'M'), deleted_at: '2026-01-05T00:00:00Z' })
    const found = entry({ clinical_type: 'crown', teeth: on(21), status: 'performed', existing: true, performed_at: '2019-01-01T00:00:00Z' })
    const states = deriveToothStates([gone, found], '2026-01-02T00:00:00Z')
    expect(states.has(11)).toBe(false)
    expect(states.get(21)!.whole).toEqual(mark(found, 'existing'))
  })

  it('an extraction removes the tooth and supersedes what was on it', () => {
    const caries = entry({ clinical_type: 'caries', teeth: on(48, 'O') })
    const ext = entry({ clinical_type: 'extraction', teeth: on(48), status: 'performed', performed_at: '2026-01-02T00:00:00Z' })
    expect(deriveToothStates([caries, ext]).get(48)).toMatchObject({ present: false, conditions: [], whole: mark(ext, 'performed') })
    // Planned, it changes nothing yet.
    const planned = { ...ext, status: 'planned' as const, performed_at: null }
    expect(deriveToothStates([caries, planned]).get(48)).toMatchObject({ present: true, conditions: [mark(caries, 'condition')] })
  })
})
