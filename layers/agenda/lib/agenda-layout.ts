// The calendar grid's geometry: which minutes of a day column an appointment
// covers, how overlapping appointments share the column (lanes), where a card
// sits, and how a drag snaps to the 15-minute grid. Pure functions: the
// components turn their results into CSS.
import { toClinicDateTime } from '#dentalpin/client'

export const SLOT_MINUTES = 15
export const DAY_MINUTES = 24 * 60
/** Clinic hours shown when no appointment falls outside them. */
export const DEFAULT_HOURS: Span = { start: 8 * 60, end: 20 * 60 }

/** Minutes since the clinic's midnight, end exclusive. */
export interface Span {
  start: number
  end: number
}

/** The part of an appointment that falls on a clinic date, or null when it is not on that date. */
export function spanOnDate(startIso: string, endIso: string, date: string, timeZone: string): Span | null {
  const s = toClinicDateTime(startIso, timeZone)
  const e = toClinicDateTime(endIso, timeZone)
  if (s.date > date || e.date < date) return null
  const start = s.date < date ? 0 : s.minutes
  const end = e.date > date ? DAY_MINUTES : e.minutes
  return end > start ? { start, end } : null
}

/** The rows to draw: clinic hours, widened to whole hours around anything outside them. */
export function gridRange(spans: Span[], hours: Span = DEFAULT_HOURS): Span {
  let start = hours.start
  let end = hours.end
  for (const s of spans) {
    start = Math.min(start, Math.floor(s.start / 60) * 60)
    end = Math.max(end, Math.ceil(s.end / 60) * 60)
  }
  return { start: Math.max(0, start), end: Math.min(DAY_MINUTES, end) }
}

/** The slot starts of a range: 08:00, 08:15, … */
export function slotStarts(range: Span): number[] {
  const out: number[] = []
  for (let m = range.start; m < range.end; m += SLOT_MINUTES) out.push(m)
  return out
}

/** The 0-based row of the slot holding a minute. */
export function rowOf(minutes: number, range: Span): number {
  return Math.floor((minutes - range.start) / SLOT_MINUTES)
}

export interface Laned<T> {
  item: T
  span: Span
  /** 0-based lane inside its group of overlapping items. */
  lane: number
  /** How many lanes that group needs. */
  lanes: number
}

/**
 * Side-by-side layout of overlapping items: items that overlap (directly or
 * through others) form a group; each takes the first lane free at its start,
 * and every item of the group gets the group's lane count as its width.
 */
export function layoutLanes<T>(items: { item: T, span: Span }[]): Laned<T>[] {
  const sorted = [...items].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
  const out: Laned<T>[] = []
  let group: Laned<T>[] = []
  let laneEnds: number[] = []
  let groupEnd = -1
  const close = () => {
    for (const g of group) g.lanes = laneEnds.length
    out.push(...group)
    group = []
    laneEnds = []
  }
  for (const { item, span } of sorted) {
    if (group.length && span.start >= groupEnd) close()
    let lane = laneEnds.findIndex(end => end <= span.start)
    if (lane < 0) {
      lane = laneEnds.length
      laneEnds.push(span.end)
    }
    else {
      laneEnds[lane] = span.end
    }
    group.push({ item, span, lane, lanes: 1 })
    groupEnd = group.length === 1 ? span.end : Math.max(groupEnd, span.end)
  }
  if (group.length) close()
  return out
}

/** A card's box in a column: pixels from the top of the grid and percentages of the column's width. */
export function cardBox(laned: Pick<Laned<unknown>, 'span' | 'lane' | 'lanes'>, range: Span, slotPx: number) {
  const start = Math.max(laned.span.start, range.start)
  const end = Math.min(laned.span.end, range.end)
  return {
    top: ((start - range.start) / SLOT_MINUTES) * slotPx,
    height: Math.max(((end - start) / SLOT_MINUTES) * slotPx, slotPx / 2),
    left: (laned.lane / laned.lanes) * 100,
    width: 100 / laned.lanes,
  }
}

/** To the nearest multiple of the step (15 minutes by default). */
export function snapMinutes(minutes: number, step: number = SLOT_MINUTES): number {
  return Math.round(minutes / step) * step
}

/** Minutes a vertical pointer movement stands for, snapped to the grid. */
export function pixelsToMinutes(deltaPx: number, slotPx: number): number {
  return snapMinutes((deltaPx / slotPx) * SLOT_MINUTES)
}

/** A moved span: the start snaps to the grid, the duration stays, and it stays inside the day. */
export function moveSpan(span: Span, deltaMinutes: number): Span {
  const duration = span.end - span.start
  const start = Math.min(Math.max(snapMinutes(span.start + deltaMinutes), 0), DAY_MINUTES - duration)
  return { start, end: start + duration }
}

/** A resized span: the end snaps to the grid, at least one slot long, inside the day. */
export function resizeSpan(span: Span, deltaMinutes: number): Span {
  const end = Math.min(Math.max(snapMinutes(span.end + deltaMinutes), span.start + SLOT_MINUTES), DAY_MINUTES)
  return { start: span.start, end }
}

/** Slot starts covered (even partly) by any of the spans. */
export function coveredSlots(spans: Span[]): Set<number> {
  const covered = new Set<number>()
  for (const s of spans) {
    for (let m = Math.floor(s.start / SLOT_MINUTES) * SLOT_MINUTES; m < s.end; m += SLOT_MINUTES) covered.add(m)
  }
  return covered
}
