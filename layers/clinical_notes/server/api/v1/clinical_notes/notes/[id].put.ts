import { noteUpdateSchema } from '#layers/clinical_notes/models'
import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { idParamSchema } from '#layers/clinical_notes/server/params'
import { updateNote } from '#layers/clinical_notes/server/services/notes'

// A new text: rewritten within 24 hours of writing, amended afterwards; the old text stays a revision.
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.write'))
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, noteUpdateSchema)
  return ok(await updateNote(useDb<ClinicalNotesDb>(), actor, id, input), 'Note saved')
})
