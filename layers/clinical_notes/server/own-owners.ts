// The two owner types of this module: the patient (notes on the record) and
// one tooth of the patient (the owner id is the patient's, `tooth` names the tooth).
import type { Kysely } from 'kysely'
import { registerNoteOwnerType } from '../owners'
import type { NoteOwnerType } from '../owners'
import type { ClinicalNotesDb } from './db'
import { patientOfClinic } from './repositories/notes'

const patientOf: NoteOwnerType['patientOf'] = (db, clinicId, ownerId) => patientOfClinic(db as Kysely<ClinicalNotesDb>, clinicId, ownerId)

export function registerOwnOwnerTypes(): void {
  registerNoteOwnerType({ type: 'patient', module: 'clinical_notes', patientOf })
  registerNoteOwnerType({ type: 'tooth', module: 'clinical_notes', patientOf, requiresTooth: true })
}
