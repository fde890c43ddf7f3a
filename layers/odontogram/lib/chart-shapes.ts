// The side (crown and root) drawings, one per tooth kind, authored for an
// upper tooth of quadrant 1 in a CELL × SIDE_H box (40 × 80): roots at the
// top, the crown below the cervical line at y = 44, mesial on the RIGHT.
// chart-geometry's `sideTransform` mirrors them into place for every tooth.
// The crowns are slightly asymmetric (the mesial contour is straighter, the
// canine's cusp tip leans mesially), so a wrong mirror shows.
import type { ToothKind } from './chart-geometry'

export const CERVICAL_Y = 44

export interface ToothShape {
  crown: string
  root: string
  /** Canal lines drawn for a root canal or a post (one per root). */
  canals: string[]
  /** Where an apical lesion is drawn (tip of the longest root). */
  apex: { x: number, y: number }
}

export const TOOTH_SHAPES: Record<ToothKind, ToothShape> = {
  incisor: {
    crown: 'M12,44 L28,44 C31,55 32,66 31,77 Q21,80 10,76 C8,66 9,55 12,44 Z',
    root: 'M12,44 C13,28 16,10 20,3 C24,10 27,28 28,44 Z',
    canals: ['M20,8 L20,46'],
    apex: { x: 20, y: 4 },
  },
  canine: {
    crown: 'M12,44 L28,44 C31,54 32,63 31,70 L23,79 L10,70 C8,63 9,54 12,44 Z',
    root: 'M12,44 C13,26 16,6 20,0 C24,6 27,26 28,44 Z',
    canals: ['M20,5 L20,46'],
    apex: { x: 20, y: 2 },
  },
  premolar: {
    crown: 'M10,44 L30,44 C33,54 34,64 32,73 Q27,78 21,74 Q14,78 8,72 C6,64 7,54 10,44 Z',
    root: 'M11,44 C12,30 16,12 20,6 C24,12 28,30 29,44 Z',
    canals: ['M20,11 L20,46'],
    apex: { x: 20, y: 7 },
  },
  molar: {
    crown: 'M6,44 L34,44 C37,54 38,64 36,73 Q32,78 28,74 Q24,78 20,74 Q16,78 12,74 Q8,78 4,72 C2,64 3,54 6,44 Z',
    root: 'M7,44 C7,30 9,16 12,10 C14,18 16,30 18,40 L22,40 C24,30 26,18 28,8 C31,16 33,30 33,44 Z',
    canals: ['M12,15 L14,46', 'M28,13 L26,46'],
    apex: { x: 28, y: 9 },
  },
}

/** An implant's fixture, in place of the root. */
export const IMPLANT_PATH = 'M15,6 L25,6 L26,44 L14,44 Z M14,14 L26,14 M14,22 L26,22 M14,30 L26,30 M14,38 L26,38'
/** A fracture line across the crown. */
export const FRACTURE_PATH = 'M8,52 L16,58 L22,52 L28,60 L34,54'
/** The cross of a missing tooth or an extraction, over the whole drawing. */
export const CROSS_PATH = 'M4,4 L36,76 M36,4 L4,76'
/** A bracket on the buccal face of the crown. */
export const BRACKET_PATH = 'M14,56 L26,56 L26,64 L14,64 Z'
