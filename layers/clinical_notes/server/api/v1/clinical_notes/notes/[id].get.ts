import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { idParamSchema } from '#layers/clinical_notes/server/params'
import { getNote } from '#layers/clinical_notes/server/services/notes'

// 403 for a type the caller may not read (a receptionist and a diagnosis note).
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.read'))
  const { id } = parseParams(event, idParamSchema)
  return ok(await getNote(useDb<ClinicalNotesDb>(), actor, id))
})
