import type { ClinicsTable, UsersTable } from '#dentalpin'
import { hasPermission } from '#shared/permissions'
import type { PatientsTables } from '#layers/patients/models'
import { NOTE_TYPE_ACCESS, NOTE_TYPES } from '../models'
import type { ClinicalNotesTables, NoteType } from '../models'

/**
 * What clinical_notes reads and writes: its own tables, the `patients` table
 * of the module it depends on (through its published type: a note's patient
 * must be the clinic's), and the core's users (authors) and clinics (time zone).
 */
export interface ClinicalNotesDb extends ClinicalNotesTables, Pick<PatientsTables, 'patients'> {
  users: UsersTable
  clinics: ClinicsTable
}

/** Who acts, in which clinic, and which note types they may read and write. */
export interface NotesActor {
  clinicId: string
  userId: string
  readTypes: readonly NoteType[]
  writeTypes: readonly NoteType[]
}

/**
 * The actor of a request from its auth context: each note type is readable
 * (writable) with `clinical_notes.<family>.read` (`.write`) of its family
 * (NOTE_TYPE_ACCESS). The route guards only let in members with the
 * administrative family; the type decides the rest, note by note.
 */
export function notesActor(auth: { clinicId: string, user: { id: string }, grants: readonly string[] }): NotesActor {
  const allowed = (action: 'read' | 'write') =>
    NOTE_TYPES.filter(type => hasPermission(auth.grants, `clinical_notes.${NOTE_TYPE_ACCESS[type]}.${action}`))
  return { clinicId: auth.clinicId, userId: auth.user.id, readTypes: allowed('read'), writeTypes: allowed('write') }
}
