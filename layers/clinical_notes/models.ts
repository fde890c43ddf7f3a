// The clinical_notes module's published model (docs/core-api.md, "Importable models"):
// `import type { ClinicalNote } from '#layers/clinical_notes/models'`.
// Table types, DTOs in their JSON shape, the note types with the permission
// each needs, and the payload schemas shared by the API and the browser.
// Covered by the deprecation policy. Owner types: `./owners.ts`.
import type { ColumnType, Generated, Selectable } from 'kysely'
import { z } from 'zod'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export const NOTE_TYPES = ['administrative', 'diagnosis', 'treatment', 'progress'] as const
export type NoteType = (typeof NOTE_TYPES)[number]

/**
 * The permission family each type is read and written with: administrative
 * notes with `clinical_notes.admin_notes.*` (every member of staff), the
 * clinical ones with `clinical_notes.clinical.*` (dentists and hygienists;
 * assistants read). Receptionists never see a clinical note.
 */
export const NOTE_TYPE_ACCESS: Record<NoteType, 'admin_notes' | 'clinical'> = {
  administrative: 'admin_notes',
  diagnosis: 'clinical',
  treatment: 'clinical',
  progress: 'clinical',
}

/** What notes can be attached to; `patient` and `tooth` are this module's, the others are registered by their modules (owners.ts). */
export const NOTE_OWNER_TYPES = ['patient', 'tooth', 'treatment', 'plan', 'appointment'] as const
export type NoteOwnerTypeName = (typeof NOTE_OWNER_TYPES)[number]

/** FDI tooth numbers: permanent 11–18 … 41–48, deciduous 51–55 … 81–85. */
export const FDI_TEETH: readonly number[] = [
  ...[1, 2, 3, 4].flatMap(q => [1, 2, 3, 4, 5, 6, 7, 8].map(n => q * 10 + n)),
  ...[5, 6, 7, 8].flatMap(q => [1, 2, 3, 4, 5].map(n => q * 10 + n)),
]

/** How long a note may be rewritten; after that an edit is an amendment (README, "Rules"). */
export const NOTE_EDIT_WINDOW_HOURS = 24

/** The HTML a note body may hold once sanitised (server/sanitize.ts); anything else is dropped. */
export const NOTE_ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'blockquote'] as const

/** Whose note it is and what about: the same in its row and in the API. */
export interface NoteSubject {
  clinic_id: string
  patient_id: string
  owner_type: string
  owner_id: string
  type: NoteType
  tooth: number | null
}

export interface ClinicalNotesNotesTable extends NoteSubject {
  id: Generated<string>
  /** Sanitised HTML: the current text (the latest revision's). */
  body: string
  author_id: string | null
  updated_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
  deleted_at: Date | null
  deleted_by: string | null
  delete_reason: string | null
}

/** Every version of a note, the first one included: nothing written is ever lost. */
export interface ClinicalNotesRevisionsTable {
  id: Generated<string>
  note_id: string
  clinic_id: string
  /** 1 for the text as first written, then one more per edit. */
  revision: number
  body: string
  is_amendment: ColumnType<boolean, boolean | undefined, never>
  reason: string | null
  edited_by: string | null
  edited_at: Timestamp
}

export interface ClinicalNotesTemplatesTable {
  id: Generated<string>
  clinic_id: string
  name: string
  type: NoteType
  body: string
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

/** The tables this module owns, for `Kysely<ClinicalNotesTables>`. */
export interface ClinicalNotesTables {
  clinical_notes_notes: ClinicalNotesNotesTable
  clinical_notes_revisions: ClinicalNotesRevisionsTable
  clinical_notes_templates: ClinicalNotesTemplatesTable
}

export type NoteRow = Selectable<ClinicalNotesNotesTable>
export type TemplateRow = Selectable<ClinicalNotesTemplatesTable>

export interface NotePerson {
  id: string
  name: string
}

/**
 * A note as the API returns it. Times are ISO 8601 with the clinic's offset.
 * `body` is sanitised HTML (NOTE_ALLOWED_TAGS, no attributes). `amendable_from`
 * is when an edit stops rewriting and starts amending (created_at + 24 h).
 */
export interface ClinicalNote extends NoteSubject {
  id: string
  body: string
  author: NotePerson | null
  updated_by: NotePerson | null
  /** How many versions the note has (1: never edited). */
  revision_count: number
  /** Whether it was amended after the 24-hour window. */
  is_amended: boolean
  amendable_from: string
  created_at: string
  updated_at: string
}

/** One version of a note (GET /notes/{id}/revisions), oldest first. */
export interface ClinicalNoteRevision {
  revision: number
  body: string
  is_amendment: boolean
  reason: string | null
  edited_by: NotePerson | null
  edited_at: string
}

export interface ClinicalNoteTemplate {
  id: string
  name: string
  type: NoteType
  body: string
  created_at: string
  updated_at: string
}

const uuid = z.uuid('validation.uuid')
const noteBody = z.string('validation.required').max(20_000, 'validation.too_long')
const tooth = z.number('validation.tooth').int('validation.tooth').refine(v => FDI_TEETH.includes(v), 'validation.tooth')
const ownerType = z.string().regex(/^[a-z][a-z0-9_]{0,49}$/)
const reason = z.string().trim().max(500, 'validation.too_long').nullable().optional()
  .transform(v => (v === '' || v === undefined ? null : v))
const templateName = z.string('validation.required').trim().min(1, 'validation.required').max(100, 'validation.too_long')

/** POST /api/v1/clinical_notes/notes. */
export const noteCreateSchema = z.object({
  owner_type: ownerType,
  owner_id: uuid,
  type: z.enum(NOTE_TYPES),
  body: noteBody,
  tooth: tooth.nullable().optional().transform(v => v ?? null),
})
export type NoteCreateInput = z.input<typeof noteCreateSchema>

/** PUT /api/v1/clinical_notes/notes/{id}: the new text (an amendment after 24 h; `reason` is kept with it). */
export const noteUpdateSchema = z.object({
  body: noteBody,
  reason,
})
export type NoteUpdateInput = z.input<typeof noteUpdateSchema>

/** DELETE /api/v1/clinical_notes/notes/{id}: optional JSON body with why. */
export const noteDeleteSchema = z.object({ reason })

const typeFilter = z.union([z.enum(NOTE_TYPES), z.array(z.enum(NOTE_TYPES))]).optional()
  .transform(v => (v === undefined ? undefined : Array.isArray(v) ? v : [v]))
const page = z.coerce.number().int().min(1).optional().default(1)
const pageSize = z.coerce.number().int().min(1).max(100).optional().default(20)

/** GET /api/v1/clinical_notes/notes?owner_type&owner_id. */
export const noteListQuerySchema = z.object({
  owner_type: ownerType,
  owner_id: uuid,
  type: typeFilter,
  tooth: z.coerce.number().int('validation.tooth').refine(v => FDI_TEETH.includes(v), 'validation.tooth').optional(),
  page,
  page_size: pageSize,
})

/** GET /api/v1/clinical_notes/patients/{id}/notes: every owner. */
export const patientNotesQuerySchema = z.object({ type: typeFilter, page, page_size: pageSize })

/** POST /api/v1/clinical_notes/templates. */
export const templateCreateSchema = z.object({
  name: templateName,
  type: z.enum(NOTE_TYPES),
  body: noteBody,
})
export type TemplateCreateInput = z.input<typeof templateCreateSchema>

/** PUT /api/v1/clinical_notes/templates/{id}: fields sent change. */
export const templateUpdateSchema = templateCreateSchema.partial()

/** GET /api/v1/clinical_notes/templates. */
export const templateListQuerySchema = z.object({ type: typeFilter })
