import { useDb } from '#dentalpin'
import { patientIdParamsSchema, patientUpdateSchema } from '../../../../models'
import type { PatientsTables } from '../../../../models'
import { updatePatient } from '../../../services/patients'

// Only the fields sent change; an archived patient must be restored first (409).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.write')
  const { id } = parseParams(event, patientIdParamsSchema)
  const input = await parseBody(event, patientUpdateSchema)
  return ok(await updatePatient(useDb<PatientsTables>(), auth.clinicId, id, input), 'Patient updated')
})
