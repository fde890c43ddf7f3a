// What to draw on each tooth, from the chart the server derived: the tone of
// each surface, whether the tooth is there, and the whole-tooth marks (crown,
// root canal, implant, bridge roles, extraction, …). Pure: the chart
// components only read the result.
//
// Tones follow the clinic's convention (red/blue by default): `todo` is a
// planned treatment or a condition that needs one, `done` is existing or
// performed work. Where two whole-tooth entries of one kind meet (a planned
// crown over an old one) `todo` wins: it is what the dentist must see.
import type { ChartSurface } from './chart-geometry'
import { CHART_SURFACES } from './chart-geometry'

export type Tone = 'todo' | 'done'
export type ToothMark
  = | 'crown' | 'root_canal' | 'post' | 'implant' | 'extraction' | 'fracture' | 'apical'
    | 'bracket' | 'veneer' | 'pillar' | 'pontic' | 'other'

export interface ToothPaint {
  tooth: number
  /** Charted missing or extracted: drawn faded and crossed. */
  missing: boolean
  surfaces: Partial<Record<ChartSurface, Tone>>
  marks: Partial<Record<ToothMark, Tone>>
}

/** The part of an entry the drawing needs (the JSON shape of `OdontogramEntry`). */
export interface PaintEntry {
  id: string
  kind: 'condition' | 'treatment'
  clinical_type: string
  status: 'planned' | 'performed' | 'cancelled' | null
  teeth: { tooth: number, surfaces: string[], role: 'pillar' | 'pontic' | null }[]
}

/** The part of a tooth's state the drawing needs (the JSON shape of `ToothState`). */
export interface PaintToothState {
  tooth: number
  present: boolean
  surfaces: Partial<Record<string, { tone: Tone } | null>>
}

/** One bridge to draw as a bar over its teeth. */
export interface BridgePaint {
  id: string
  teeth: number[]
  tone: Tone
}

export interface ChartPaint {
  teeth: Map<number, ToothPaint>
  bridges: BridgePaint[]
}

/** Marks of entries charted on the whole tooth (no surfaces), by clinical type. */
const MARK_OF: Record<string, ToothMark> = {
  crown: 'crown', root_canal: 'root_canal', post: 'post', implant: 'implant', extraction: 'extraction',
  fracture: 'fracture', abscess: 'apical', periapical_lesion: 'apical', apicoectomy: 'apical',
  bracket: 'bracket', veneer: 'veneer',
}
/** Drawn by other means (the tooth's presence, the surfaces) or not per tooth at all. */
const NOT_A_MARK = new Set(['missing', 'exam', 'radiograph'])

/** As the server words it: conditions and planned work to do; performed and existing work done. */
export function toneOf(entry: Pick<PaintEntry, 'kind' | 'status'>): Tone {
  return entry.kind === 'treatment' && entry.status === 'performed' ? 'done' : 'todo'
}

const stronger = (a: Tone | undefined, b: Tone): Tone => (a === 'todo' || b === 'todo' ? 'todo' : 'done')

/**
 * The drawing of every charted tooth (bare teeth are absent from the map).
 * Surfaces and presence come from the server's per-tooth state (it knows
 * which entry is the latest on a surface and when a tooth is gone); the
 * whole-tooth marks and bridges from the active entries.
 */
export function chartPaint(states: readonly PaintToothState[], entries: readonly PaintEntry[]): ChartPaint {
  const teeth = new Map<number, ToothPaint>()
  const bridges: BridgePaint[] = []
  const at = (tooth: number) => {
    let paint = teeth.get(tooth)
    if (!paint) teeth.set(tooth, (paint = { tooth, missing: false, surfaces: {}, marks: {} }))
    return paint
  }
  for (const state of states) {
    const surfaces = CHART_SURFACES.filter(s => state.surfaces[s])
    if (state.present && !surfaces.length) continue
    const paint = at(state.tooth)
    paint.missing = !state.present
    for (const s of surfaces) paint.surfaces[s] = state.surfaces[s]!.tone
  }
  for (const entry of entries) {
    if (entry.status === 'cancelled') continue
    const tone = toneOf(entry)
    const type = entry.clinical_type
    if (type === 'bridge') bridges.push({ id: entry.id, teeth: entry.teeth.map(t => t.tooth), tone })
    for (const t of entry.teeth) {
      if (NOT_A_MARK.has(type) || t.surfaces.length) continue
      const paint = at(t.tooth)
      const mark: ToothMark = type === 'bridge' ? (t.role === 'pontic' ? 'pontic' : 'pillar') : MARK_OF[type] ?? 'other'
      paint.marks[mark] = stronger(paint.marks[mark], tone)
    }
  }
  return { teeth, bridges }
}

/** A stable string for a paint, so unchanged teeth skip re-rendering (v-memo). */
export function paintKey(paint: ToothPaint | undefined): string {
  if (!paint) return ''
  const s = CHART_SURFACES.map(k => paint.surfaces[k]?.[0] ?? '-').join('')
  const m = Object.entries(paint.marks).map(([k, v]) => `${k}:${v}`).sort().join(',')
  return `${paint.missing ? 'x' : ''}${s}|${m}`
}
