import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  CHART_SURFACES, ROWS, chartLayout, mesialSide, surfaceRegion, surfaceWord, toothKind,
} from '../../lib/chart-geometry'
import type { ChartSurface, Side } from '../../lib/chart-geometry'

// Written by hand from the rule "mesial faces the midline": quadrants 1, 4, 5, 8
// are drawn on the viewer's left, so their mesial surface is on the RIGHT of the
// tooth's drawing; quadrants 2, 3, 6, 7 on the viewer's right, mesial on the LEFT.
const MESIAL: Record<number, Side> = {
  18: 'right', 17: 'right', 16: 'right', 15: 'right', 14: 'right', 13: 'right', 12: 'right', 11: 'right',
  21: 'left', 22: 'left', 23: 'left', 24: 'left', 25: 'left', 26: 'left', 27: 'left', 28: 'left',
  38: 'left', 37: 'left', 36: 'left', 35: 'left', 34: 'left', 33: 'left', 32: 'left', 31: 'left',
  41: 'right', 42: 'right', 43: 'right', 44: 'right', 45: 'right', 46: 'right', 47: 'right', 48: 'right',
  55: 'right', 54: 'right', 53: 'right', 52: 'right', 51: 'right',
  61: 'left', 62: 'left', 63: 'left', 64: 'left', 65: 'left',
  75: 'left', 74: 'left', 73: 'left', 72: 'left', 71: 'left',
  81: 'right', 82: 'right', 83: 'right', 84: 'right', 85: 'right',
}

const ALL = Object.keys(MESIAL).map(Number)
const slotOf = (tooth: number) => chartLayout('mixed').slots.find(s => s.tooth === tooth)!

describe('the dentist\'s view', () => {
  it('lists all 52 teeth exactly once in the mixed view', () => {
    expect(ALL).toHaveLength(52)
    expect(chartLayout('mixed').slots.map(s => s.tooth).sort()).toEqual([...ALL].sort())
    expect(chartLayout('permanent').slots).toHaveLength(32)
    expect(chartLayout('deciduous').slots).toHaveLength(20)
  })

  it('draws the rows from the patient\'s right (viewer\'s left) to the patient\'s left', () => {
    expect(ROWS.upperPermanent).toEqual([18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28])
    expect(ROWS.lowerPermanent).toEqual([48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38])
    expect(ROWS.upperDeciduous).toEqual([55, 54, 53, 52, 51, 61, 62, 63, 64, 65])
    expect(ROWS.lowerDeciduous).toEqual([85, 84, 83, 82, 81, 71, 72, 73, 74, 75])
    for (const dentition of ['permanent', 'deciduous', 'mixed'] as const) {
      const { slots, midlineX } = chartLayout(dentition)
      for (const s of slots) {
        const leftHalf = [1, 4, 5, 8].includes(Math.floor(s.tooth / 10))
        expect(leftHalf ? s.x < midlineX : s.x > midlineX, `${dentition} ${s.tooth}`).toBe(true)
      }
    }
    // Upper above lower; in the mixed view a primary tooth sits under its successor.
    expect(slotOf(16).sideY).toBeLessThan(slotOf(55).sideY)
    expect(slotOf(55).sideY).toBeLessThan(slotOf(85).sideY)
    expect(slotOf(85).sideY).toBeLessThan(slotOf(46).sideY)
    expect(slotOf(55).x).toBe(slotOf(15).x)
    expect(slotOf(71).x).toBe(slotOf(31).x)
  })

  it.each(ALL)('tooth %i: mesial towards the midline', (tooth) => {
    expect(mesialSide(tooth)).toBe(MESIAL[tooth])
    expect(surfaceRegion('M', tooth)).toBe(MESIAL[tooth])
    expect(surfaceRegion('D', tooth)).toBe(MESIAL[tooth] === 'right' ? 'left' : 'right')
    const { midlineX } = chartLayout('mixed')
    const slot = slotOf(tooth)
    expect(slot.mesial).toBe(MESIAL[tooth])
    // Where it is drawn: the mesial polygon is nearer the midline than the distal one…
    expect(Math.abs(slot.centers.M.x - midlineX)).toBeLessThan(Math.abs(slot.centers.D.x - midlineX))
    expect(MESIAL[tooth] === 'right' ? slot.centers.M.x > slot.centers.D.x : slot.centers.M.x < slot.centers.D.x).toBe(true)
    // …and the side view is mirrored (negative x scale) exactly when mesial is on the left.
    const sx = Number(slot.sideTransform.match(/^matrix\(([-\d.]+)/)![1])
    expect(sx < 0).toBe(MESIAL[tooth] === 'left')
  })

  it('puts buccal outwards and lingual/palatal towards the middle of the chart', () => {
    for (const tooth of [16, 11, 21, 26, 55, 65]) {
      expect(surfaceRegion('B', tooth), String(tooth)).toBe('top')
      expect(surfaceRegion('L', tooth), String(tooth)).toBe('bottom')
      expect(slotOf(tooth).centers.B.y).toBeLessThan(slotOf(tooth).centers.L.y)
    }
    for (const tooth of [46, 41, 31, 36, 85, 75]) {
      expect(surfaceRegion('B', tooth), String(tooth)).toBe('bottom')
      expect(surfaceRegion('L', tooth), String(tooth)).toBe('top')
      expect(slotOf(tooth).centers.B.y).toBeGreaterThan(slotOf(tooth).centers.L.y)
    }
    // Roots point away from the occlusal plane.
    expect(slotOf(16).sideTransform).toMatch(/^matrix\([-\d.]+ 0 0 1 /)
    expect(slotOf(46).sideTransform).toMatch(/^matrix\([-\d.]+ 0 0 -1 /)
  })

  it('knows the kind of every tooth', () => {
    const kinds: Record<number, string> = {
      11: 'incisor', 12: 'incisor', 13: 'canine', 14: 'premolar', 15: 'premolar', 16: 'molar', 17: 'molar', 18: 'molar',
      31: 'incisor', 43: 'canine', 35: 'premolar', 48: 'molar',
      51: 'incisor', 62: 'incisor', 73: 'canine', 84: 'molar', 55: 'molar',
    }
    for (const [tooth, kind] of Object.entries(kinds)) expect(toothKind(Number(tooth)), tooth).toBe(kind)
  })
})

type Tree = { [key: string]: string | Tree }
const locale = (code: string) => JSON.parse(readFileSync(new URL(`../../i18n/locales/${code}.json`, import.meta.url), 'utf8')) as Tree
const letter = (code: string, surface: ChartSurface, tooth: number) => {
  const words = ((locale(code).odontogram as Tree).surface as Tree).letter as Tree
  return words[surfaceWord(surface, tooth)]
}

describe('surface letters', () => {
  // tooth → the letters of M D O B L, by hand.
  const EN: Record<number, string> = { 16: 'MDOBL', 11: 'MDIBL', 13: 'MDIBL', 46: 'MDOBL', 41: 'MDIBL', 55: 'MDOBL', 83: 'MDIBL' }
  const ES: Record<number, string> = { 16: 'MDOVP', 11: 'MDIVP', 13: 'MDIVP', 46: 'MDOVL', 41: 'MDIVL', 55: 'MDOVP', 83: 'MDIVL', 36: 'MDOVL', 24: 'MDOVP' }

  it.each(Object.entries(EN))('English, tooth %s: %s', (tooth, letters) => {
    expect(CHART_SURFACES.map(s => letter('en', s, Number(tooth))).join('')).toBe(letters)
  })

  it.each(Object.entries(ES))('Spanish, tooth %s: %s', (tooth, letters) => {
    expect(CHART_SURFACES.map(s => letter('es', s, Number(tooth))).join('')).toBe(letters)
  })

  it('shows O as incisal on every incisor and canine and L as palatal on every upper tooth (Spanish)', () => {
    for (const tooth of ALL) {
      const anterior = tooth % 10 <= 3
      const upper = [1, 2, 5, 6].includes(Math.floor(tooth / 10))
      expect(letter('es', 'O', tooth), String(tooth)).toBe(anterior ? 'I' : 'O')
      expect(letter('es', 'L', tooth), String(tooth)).toBe(upper ? 'P' : 'L')
      expect(letter('es', 'B', tooth), String(tooth)).toBe('V')
      expect(letter('en', 'B', tooth), String(tooth)).toBe('B')
    }
  })
})
