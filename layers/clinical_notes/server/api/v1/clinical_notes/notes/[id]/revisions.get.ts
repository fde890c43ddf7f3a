import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { idParamSchema } from '#layers/clinical_notes/server/params'
import { listRevisions } from '#layers/clinical_notes/server/services/notes'

// Every version of the note, the first one included, oldest first.
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.read'))
  const { id } = parseParams(event, idParamSchema)
  return ok(await listRevisions(useDb<ClinicalNotesDb>(), actor, id))
})
