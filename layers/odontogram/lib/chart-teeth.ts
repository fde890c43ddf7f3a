// The teeth as the chart sees them (FDI): quadrant, kind, which side of its
// drawing the mesial surface is on (the midline's), where each surface sits
// in the occlusal view, and the word a surface is shown with. Pure.

export type ChartSurface = 'M' | 'D' | 'O' | 'B' | 'L'
export type ToothKind = 'incisor' | 'canine' | 'premolar' | 'molar'
export type Dentition = 'permanent' | 'deciduous' | 'mixed'
export type Side = 'left' | 'right'
/** Where a surface sits in the five-part occlusal drawing. */
export type Region = 'top' | 'bottom' | 'left' | 'right' | 'center'
/** The word a surface is shown with: `I` incisal (O of incisors and canines), `P` palatal (L of upper teeth). */
export type SurfaceWord = 'M' | 'D' | 'O' | 'I' | 'B' | 'L' | 'P'

export const DENTITIONS: Dentition[] = ['permanent', 'mixed', 'deciduous']
export const CHART_SURFACES: ChartSurface[] = ['M', 'D', 'O', 'B', 'L']

const range = (from: number, to: number) => {
  const out: number[] = []
  for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? 1 : -1) out.push(n)
  return out
}

/** The four display rows as the dentist sees them, left to right. */
export const ROWS = {
  upperPermanent: [...range(18, 11), ...range(21, 28)],
  lowerPermanent: [...range(48, 41), ...range(31, 38)],
  upperDeciduous: [...range(55, 51), ...range(61, 65)],
  lowerDeciduous: [...range(85, 81), ...range(71, 75)],
} as const

export const quadrantOf = (tooth: number) => Math.floor(tooth / 10)
/** 1 (central incisor) … 8 (third molar); deciduous 1 … 5. */
export const positionOf = (tooth: number) => tooth % 10
export const isDeciduous = (tooth: number) => quadrantOf(tooth) >= 5
export const isUpper = (tooth: number) => [1, 2, 5, 6].includes(quadrantOf(tooth))
export const isAnterior = (tooth: number) => positionOf(tooth) <= 3

export function toothKind(tooth: number): ToothKind {
  const p = positionOf(tooth)
  if (p <= 2) return 'incisor'
  if (p === 3) return 'canine'
  // Deciduous teeth have no premolars: 54/55 are the primary molars.
  if (isDeciduous(tooth) || p >= 6) return 'molar'
  return 'premolar'
}

/** The side of the tooth's drawing the mesial surface is on: the midline's side. */
export function mesialSide(tooth: number): Side {
  // Quadrants 1, 4, 5, 8 are the patient's right: the viewer's left half.
  return [1, 4, 5, 8].includes(quadrantOf(tooth)) ? 'right' : 'left'
}

/** The word a stored surface is shown with on this tooth. */
export function surfaceWord(surface: ChartSurface, tooth: number): SurfaceWord {
  if (surface === 'O') return isAnterior(tooth) ? 'I' : 'O'
  if (surface === 'L') return isUpper(tooth) ? 'P' : 'L'
  return surface
}

/** Where a surface is drawn in the tooth's occlusal view. */
export function surfaceRegion(surface: ChartSurface, tooth: number): Region {
  const m = mesialSide(tooth)
  switch (surface) {
    case 'M': return m
    case 'D': return m === 'right' ? 'left' : 'right'
    case 'B': return isUpper(tooth) ? 'top' : 'bottom'
    case 'L': return isUpper(tooth) ? 'bottom' : 'top'
    default: return 'center'
  }
}
