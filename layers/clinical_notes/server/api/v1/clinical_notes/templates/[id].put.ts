import { templateUpdateSchema } from '#layers/clinical_notes/models'
import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { idParamSchema } from '#layers/clinical_notes/server/params'
import { updateTemplate } from '#layers/clinical_notes/server/services/templates'

export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.write'))
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, templateUpdateSchema)
  return ok(await updateTemplate(useDb<ClinicalNotesDb>(), actor, id, input), 'Template saved')
})
