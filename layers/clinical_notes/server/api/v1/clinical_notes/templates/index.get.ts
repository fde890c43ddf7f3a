import { templateListQuerySchema } from '#layers/clinical_notes/models'
import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { listTemplates } from '#layers/clinical_notes/server/services/templates'

// The clinic's templates of the types the caller may read, by type and name.
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.read'))
  const query = parseQuery(event, templateListQuerySchema)
  return ok(await listTemplates(useDb<ClinicalNotesDb>(), actor, query))
})
