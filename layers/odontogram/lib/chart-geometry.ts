// The chart's geometry, from the dentist's view: the patient's right on the
// viewer's left, upper arch on top (18→11 | 21→28), lower below (48→41 |
// 31→38), deciduous 55→51 | 61→65 and 85→81 | 71→75. Pure and computed once
// per dentition: the components only read the numbers and path strings here.
//
// Every drawing is authored once for a tooth of quadrant 1 (mesial on the
// RIGHT, towards the midline; buccal on top) and mirrored: horizontally for
// quadrants 2, 3, 6, 7 (mesial on the left), vertically for the lower arch
// (roots down, lingual towards the middle of the chart). So the mesial
// surface of every tooth faces the midline.
import type { ChartSurface, Dentition, Region, Side, ToothKind } from './chart-teeth'
import { CHART_SURFACES, ROWS, isAnterior, isDeciduous, isUpper, mesialSide, positionOf, quadrantOf, surfaceRegion, toothKind } from './chart-teeth'

export * from './chart-teeth'

// ---- sizes (SVG user units) --------------------------------------------------

export const CELL = 40
/** The gap at the midline between the two halves of a row. */
export const MIDLINE_GAP = 12
export const LABEL_H = 14
export const SIDE_H = 80
export const OCC = 30
const GAP = 4
/** One row of teeth: number, side view, occlusal view. */
export const ROW_H = LABEL_H + SIDE_H + GAP + OCC
/** Deciduous rows in the mixed view: the same structure, a smaller side view. */
export const SMALL_SIDE_H = 62
const SMALL_ROW_H = LABEL_H + SMALL_SIDE_H + GAP + OCC
const ARCH_GAP = 18
const ROW_GAP = 8
const PAD = 6

export interface ToothSlot {
  tooth: number
  kind: ToothKind
  upper: boolean
  deciduous: boolean
  mesial: Side
  /** Left edge of the cell. */
  x: number
  /** Top of the side view and of the occlusal square. */
  sideY: number
  sideH: number
  occY: number
  /** Baseline of the tooth number. */
  labelY: number
  /** Side-view transform: mirrors the quadrant-1 drawing into place (and scales deciduous teeth). */
  sideTransform: string
  /** The occlusal regions' polygons in chart coordinates, by surface. */
  surfaces: Record<ChartSurface, string>
  /** Centre of each surface's polygon (for tests and letters). */
  centers: Record<ChartSurface, { x: number, y: number }>
}

export interface ChartLayout {
  dentition: Dentition
  width: number
  height: number
  midlineX: number
  /** The horizontal line between the arches. */
  archY: number
  slots: ToothSlot[]
}

/** Left edge of a tooth's cell; in the mixed view deciduous teeth sit under their successors. */
function cellX(tooth: number, compactDeciduous: boolean): number {
  const q = quadrantOf(tooth)
  const p = positionOf(tooth)
  const perHalf = compactDeciduous && isDeciduous(tooth) ? 5 : 8
  const leftHalf = [1, 4, 5, 8].includes(q)
  const index = leftHalf ? perHalf - p : perHalf + p - 1
  return PAD + index * CELL + (leftHalf ? 0 : MIDLINE_GAP)
}

const INSET = OCC * 0.3

/** The five occlusal polygons of a square at (x, y); anterior teeth get a narrow incisal bar. */
function occlusalPolygons(x: number, y: number, anterior: boolean): Record<Region, string> {
  const s = OCC
  const ix = INSET
  const iy = anterior ? s * 0.4 : INSET
  const p = (pts: [number, number][]) => pts.map(([a, b]) => `${+(x + a).toFixed(2)},${+(y + b).toFixed(2)}`).join(' ')
  return {
    top: p([[0, 0], [s, 0], [s - ix, iy], [ix, iy]]),
    bottom: p([[0, s], [ix, s - iy], [s - ix, s - iy], [s, s]]),
    left: p([[0, 0], [ix, iy], [ix, s - iy], [0, s]]),
    right: p([[s, 0], [s, s], [s - ix, s - iy], [s - ix, iy]]),
    center: p([[ix, iy], [s - ix, iy], [s - ix, s - iy], [ix, s - iy]]),
  }
}

function regionCenter(region: Region, x: number, y: number, anterior: boolean): { x: number, y: number } {
  const s = OCC
  const iy = anterior ? s * 0.4 : INSET
  const cx = x + s / 2
  const cy = y + s / 2
  switch (region) {
    case 'top': return { x: cx, y: y + iy / 2 }
    case 'bottom': return { x: cx, y: y + s - iy / 2 }
    case 'left': return { x: x + INSET / 2, y: cy }
    case 'right': return { x: x + s - INSET / 2, y: cy }
    default: return { x: cx, y: cy }
  }
}

function slotFor(tooth: number, top: number, small: boolean, compactDeciduous: boolean): ToothSlot {
  const upper = isUpper(tooth)
  const sideH = small ? SMALL_SIDE_H : SIDE_H
  const x = cellX(tooth, compactDeciduous)
  // Upper: number, side view (roots up), occlusal. Lower: occlusal, side view (roots down), number.
  const labelY = upper ? top + LABEL_H - 3 : top + OCC + GAP + sideH + LABEL_H - 3
  const sideY = upper ? top + LABEL_H : top + OCC + GAP
  const occY = upper ? sideY + sideH + GAP : top
  const mesial = mesialSide(tooth)
  const scale = sideH / SIDE_H
  const sx = mesial === 'right' ? scale : -scale
  const sy = upper ? scale : -scale
  // Authored in a CELL × SIDE_H box: mirror around the cell's centre, flip lower teeth around the side view's middle.
  const tx = x + CELL / 2 - (sx * CELL) / 2
  const ty = upper ? sideY : sideY + sideH
  const sideTransform = `matrix(${sx} 0 0 ${sy} ${+tx.toFixed(2)} ${+ty.toFixed(2)})`
  const ox = x + (CELL - OCC) / 2
  const anterior = isAnterior(tooth)
  const polygons = occlusalPolygons(ox, occY, anterior)
  const surfaces = {} as Record<ChartSurface, string>
  const centers = {} as Record<ChartSurface, { x: number, y: number }>
  for (const s of CHART_SURFACES) {
    const region = surfaceRegion(s, tooth)
    surfaces[s] = polygons[region]
    centers[s] = regionCenter(region, ox, occY, anterior)
  }
  return {
    tooth, kind: toothKind(tooth), upper, deciduous: isDeciduous(tooth), mesial,
    x, sideY, sideH, occY, labelY, sideTransform, surfaces, centers,
  }
}

/** The rows of a dentition, top to bottom, and whether each is drawn small. */
function rowsOf(dentition: Dentition): { teeth: readonly number[], small: boolean }[] {
  if (dentition === 'permanent') return [{ teeth: ROWS.upperPermanent, small: false }, { teeth: ROWS.lowerPermanent, small: false }]
  if (dentition === 'deciduous') return [{ teeth: ROWS.upperDeciduous, small: false }, { teeth: ROWS.lowerDeciduous, small: false }]
  return [
    { teeth: ROWS.upperPermanent, small: false },
    { teeth: ROWS.upperDeciduous, small: true },
    { teeth: ROWS.lowerDeciduous, small: true },
    { teeth: ROWS.lowerPermanent, small: false },
  ]
}

const layouts = new Map<Dentition, ChartLayout>()

/** The whole chart's layout for a dentition (computed once, then shared). */
export function chartLayout(dentition: Dentition): ChartLayout {
  const cached = layouts.get(dentition)
  if (cached) return cached
  const compact = dentition === 'deciduous'
  const rows = rowsOf(dentition)
  const slots: ToothSlot[] = []
  let y = PAD
  let archY = 0
  rows.forEach((row, i) => {
    if (i === rows.length / 2) {
      archY = y + ARCH_GAP / 2 - ROW_GAP
      y += ARCH_GAP - ROW_GAP
    }
    for (const tooth of row.teeth) slots.push(slotFor(tooth, y, row.small, compact))
    y += (row.small ? SMALL_ROW_H : ROW_H) + ROW_GAP
  })
  const perHalf = compact ? 5 : 8
  const layout: ChartLayout = {
    dentition,
    width: PAD * 2 + perHalf * 2 * CELL + MIDLINE_GAP,
    height: y - ROW_GAP + PAD,
    midlineX: PAD + perHalf * CELL + MIDLINE_GAP / 2,
    archY,
    slots,
  }
  layouts.set(dentition, layout)
  return layout
}

/** The bar of a bridge across its teeth's crowns, or null when they are not drawn in one row. */
export function bridgeBar(layout: ChartLayout, teeth: readonly number[]): { x1: number, x2: number, y: number } | null {
  const slots = layout.slots.filter(s => teeth.includes(s.tooth))
  if (slots.length < 2 || slots.length !== new Set(teeth).size || new Set(slots.map(s => s.sideY)).size > 1) return null
  const xs = slots.map(s => s.x)
  const first = slots[0]!
  // Just below the cervical line, in the crowns (authored at y = 50 of 80).
  const offset = (first.sideH * 50) / SIDE_H
  return {
    x1: Math.min(...xs) + CELL * 0.2,
    x2: Math.max(...xs) + CELL * 0.8,
    y: first.upper ? first.sideY + offset : first.sideY + first.sideH - offset,
  }
}
