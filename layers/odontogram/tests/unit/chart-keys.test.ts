import { describe, expect, it } from 'vitest'
import { chartLayout } from '../../lib/chart-geometry'
import { moveFocus, surfaceForKey } from '../../lib/chart-keys'

const permanent = chartLayout('permanent')
const mixed = chartLayout('mixed')

describe('keyboard moves on the chart', () => {
  it('goes to the neighbouring tooth on screen, across the midline, and stops at the ends', () => {
    expect(moveFocus(permanent, { tooth: 16, part: 'O' }, 'ArrowRight')).toEqual({ tooth: 15, part: 'O' })
    expect(moveFocus(permanent, { tooth: 11, part: 'M' }, 'ArrowRight')).toEqual({ tooth: 21, part: 'M' })
    expect(moveFocus(permanent, { tooth: 21, part: 'W' }, 'ArrowLeft')).toEqual({ tooth: 11, part: 'W' })
    expect(moveFocus(permanent, { tooth: 18, part: 'W' }, 'ArrowLeft')).toEqual({ tooth: 18, part: 'W' })
    expect(moveFocus(permanent, { tooth: 38, part: 'W' }, 'ArrowRight')).toEqual({ tooth: 38, part: 'W' })
    expect(moveFocus(permanent, { tooth: 44, part: 'W' }, 'Home')).toEqual({ tooth: 48, part: 'W' })
    expect(moveFocus(permanent, { tooth: 44, part: 'W' }, 'End')).toEqual({ tooth: 38, part: 'W' })
  })

  it('goes up and down to the tooth drawn above or below', () => {
    expect(moveFocus(permanent, { tooth: 16, part: 'O' }, 'ArrowDown')).toEqual({ tooth: 46, part: 'O' })
    expect(moveFocus(permanent, { tooth: 36, part: 'O' }, 'ArrowUp')).toEqual({ tooth: 26, part: 'O' })
    expect(moveFocus(permanent, { tooth: 16, part: 'O' }, 'ArrowUp')).toEqual({ tooth: 16, part: 'O' })
    expect(moveFocus(mixed, { tooth: 15, part: 'W' }, 'ArrowDown')).toEqual({ tooth: 55, part: 'W' })
    expect(moveFocus(mixed, { tooth: 55, part: 'W' }, 'ArrowDown')).toEqual({ tooth: 85, part: 'W' })
    expect(moveFocus(mixed, { tooth: 85, part: 'W' }, 'ArrowDown')).toEqual({ tooth: 45, part: 'W' })
  })

  it('ignores other keys', () => {
    expect(moveFocus(permanent, { tooth: 16, part: 'O' }, 'x')).toBeNull()
  })

  it('picks surfaces by number or by letter in English or Spanish', () => {
    const picks = Object.fromEntries(['1', '2', '3', '4', '5', '0', 'm', 'D', 'o', 'i', 'b', 'V', 'l', 'p', 'w', 'x'].map(k => [k, surfaceForKey(k)]))
    expect(picks).toEqual({ 1: 'M', 2: 'D', 3: 'O', 4: 'B', 5: 'L', 0: 'W', m: 'M', D: 'D', o: 'O', i: 'O', b: 'B', V: 'B', l: 'L', p: 'L', w: 'W', x: null })
  })
})
