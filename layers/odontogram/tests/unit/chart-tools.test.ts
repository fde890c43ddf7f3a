import { describe, expect, it } from 'vitest'
import { applyProblem, bridgeRoles, clickOutcome, entryInputs, toggle, toolRule } from '../../lib/chart-tools'
import type { ChartTool } from '../../lib/chart-tools'

const caries: ChartTool = { kind: 'condition', type: 'caries' }
const missing: ChartTool = { kind: 'condition', type: 'missing' }
const item = (over: Partial<Extract<ChartTool, { kind: 'treatment' }>['item']>): ChartTool => ({
  kind: 'treatment',
  item: { id: 'i1', names: { en: 'Thing' }, clinical_type: 'filling', scope: 'tooth', requires_surfaces: true, ...over },
})
const composite = item({ id: 'comp', clinical_type: 'filling' })
const crown = item({ id: 'crown', clinical_type: 'crown', requires_surfaces: false })
const bridge = item({ id: 'br', clinical_type: 'bridge', scope: 'multi_tooth', requires_surfaces: false })
const cleaning = item({ id: 'cl', clinical_type: 'cleaning', scope: 'mouth', requires_surfaces: false })
const whitening = item({ id: 'wh', clinical_type: 'whitening', scope: 'arch', requires_surfaces: false })

describe('what a click does', () => {
  it('selects without a tool (shift/ctrl-click adds and removes)', () => {
    expect(clickOutcome(null, [], 16, 'O', false)).toEqual({ action: 'select', selection: [{ tooth: 16, surfaces: ['O'] }] })
    expect(clickOutcome(null, [{ tooth: 16, surfaces: ['O'] }], 17, null, false)).toEqual({ action: 'select', selection: [{ tooth: 17, surfaces: [] }] })
    expect(clickOutcome(null, [{ tooth: 16, surfaces: ['O'] }], 16, 'M', true)).toEqual({ action: 'select', selection: [{ tooth: 16, surfaces: ['M', 'O'] }] })
    expect(clickOutcome(null, [{ tooth: 16, surfaces: ['O'] }], 16, 'O', true)).toEqual({ action: 'select', selection: [] })
  })

  it('applies a surface condition or treatment to the clicked surface at once', () => {
    expect(clickOutcome(caries, [], 16, 'O', false)).toEqual({ action: 'apply', picks: [{ tooth: 16, surfaces: ['O'] }] })
    expect(clickOutcome(composite, [], 26, 'M', false)).toEqual({ action: 'apply', picks: [{ tooth: 26, surfaces: ['M'] }] })
  })

  it('applies whole-tooth work to the tooth wherever it is clicked', () => {
    expect(clickOutcome(crown, [], 36, 'O', false)).toEqual({ action: 'apply', picks: [{ tooth: 36, surfaces: [] }] })
    expect(clickOutcome(missing, [], 18, null, false)).toEqual({ action: 'apply', picks: [{ tooth: 18, surfaces: [] }] })
  })

  it('applies caries without surfaces to the whole tooth, but asks for surfaces for a filling', () => {
    expect(clickOutcome(caries, [], 16, null, false)).toEqual({ action: 'apply', picks: [{ tooth: 16, surfaces: [] }] })
    expect(clickOutcome(composite, [], 16, null, false)).toEqual({ action: 'select', selection: [{ tooth: 16, surfaces: [] }] })
  })

  it('collects with shift/ctrl-click, and always for a bridge', () => {
    expect(clickOutcome(composite, [{ tooth: 16, surfaces: ['O'] }], 16, 'M', true)).toEqual({ action: 'select', selection: [{ tooth: 16, surfaces: ['M', 'O'] }] })
    expect(clickOutcome(bridge, [{ tooth: 14, surfaces: [] }], 15, 'O', false)).toEqual({ action: 'select', selection: [{ tooth: 14, surfaces: [] }, { tooth: 15, surfaces: [] }] })
    expect(clickOutcome(bridge, [{ tooth: 14, surfaces: [] }, { tooth: 15, surfaces: [] }], 15, null, false)).toEqual({ action: 'select', selection: [{ tooth: 14, surfaces: [] }] })
  })

  it('applies arch work to the clicked tooth\'s arch', () => {
    expect(clickOutcome(whitening, [], 33, 'O', false)).toEqual({ action: 'apply', picks: [], arch: 'lower' })
    expect(clickOutcome(whitening, [], 61, null, false)).toEqual({ action: 'apply', picks: [], arch: 'upper' })
  })

  it('keeps the surfaces of a tooth in M D O B L order', () => {
    expect(toggle([{ tooth: 16, surfaces: ['O'] }], 16, 'M')).toEqual([{ tooth: 16, surfaces: ['M', 'O'] }])
    expect(toggle([{ tooth: 16, surfaces: ['L'] }], 16, 'B')).toEqual([{ tooth: 16, surfaces: ['B', 'L'] }])
  })
})

describe('the tool rules', () => {
  it('reads the clinical type\'s rule and the catalog item', () => {
    expect(toolRule(caries)).toEqual({ surfaces: 'optional', scope: 'tooth', collects: false, bridge: false })
    expect(toolRule(composite)).toEqual({ surfaces: 'required', scope: 'tooth', collects: false, bridge: false })
    expect(toolRule(crown)).toEqual({ surfaces: 'none', scope: 'tooth', collects: false, bridge: false })
    expect(toolRule(bridge)).toEqual({ surfaces: 'none', scope: 'multi_tooth', collects: true, bridge: true })
    expect(toolRule(cleaning).scope).toBe('mouth')
  })

  it('says what is missing before Apply', () => {
    expect(applyProblem(caries, [])).toBe('odontogram.tools.pickTooth')
    expect(applyProblem(composite, [{ tooth: 16, surfaces: [] }])).toBe('odontogram.tools.pickSurfaces')
    expect(applyProblem(composite, [{ tooth: 16, surfaces: ['O'] }])).toBeNull()
    expect(applyProblem(bridge, [{ tooth: 14, surfaces: [] }])).toBe('odontogram.tools.pickBridge')
    expect(applyProblem(cleaning, [])).toBeNull()
    expect(applyProblem(whitening, [])).toBe('odontogram.tools.pickArch')
  })

  it('gives a bridge pillars at both ends in mouth order, pontics between', () => {
    expect(bridgeRoles([16, 14, 15])).toEqual({ 14: 'pillar', 15: 'pontic', 16: 'pillar' })
    expect(bridgeRoles([11, 21, 12])).toEqual({ 12: 'pillar', 11: 'pontic', 21: 'pillar' })
    expect(bridgeRoles([36, 37])).toEqual({ 36: 'pillar', 37: 'pillar' })
  })
})

describe('the entries a selection becomes', () => {
  it('one condition per tooth', () => {
    expect(entryInputs(caries, [{ tooth: 16, surfaces: ['O'] }, { tooth: 17, surfaces: ['M', 'O'] }])).toEqual([
      { kind: 'condition', clinical_type: 'caries', scope: 'tooth', teeth: [{ tooth: 16, surfaces: ['O'] }] },
      { kind: 'condition', clinical_type: 'caries', scope: 'tooth', teeth: [{ tooth: 17, surfaces: ['M', 'O'] }] },
    ])
  })

  it('a planned treatment from the catalog, or one found done', () => {
    expect(entryInputs(composite, [{ tooth: 16, surfaces: ['O'] }])).toEqual([
      { kind: 'treatment', clinical_type: 'filling', catalog_item_id: 'comp', scope: 'tooth', teeth: [{ tooth: 16, surfaces: ['O'] }] },
    ])
    expect(entryInputs(crown, [{ tooth: 36, surfaces: ['O'] }], { existing: true })).toEqual([
      { kind: 'treatment', clinical_type: 'crown', catalog_item_id: 'crown', existing: true, scope: 'tooth', teeth: [{ tooth: 36, surfaces: [] }] },
    ])
  })

  it('one bridge with its roles', () => {
    expect(entryInputs(bridge, [{ tooth: 14, surfaces: [] }, { tooth: 15, surfaces: [] }, { tooth: 16, surfaces: [] }], { roles: { 14: 'pillar', 15: 'pontic', 16: 'pillar' } })).toEqual([
      {
        kind: 'treatment', clinical_type: 'bridge', catalog_item_id: 'br', scope: 'multi_tooth',
        teeth: [{ tooth: 14, surfaces: [], role: 'pillar' }, { tooth: 15, surfaces: [], role: 'pontic' }, { tooth: 16, surfaces: [], role: 'pillar' }],
      },
    ])
  })

  it('mouth and arch work name no teeth', () => {
    expect(entryInputs(cleaning, [])).toEqual([{ kind: 'treatment', clinical_type: 'cleaning', catalog_item_id: 'cl', scope: 'mouth', teeth: [] }])
    expect(entryInputs(whitening, [], { arch: 'lower' })).toEqual([{ kind: 'treatment', clinical_type: 'whitening', catalog_item_id: 'wh', scope: 'arch', arch: 'lower', teeth: [] }])
  })
})
