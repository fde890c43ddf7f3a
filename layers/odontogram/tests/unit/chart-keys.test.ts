import { describe, expect, it } from 'vitest'
import { chartLayout } from '../../lib/chart-geometry'
import { moveFocus, surfaceForKey } from '../../lib/chart-keys'
import type { ChartTarget } from '../../lib/chart-keys'

const layouts = { permanent: chartLayout('permanent'), mixed: chartLayout('mixed') }
const permanent = layouts.permanent

// [layout, from tooth, part, key, to tooth]: the part stays as it is.
type Move = [keyof typeof layouts, number, ChartTarget['part'], string, number]
const MOVES: Move[] = [
  // To the neighbouring tooth on screen, across the midline, stopping at the ends.
  ['permanent', 16, 'O', 'ArrowRight', 15],
  ['permanent', 11, 'M', 'ArrowRight', 21],
  ['permanent', 21, 'W', 'ArrowLeft', 11],
  ['permanent', 18, 'W', 'ArrowLeft', 18],
  ['permanent', 38, 'W', 'ArrowRight', 38],
  ['permanent', 44, 'W', 'Home', 48],
  ['permanent', 44, 'W', 'End', 38],
  // Up and down to the tooth drawn above or below.
  ['permanent', 16, 'O', 'ArrowDown', 46],
  ['permanent', 36, 'O', 'ArrowUp', 26],
  ['permanent', 16, 'O', 'ArrowUp', 16],
  ['mixed', 15, 'W', 'ArrowDown', 55],
  ['mixed', 55, 'W', 'ArrowDown', 85],
  ['mixed', 85, 'W', 'ArrowDown', 45],
]

describe('keyboard moves on the chart', () => {
  it.each(MOVES)('%s: %i %s, %s → %i', (layout, tooth, part, key, to) => {
    expect(moveFocus(layouts[layout], { tooth, part }, key)).toEqual({ tooth: to, part })
  })

  it('ignores other keys', () => {
    expect(moveFocus(permanent, { tooth: 16, part: 'O' }, 'x')).toBeNull()
  })

  it('picks surfaces by number or by letter in English or Spanish', () => {
    const picks = Object.fromEntries(['1', '2', '3', '4', '5', '0', 'm', 'D', 'o', 'i', 'b', 'V', 'l', 'p', 'w', 'x'].map(k => [k, surfaceForKey(k)]))
    expect(picks).toEqual({ 1: 'M', 2: 'D', 3: 'O', 4: 'B', 5: 'L', 0: 'W', m: 'M', D: 'D', o: 'O', i: 'O', b: 'B', V: 'B', l: 'L', p: 'L', w: 'W', x: null })
  })
})
