import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { idParamSchema } from '#layers/clinical_notes/server/params'
import { deleteTemplate } from '#layers/clinical_notes/server/services/templates'

export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.write'))
  const { id } = parseParams(event, idParamSchema)
  await deleteTemplate(useDb<ClinicalNotesDb>(), actor, id)
  return noContent(event)
})
