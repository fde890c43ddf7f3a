import { noteListQuerySchema } from '#layers/clinical_notes/models'
import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { listOwnerNotes } from '#layers/clinical_notes/server/services/notes'

// The notes on one owner, newest first; only the types the caller may read.
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.read'))
  const query = parseQuery(event, noteListQuerySchema)
  const { items, total } = await listOwnerNotes(useDb<ClinicalNotesDb>(), actor, query)
  return paginated(items, total, query.page, query.page_size)
})
