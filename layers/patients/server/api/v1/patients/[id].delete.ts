import { useDb } from '#dentalpin'
import { patientIdParamsSchema } from '../../../../models'
import type { PatientsTables } from '../../../../models'
import { archivePatient } from '../../../services/patients'

// Patients are archived, never deleted: POST /{id}/restore brings them back.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.archive')
  const { id } = parseParams(event, patientIdParamsSchema)
  await archivePatient(useDb<PatientsTables>(), auth.clinicId, id)
  return noContent(event)
})
