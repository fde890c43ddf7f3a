import { noteDeleteSchema } from '#layers/clinical_notes/models'
import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { idParamSchema } from '#layers/clinical_notes/server/params'
import { deleteNote } from '#layers/clinical_notes/server/services/notes'

// Soft delete with who and why (optional JSON body `{reason}`); the note and its revisions stay in the table.
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.write'))
  const { id } = parseParams(event, idParamSchema)
  const { reason } = await parseBody(event, noteDeleteSchema)
  await deleteNote(useDb<ClinicalNotesDb>(), actor, id, reason)
  return noContent(event)
})
