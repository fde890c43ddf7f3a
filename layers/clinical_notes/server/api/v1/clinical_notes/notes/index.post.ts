import { noteCreateSchema } from '#layers/clinical_notes/models'
import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { createNote } from '#layers/clinical_notes/server/services/notes'

// A clinical type needs clinical_notes.clinical.write on top of the guard (403 otherwise).
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.write'))
  const input = await parseBody(event, noteCreateSchema)
  return created(event, await createNote(useDb<ClinicalNotesDb>(), actor, input), 'Note added')
})
