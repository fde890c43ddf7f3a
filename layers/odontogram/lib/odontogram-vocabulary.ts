// The shared clinical vocabulary (docs: /work spec clinical.md, "Shared
// clinical vocabulary"): FDI teeth, surfaces, arches, the clinical types and
// what each one takes. Pure data, re-exported by models.ts; the server's rules
// (lib/odontogram-rules.ts) and the chart read the same tables.

/** Permanent teeth, FDI, quadrant by quadrant (11–18, 21–28, 31–38, 41–48). */
export const PERMANENT_TEETH = [1, 2, 3, 4].flatMap(q => [1, 2, 3, 4, 5, 6, 7, 8].map(n => q * 10 + n))
/** Deciduous teeth, FDI (51–55, 61–65, 71–75, 81–85). */
export const DECIDUOUS_TEETH = [5, 6, 7, 8].flatMap(q => [1, 2, 3, 4, 5].map(n => q * 10 + n))
/** The 52 FDI numbers, permanent first. Any other number is a 422 naming the field. */
export const ALL_TEETH = [...PERMANENT_TEETH, ...DECIDUOUS_TEETH]
const TEETH = new Set(ALL_TEETH)

export function isFdiTooth(value: unknown): value is number {
  return typeof value === 'number' && TEETH.has(value)
}

/** Stored letters: mesial, distal, occlusal (incisal on incisors/canines), buccal (vestibular), lingual (palatal on upper teeth). */
export const SURFACES = ['M', 'D', 'O', 'B', 'L'] as const
export type Surface = (typeof SURFACES)[number]

export const ARCHES = ['upper', 'lower'] as const
export type Arch = (typeof ARCHES)[number]

/** Upper: quadrants 1, 2, 5, 6; lower: 3, 4, 7, 8. */
export function archOf(tooth: number): Arch {
  return [1, 2, 5, 6].includes(Math.floor(tooth / 10)) ? 'upper' : 'lower'
}

export function isDeciduous(tooth: number): boolean {
  return Math.floor(tooth / 10) >= 5
}

/**
 * Each arch as one row from the patient's right to left (the dentist's view):
 * neighbours in a row are neighbours in the mouth. Bridges need contiguous
 * teeth of one row.
 */
export const ARCH_ROWS: readonly (readonly number[])[] = [
  [18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28],
  [48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38],
  [55, 54, 53, 52, 51, 61, 62, 63, 64, 65],
  [85, 84, 83, 82, 81, 71, 72, 73, 74, 75],
]

export const ENTRY_KINDS = ['condition', 'treatment'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

/** What a dentist finds. */
export const CONDITION_TYPES = [
  'caries', 'fracture', 'missing', 'wear', 'abscess', 'periapical_lesion', 'impacted', 'mobility',
  'root_remnant', 'discoloration', 'recession', 'unerupted',
] as const
export type ConditionType = (typeof CONDITION_TYPES)[number]

/**
 * What a dentist does: the catalog's `TREATMENT_CLINICAL_TYPES` (a catalog
 * item charts as one of these; the layer checks at compile time that both
 * lists stay the same).
 */
export const TREATMENT_TYPES = [
  'filling', 'crown', 'root_canal', 'implant', 'bridge', 'extraction', 'sealant', 'veneer', 'inlay', 'post',
  'bracket', 'retainer', 'cleaning', 'scaling', 'whitening', 'denture', 'apicoectomy', 'fluoride', 'exam', 'radiograph',
] as const
export type TreatmentType = (typeof TREATMENT_TYPES)[number]

export const CLINICAL_TYPES = [...CONDITION_TYPES, ...TREATMENT_TYPES] as const
export type ClinicalType = ConditionType | TreatmentType

/** `tooth`: one tooth; `multi_tooth`: two or more; `arch`: a whole arch (needs `arch`); `mouth`: the whole mouth. */
export const ENTRY_SCOPES = ['tooth', 'multi_tooth', 'arch', 'mouth'] as const
export type EntryScope = (typeof ENTRY_SCOPES)[number]

/** A bridge's teeth: pillars (abutments) carry it, pontics hang between them. */
export const TOOTH_ROLES = ['pillar', 'pontic'] as const
export type ToothRole = (typeof TOOTH_ROLES)[number]

/** Treatment statuses: `planned → performed` once, `planned → cancelled`. Conditions have no status (null). */
export const ENTRY_STATUSES = ['planned', 'performed', 'cancelled'] as const
export type EntryStatus = (typeof ENTRY_STATUSES)[number]

/** Where a treatment may go from each status. */
export const ENTRY_TRANSITIONS: Record<EntryStatus, readonly EntryStatus[]> = {
  planned: ['performed', 'cancelled'],
  performed: [],
  cancelled: [],
}

export interface ClinicalTypeRule {
  kind: EntryKind
  /** `none`: surfaces are a 422; `optional`: none means the whole tooth; `required`: at least one per tooth. */
  surfaces: 'none' | 'optional' | 'required'
  /** The scopes an entry of this type may have (the first is the default for one tooth). */
  scopes: readonly EntryScope[]
  /** Bridge: two or more contiguous teeth of one arch, each with a role, pillars at both ends. */
  bridge?: true
  /** Allowed on a tooth charted missing (everything else is a 409). */
  onMissingTooth?: true
  /** Once in place (condition, or treatment performed/existing) the tooth is gone. */
  removesTooth?: true
  /** Once performed, supersedes these earlier entries on the surfaces it covers (or the whole tooth when it takes no surfaces). */
  supersedes?: readonly ClinicalType[]
}

const TOOTH: readonly EntryScope[] = ['tooth', 'multi_tooth']
const RESTORATIONS: readonly ClinicalType[] = ['filling', 'inlay', 'veneer', 'crown', 'sealant']

/** What each clinical type takes (README.md, "Rules"). */
export const CLINICAL_TYPE_RULES: Record<ClinicalType, ClinicalTypeRule> = {
  caries: { kind: 'condition', surfaces: 'optional', scopes: TOOTH },
  fracture: { kind: 'condition', surfaces: 'optional', scopes: TOOTH },
  missing: { kind: 'condition', surfaces: 'none', scopes: TOOTH, removesTooth: true },
  wear: { kind: 'condition', surfaces: 'optional', scopes: TOOTH },
  abscess: { kind: 'condition', surfaces: 'none', scopes: TOOTH },
  periapical_lesion: { kind: 'condition', surfaces: 'none', scopes: TOOTH },
  impacted: { kind: 'condition', surfaces: 'none', scopes: TOOTH },
  mobility: { kind: 'condition', surfaces: 'none', scopes: TOOTH },
  root_remnant: { kind: 'condition', surfaces: 'none', scopes: TOOTH },
  discoloration: { kind: 'condition', surfaces: 'optional', scopes: TOOTH },
  recession: { kind: 'condition', surfaces: 'optional', scopes: TOOTH },
  unerupted: { kind: 'condition', surfaces: 'none', scopes: TOOTH },
  filling: { kind: 'treatment', surfaces: 'required', scopes: TOOTH, supersedes: ['caries', 'fracture', 'wear', 'filling', 'sealant'] },
  inlay: { kind: 'treatment', surfaces: 'required', scopes: TOOTH, supersedes: ['caries', 'fracture', 'wear', 'filling', 'inlay', 'sealant'] },
  sealant: { kind: 'treatment', surfaces: 'optional', scopes: TOOTH, supersedes: ['sealant'] },
  veneer: { kind: 'treatment', surfaces: 'none', scopes: TOOTH, supersedes: ['discoloration', 'veneer'] },
  crown: { kind: 'treatment', surfaces: 'none', scopes: TOOTH, supersedes: ['caries', 'fracture', 'wear', 'discoloration', ...RESTORATIONS] },
  root_canal: { kind: 'treatment', surfaces: 'none', scopes: TOOTH, supersedes: ['abscess', 'periapical_lesion'] },
  post: { kind: 'treatment', surfaces: 'none', scopes: TOOTH },
  apicoectomy: { kind: 'treatment', surfaces: 'none', scopes: TOOTH, supersedes: ['periapical_lesion'] },
  implant: { kind: 'treatment', surfaces: 'none', scopes: TOOTH, onMissingTooth: true, supersedes: ['missing', 'root_remnant'] },
  extraction: {
    kind: 'treatment', surfaces: 'none', scopes: TOOTH, removesTooth: true,
    supersedes: [...CONDITION_TYPES.filter(t => t !== 'missing'), ...RESTORATIONS, 'root_canal', 'post', 'apicoectomy', 'bracket'],
  },
  bridge: { kind: 'treatment', surfaces: 'none', scopes: ['multi_tooth'], bridge: true, onMissingTooth: true },
  bracket: { kind: 'treatment', surfaces: 'none', scopes: ['tooth', 'multi_tooth', 'arch'] },
  retainer: { kind: 'treatment', surfaces: 'none', scopes: ['multi_tooth', 'arch'], onMissingTooth: true },
  denture: { kind: 'treatment', surfaces: 'none', scopes: ['arch', 'multi_tooth'], onMissingTooth: true },
  cleaning: { kind: 'treatment', surfaces: 'none', scopes: ['mouth', 'arch'] },
  scaling: { kind: 'treatment', surfaces: 'none', scopes: ['mouth', 'arch', 'tooth', 'multi_tooth'] },
  whitening: { kind: 'treatment', surfaces: 'none', scopes: ['mouth', 'arch'] },
  fluoride: { kind: 'treatment', surfaces: 'none', scopes: ['mouth', 'arch'] },
  exam: { kind: 'treatment', surfaces: 'none', scopes: ['mouth'] },
  radiograph: { kind: 'treatment', surfaces: 'none', scopes: ['tooth', 'multi_tooth', 'mouth'] },
}
