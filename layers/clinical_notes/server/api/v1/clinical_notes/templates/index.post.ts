import { templateCreateSchema } from '#layers/clinical_notes/models'
import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { createTemplate } from '#layers/clinical_notes/server/services/templates'

// A template for a type the caller may write (403 otherwise); names are unique per clinic (409).
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.write'))
  const input = await parseBody(event, templateCreateSchema)
  return created(event, await createTemplate(useDb<ClinicalNotesDb>(), actor, input), 'Template saved')
})
