// Keyboard moves on the chart (shown in the help popover): arrows go to the
// neighbouring tooth (left/right in the row, up/down to the row above/below,
// the nearest tooth), Home/End to the ends of the row; 1–5 or a surface's
// letter in either language pick a surface of the focused tooth, 0 or W the
// whole tooth. Pure, so the keys are table-tested.
import type { ChartLayout, ChartSurface } from './chart-geometry'

/** A focusable part of the chart: a surface of a tooth, or the whole tooth (`W`). */
export interface ChartTarget {
  tooth: number
  part: ChartSurface | 'W'
}

const KEY_PARTS: Record<string, ChartTarget['part']> = {
  1: 'M', 2: 'D', 3: 'O', 4: 'B', 5: 'L', 0: 'W',
  m: 'M', d: 'D', o: 'O', i: 'O', b: 'B', v: 'B', l: 'L', p: 'L', w: 'W',
}

/** The part a key picks, or null. */
export function surfaceForKey(key: string): ChartTarget['part'] | null {
  return KEY_PARTS[key.toLowerCase()] ?? null
}

/** Rows of the layout top to bottom, each left to right. */
function rowsOf(layout: ChartLayout) {
  const rows = new Map<number, ChartLayout['slots']>()
  for (const slot of layout.slots) rows.set(slot.sideY, [...(rows.get(slot.sideY) ?? []), slot])
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, slots]) => [...slots].sort((a, b) => a.x - b.x))
}

/** Where a navigation key moves the focus, or null when the key is not one. */
export function moveFocus(layout: ChartLayout, from: ChartTarget, key: string): ChartTarget | null {
  const rows = rowsOf(layout)
  const r = rows.findIndex(row => row.some(s => s.tooth === from.tooth))
  if (r < 0) return null
  const row = rows[r]!
  const i = row.findIndex(s => s.tooth === from.tooth)
  const at = (slot: { tooth: number } | undefined) => (slot ? { tooth: slot.tooth, part: from.part } : from)
  switch (key) {
    case 'ArrowLeft': return at(row[Math.max(0, i - 1)])
    case 'ArrowRight': return at(row[Math.min(row.length - 1, i + 1)])
    case 'Home': return at(row[0])
    case 'End': return at(row[row.length - 1])
    case 'ArrowUp':
    case 'ArrowDown': {
      const next = rows[key === 'ArrowUp' ? r - 1 : r + 1]
      if (!next) return from
      const x = row[i]!.x
      return at(next.reduce((best, s) => (Math.abs(s.x - x) < Math.abs(best.x - x) ? s : best)))
    }
    default: return null
  }
}
