import { describe, expect, it } from 'vitest'
import { chartPaint, paintKey } from '../../lib/chart-paint'
import type { PaintEntry, PaintToothState } from '../../lib/chart-paint'

const state = (tooth: number, surfaces: Record<string, 'todo' | 'done'> = {}, present = true): PaintToothState =>
  ({ tooth, present, surfaces: Object.fromEntries(Object.entries(surfaces).map(([s, tone]) => [s, { tone }])) })
const entry = (over: Partial<PaintEntry> & Pick<PaintEntry, 'clinical_type'>): PaintEntry => ({
  id: over.clinical_type, kind: 'treatment', status: 'planned', teeth: [], ...over,
})

describe('what the chart draws', () => {
  it('colours surfaces as the server derived them and leaves bare teeth out', () => {
    const paint = chartPaint([state(16, { O: 'todo', M: 'done' }), state(17)], [])
    expect(paint.teeth.get(16)).toEqual({ tooth: 16, missing: false, surfaces: { O: 'todo', M: 'done' }, marks: {} })
    expect(paint.teeth.has(17)).toBe(false)
  })

  it('draws a missing tooth from its state', () => {
    expect(chartPaint([state(18, {}, false)], []).teeth.get(18)?.missing).toBe(true)
  })

  it('marks whole-tooth work in its tone: planned to do, performed done', () => {
    const paint = chartPaint([], [
      entry({ clinical_type: 'crown', teeth: [{ tooth: 36, surfaces: [], role: null }] }),
      entry({ clinical_type: 'root_canal', status: 'performed', teeth: [{ tooth: 36, surfaces: [], role: null }] }),
      entry({ clinical_type: 'abscess', kind: 'condition', status: null, teeth: [{ tooth: 46, surfaces: [], role: null }] }),
      entry({ clinical_type: 'mobility', kind: 'condition', status: null, teeth: [{ tooth: 41, surfaces: [], role: null }] }),
    ])
    expect(paint.teeth.get(36)?.marks).toEqual({ crown: 'todo', root_canal: 'done' })
    expect(paint.teeth.get(46)?.marks).toEqual({ apical: 'todo' })
    expect(paint.teeth.get(41)?.marks).toEqual({ other: 'todo' })
  })

  it('draws a bridge across its teeth with pillars and pontics', () => {
    const paint = chartPaint([], [entry({
      id: 'b1',
      clinical_type: 'bridge',
      status: 'performed',
      teeth: [{ tooth: 14, surfaces: [], role: 'pillar' }, { tooth: 15, surfaces: [], role: 'pontic' }, { tooth: 16, surfaces: [], role: 'pillar' }],
    })])
    expect(paint.bridges).toEqual([{ id: 'b1', teeth: [14, 15, 16], tone: 'done' }])
    expect(paint.teeth.get(15)?.marks).toEqual({ pontic: 'done' })
    expect(paint.teeth.get(16)?.marks).toEqual({ pillar: 'done' })
  })

  it('leaves surface work and cancelled work to the surfaces and the history', () => {
    const paint = chartPaint([], [
      entry({ clinical_type: 'filling', teeth: [{ tooth: 16, surfaces: ['O'], role: null }] }),
      entry({ clinical_type: 'crown', status: 'cancelled', teeth: [{ tooth: 26, surfaces: [], role: null }] }),
    ])
    expect(paint.teeth.size).toBe(0)
  })

  it('keys a paint by what it draws', () => {
    const a = chartPaint([state(16, { O: 'todo' })], []).teeth.get(16)
    const b = chartPaint([state(16, { O: 'done' })], []).teeth.get(16)
    expect(paintKey(a)).not.toBe(paintKey(b))
    expect(paintKey(undefined)).toBe('')
  })
})
