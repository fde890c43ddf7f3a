import { describe, expect, it } from 'vitest'
import {
  cardBox, coveredSlots, gridRange, layoutLanes, moveSpan, pixelsToMinutes, resizeSpan, rowOf, slotStarts, snapMinutes, spanOnDate,
} from '../../lib/agenda-layout'

const H = (h: number, m = 0) => h * 60 + m

describe('grid layout', () => {
  it('places an appointment on its clinic date', () => {
    expect(spanOnDate('2026-11-27T10:00:00+01:00', '2026-11-27T10:30:00+01:00', '2026-11-27', 'Europe/Madrid')).toEqual({ start: H(10), end: H(10, 30) })
    // The same instants seen from New York fall on other minutes.
    expect(spanOnDate('2026-11-27T10:00:00+01:00', '2026-11-27T10:30:00+01:00', '2026-11-27', 'America/New_York')).toEqual({ start: H(4), end: H(4, 30) })
    expect(spanOnDate('2026-11-27T10:00:00+01:00', '2026-11-27T10:30:00+01:00', '2026-11-28', 'Europe/Madrid')).toBeNull()
  })

  it('clips an appointment across midnight to each day', () => {
    const s = '2026-11-27T23:30:00+01:00'
    const e = '2026-11-28T00:30:00+01:00'
    expect(spanOnDate(s, e, '2026-11-27', 'Europe/Madrid')).toEqual({ start: H(23, 30), end: H(24) })
    expect(spanOnDate(s, e, '2026-11-28', 'Europe/Madrid')).toEqual({ start: 0, end: 30 })
    // Ending exactly at midnight: nothing on the next day.
    expect(spanOnDate(s, '2026-11-28T00:00:00+01:00', '2026-11-28', 'Europe/Madrid')).toBeNull()
  })

  it('shows clinic hours, widened to whole hours around appointments outside them', () => {
    expect(gridRange([])).toEqual({ start: H(8), end: H(20) })
    expect(gridRange([{ start: H(9), end: H(10) }])).toEqual({ start: H(8), end: H(20) })
    expect(gridRange([{ start: H(7, 30), end: H(8) }, { start: H(20), end: H(20, 15) }])).toEqual({ start: H(7), end: H(21) })
    expect(gridRange([{ start: H(23), end: H(24) }])).toEqual({ start: H(8), end: H(24) })
  })

  it('maps times to 15-minute rows', () => {
    const range = { start: H(8), end: H(20) }
    expect(slotStarts(range)).toHaveLength(48)
    expect(slotStarts(range)[1]).toBe(H(8, 15))
    expect(rowOf(H(8), range)).toBe(0)
    expect(rowOf(H(10, 14), range)).toBe(8)
    expect(rowOf(H(10, 15), range)).toBe(9)
  })

  it('puts overlapping appointments side by side and the rest full width', () => {
    const items = [
      { item: 'a', span: { start: H(9), end: H(10) } },
      { item: 'b', span: { start: H(9, 30), end: H(10, 30) } },
      { item: 'c', span: { start: H(10), end: H(11) } }, // overlaps b, reuses a's lane
      { item: 'd', span: { start: H(12), end: H(12, 30) } }, // alone
      { item: 'e', span: { start: H(11), end: H(11, 15) } }, // touches c's end: a new group
    ]
    const byItem = Object.fromEntries(layoutLanes(items).map(l => [l.item, [l.lane, l.lanes]]))
    expect(byItem).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1], e: [0, 1] })
  })

  it('gives three mutually overlapping appointments a third each', () => {
    const items = ['x', 'y', 'z'].map(item => ({ item, span: { start: H(9), end: H(10) } }))
    const laned = layoutLanes(items)
    expect(laned.map(l => l.lane).sort()).toEqual([0, 1, 2])
    expect(laned.every(l => l.lanes === 3)).toBe(true)
    expect(cardBox(laned[2]!, { start: H(8), end: H(20) }, 20)).toEqual({ top: 80, height: 80, left: (2 / 3) * 100, width: 100 / 3 })
  })

  it('clips a card to the drawn range and keeps it visible', () => {
    expect(cardBox({ span: { start: H(7), end: H(9) }, lane: 0, lanes: 1 }, { start: H(8), end: H(20) }, 24)).toMatchObject({ top: 0, height: 96 })
    expect(cardBox({ span: { start: H(9), end: H(9, 5) }, lane: 0, lanes: 1 }, { start: H(8), end: H(20) }, 24)).toMatchObject({ top: 96, height: 12 })
  })

  it('snaps moves and resizes to the quarter hour', () => {
    expect(snapMinutes(7)).toBe(0)
    expect(snapMinutes(8)).toBe(15)
    expect(snapMinutes(-8)).toBe(-15)
    expect(pixelsToMinutes(50, 24)).toBe(30) // 31.25 minutes
    expect(pixelsToMinutes(-13, 24)).toBe(-15)
    expect(moveSpan({ start: H(10), end: H(10, 30) }, 45)).toEqual({ start: H(10, 45), end: H(11, 15) })
    expect(moveSpan({ start: H(10, 5), end: H(10, 35) }, 0)).toEqual({ start: H(10), end: H(10, 30) })
    expect(moveSpan({ start: H(0, 30), end: H(1) }, -120)).toEqual({ start: 0, end: 30 })
    expect(moveSpan({ start: H(23), end: H(24) }, 60)).toEqual({ start: H(23), end: H(24) })
    expect(resizeSpan({ start: H(10), end: H(10, 30) }, 30)).toEqual({ start: H(10), end: H(11) })
    expect(resizeSpan({ start: H(10), end: H(10, 30) }, -60)).toEqual({ start: H(10), end: H(10, 15) })
  })

  it('knows which slots are taken', () => {
    expect([...coveredSlots([{ start: H(10), end: H(10, 30) }, { start: H(11, 5), end: H(11, 20) }])]).toEqual([H(10), H(10, 15), H(11), H(11, 15)])
  })
})
