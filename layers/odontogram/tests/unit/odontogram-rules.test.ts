import { describe, expect, it } from 'vitest'
import { ALL_TEETH, archOf, DECIDUOUS_TEETH, isFdiTooth, PERMANENT_TEETH } from '../../models'
import { bridgeIssues, defaultScope, entryIssues, itemIssues, missingToothConflict } from '../../lib/odontogram-rules'
import type { EntryShape } from '../../lib/odontogram-rules'
import { ageOn, dentitionFor } from '../../lib/odontogram-dentition'

const shape = (over: Partial<EntryShape>): EntryShape => ({ kind: 'treatment', clinical_type: 'crown', teeth: [], arch: null, existing: false, ...over })
const teeth = (...list: [number, string[]?, ('pillar' | 'pontic' | null)?][]) => list.map(([tooth, surfaces = [], role = null]) => ({ tooth, surfaces: surfaces as never[], role }))
const codes = (s: EntryShape) => entryIssues(s).issues.map(i => [i.field, i.code])

describe('FDI numbers', () => {
  it('52 teeth: 32 permanent, 20 deciduous, each once', () => {
    expect(PERMANENT_TEETH).toHaveLength(32)
    expect(DECIDUOUS_TEETH).toHaveLength(20)
    expect(new Set(ALL_TEETH).size).toBe(52)
    expect(PERMANENT_TEETH.slice(0, 9)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 21])
    expect(DECIDUOUS_TEETH.slice(0, 6)).toEqual([51, 52, 53, 54, 55, 61])
  })

  it.each([
    [11, true], [18, true], [28, true], [38, true], [48, true], [51, true], [55, true], [85, true],
    [10, false], [19, false], [20, false], [49, false], [50, false], [56, false], [86, false], [91, false], [0, false], [-11, false], [16.5, false],
  ])('%s is an FDI tooth: %s', (n, expected) => {
    expect(isFdiTooth(n)).toBe(expected)
  })

  it.each([[11, 'upper'], [28, 'upper'], [55, 'upper'], [65, 'upper'], [31, 'lower'], [48, 'lower'], [75, 'lower'], [81, 'lower']])('%s is in the %s arch', (n, arch) => {
    expect(archOf(n)).toBe(arch)
  })
})

describe('entry shape rules', () => {
  it.each([
    ['a crown on one tooth', shape({ teeth: teeth([16]) }), []],
    ['a caries with surfaces', shape({ kind: 'condition', clinical_type: 'caries', teeth: teeth([16, ['O', 'M']]) }), []],
    ['a caries without surfaces (the whole tooth)', shape({ kind: 'condition', clinical_type: 'caries', teeth: teeth([16]) }), []],
    ['a filling on two teeth', shape({ clinical_type: 'filling', teeth: teeth([16, ['O']], [17, ['M']]) }), []],
    ['an FDI number out of range', shape({ teeth: teeth([19]) }), [['teeth[0].tooth', 'odontogram.invalid_tooth']]],
    ['a duplicated tooth', shape({ teeth: teeth([16], [16]) }), [['teeth[1].tooth', 'odontogram.duplicate_tooth']]],
    ['surfaces on a crown', shape({ teeth: teeth([16, ['O']]) }), [['teeth[0].surfaces', 'odontogram.surfaces_not_allowed']]],
    ['a filling without surfaces', shape({ clinical_type: 'filling', teeth: teeth([16]) }), [['teeth[0].surfaces', 'odontogram.surfaces_required']]],
    ['a surface twice', shape({ clinical_type: 'filling', teeth: teeth([16, ['O', 'O']]) }), [['teeth[0].surfaces', 'odontogram.duplicate_surface']]],
    ['a role on a crown', shape({ teeth: teeth([16, [], 'pillar']) }), [['teeth[0].role', 'odontogram.role_not_allowed']]],
    ['a kind mismatch', shape({ kind: 'condition', teeth: teeth([99]) }), [['clinical_type', 'odontogram.type_kind_mismatch']]],
    ['a status on a condition', shape({ kind: 'condition', clinical_type: 'fracture', teeth: teeth([11]), status: 'planned' }), [['status', 'odontogram.status_not_allowed']]],
    ['existing on a condition', shape({ kind: 'condition', clinical_type: 'fracture', teeth: teeth([11]), existing: true }), [['existing', 'odontogram.existing_not_allowed']]],
    ['existing but planned', shape({ teeth: teeth([11]), existing: true, status: 'planned' }), [['status', 'odontogram.existing_is_performed']]],
    ['tooth scope with two teeth', shape({ teeth: teeth([11], [12]), scope: 'tooth' }), [['teeth', 'odontogram.one_tooth']]],
    ['a mouth entry with teeth', shape({ clinical_type: 'cleaning', teeth: teeth([11]), scope: 'mouth' }), [['teeth', 'odontogram.no_teeth']]],
    ['an arch entry without the arch', shape({ clinical_type: 'denture', scope: 'arch' }), [['arch', 'odontogram.arch_required']]],
    ['an arch on a tooth entry', shape({ teeth: teeth([11]), arch: 'upper' }), [['arch', 'odontogram.arch_not_allowed']]],
    ['a crown on the mouth', shape({ scope: 'mouth' }), [['scope', 'odontogram.scope_not_allowed']]],
  ] as const)('%s', (_label, s, expected) => {
    expect(codes(s)).toEqual(expected)
  })

  it.each([
    [0, null, 'mouth'], [0, 'lower', 'arch'], [1, null, 'tooth'], [2, null, 'multi_tooth'], [5, null, 'multi_tooth'],
  ] as const)('%s teeth, arch %s: default scope %s', (n, arch, scope) => {
    expect(defaultScope(n, arch)).toBe(scope)
  })
})

describe('bridges', () => {
  it.each([
    ['3 units 14-15-16', teeth([14, [], 'pillar'], [15, [], 'pontic'], [16, [], 'pillar']), []],
    ['sent in any order', teeth([16, [], 'pillar'], [14, [], 'pillar'], [15, [], 'pontic']), []],
    ['across the midline 11-21', teeth([11, [], 'pillar'], [21, [], 'pillar']), []],
    ['lower 31-41-42', teeth([31, [], 'pillar'], [41, [], 'pontic'], [42, [], 'pillar']), []],
    ['4 units, two pontics', teeth([44, [], 'pillar'], [45, [], 'pontic'], [46, [], 'pontic'], [47, [], 'pillar']), []],
    ['a pillar in the middle is fine', teeth([13, [], 'pillar'], [14, [], 'pillar'], [15, [], 'pontic'], [16, [], 'pillar']), []],
    ['a gap', teeth([14, [], 'pillar'], [16, [], 'pillar']), ['odontogram.bridge_not_contiguous']],
    ['upper and lower', teeth([16, [], 'pillar'], [46, [], 'pillar']), ['odontogram.bridge_not_contiguous']],
    ['permanent and deciduous', teeth([55, [], 'pillar'], [16, [], 'pillar']), ['odontogram.bridge_not_contiguous']],
    ['18 and 28 are not neighbours', teeth([18, [], 'pillar'], [28, [], 'pillar']), ['odontogram.bridge_not_contiguous']],
    ['a pontic at the end', teeth([14, [], 'pillar'], [15, [], 'pillar'], [16, [], 'pontic']), ['odontogram.bridge_pillars']],
    ['a pontic at the start', teeth([14, [], 'pontic'], [15, [], 'pillar']), ['odontogram.bridge_pillars']],
  ] as const)('%s', (_label, list, expected) => {
    expect(bridgeIssues(list).map(i => i.code)).toEqual(expected)
  })

  it('a bridge of one tooth is refused by its scope', () => {
    expect(codes(shape({ clinical_type: 'bridge', teeth: teeth([14, [], 'pillar']), scope: 'multi_tooth' }))).toEqual([['teeth', 'odontogram.several_teeth']])
    expect(codes(shape({ clinical_type: 'bridge', teeth: teeth([14, [], 'pillar']) }))).toEqual([['scope', 'odontogram.scope_not_allowed']])
  })
})

describe('catalog items and missing teeth', () => {
  const item = { scope: 'tooth' as const, requires_surfaces: true, clinical_type: 'filling' as const }
  it.each([
    ['the matching type on one tooth', shape({ clinical_type: 'filling', teeth: teeth([16, ['O']]) }), 'tooth', item, []],
    ['a per-tooth item on several teeth', shape({ clinical_type: 'filling', teeth: teeth([16, ['O']], [17, ['O']]) }), 'multi_tooth', item, []],
    ['another type', shape({ clinical_type: 'inlay', teeth: teeth([16, ['O']]) }), 'tooth', item, ['clinical_type']],
    ['surfaces required by the item', shape({ clinical_type: 'sealant', teeth: teeth([16]) }), 'tooth', { ...item, clinical_type: 'sealant' as const }, ['teeth[0].surfaces']],
    ['an arch item on teeth', shape({ clinical_type: 'denture', teeth: teeth([16], [17]) }), 'multi_tooth', { scope: 'arch' as const, requires_surfaces: false, clinical_type: 'denture' as const }, ['catalog_item_id']],
    ['an item charting as nothing', shape({ teeth: teeth([16]) }), 'tooth', { scope: 'tooth' as const, requires_surfaces: false, clinical_type: null }, []],
  ] as const)('%s', (_label, s, scope, it_, fields) => {
    expect(itemIssues(it_, s, scope).map(i => i.field)).toEqual(fields)
  })

  const gone = (...missing: number[]) => (t: number) => missing.includes(t)
  it.each([
    ['a filling on a missing tooth', shape({ clinical_type: 'filling', teeth: teeth([46, ['O']]) }), gone(46), 46],
    ['a crown on a present tooth', shape({ teeth: teeth([46]) }), gone(36), null],
    ['an implant in the gap', shape({ clinical_type: 'implant', teeth: teeth([46]) }), gone(46), null],
    ['a pontic over the gap', shape({ clinical_type: 'bridge', teeth: teeth([45, [], 'pillar'], [46, [], 'pontic'], [47, [], 'pillar']) }), gone(46), null],
    ['a pillar on the gap', shape({ clinical_type: 'bridge', teeth: teeth([45, [], 'pontic'], [46, [], 'pillar']) }), gone(46), 46],
    ['caries on a missing tooth', shape({ kind: 'condition', clinical_type: 'caries', teeth: teeth([46]) }), gone(46), 46],
    ['an extraction of a missing tooth', shape({ clinical_type: 'extraction', teeth: teeth([18]) }), gone(18), 18],
  ] as const)('%s → %s', (_label, s, isMissing, expected) => {
    expect(missingToothConflict(s, isMissing)).toBe(expected)
  })
})

describe('dentition', () => {
  it.each([
    ['2020-06-01', '2026-05-31', 5], ['2020-06-01', '2026-06-01', 6], [null, '2026-01-01', null], ['1980-02-29', '2026-02-28', 45],
  ] as const)('born %s, on %s: %s years', (dob, on, age) => {
    expect(ageOn(dob, on)).toBe(age)
  })
  it.each([
    [3, [], 'deciduous'], [3, [16], 'mixed'], [8, [], 'mixed'], [30, [], 'permanent'], [30, [75], 'mixed'], [null, [], 'permanent'], [null, [55, 16], 'mixed'], [14, [], 'permanent'],
  ] as const)('age %s with %j charted: %s', (age, charted, expected) => {
    expect(dentitionFor(age, charted)).toBe(expected)
  })
})
