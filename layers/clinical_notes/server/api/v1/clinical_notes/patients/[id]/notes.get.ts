import { patientNotesQuerySchema } from '#layers/clinical_notes/models'
import { useDb } from '#dentalpin'
import type { ClinicalNotesDb } from '#layers/clinical_notes/server/db'
import { notesActor } from '#layers/clinical_notes/server/db'
import { idParamSchema } from '#layers/clinical_notes/server/params'
import { listPatientNotes } from '#layers/clinical_notes/server/services/notes'

// Every note of the patient, whatever it is attached to, newest first (404 for another clinic's patient).
export default defineEventHandler(async (event) => {
  const actor = notesActor(await requirePermission(event, 'clinical_notes.admin_notes.read'))
  const { id } = parseParams(event, idParamSchema)
  const query = parseQuery(event, patientNotesQuerySchema)
  const { items, total } = await listPatientNotes(useDb<ClinicalNotesDb>(), actor, id, query)
  return paginated(items, total, query.page, query.page_size)
})
