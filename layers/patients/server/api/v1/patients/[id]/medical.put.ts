import { useDb } from '#dentalpin'
import { medicalHistorySchema, patientIdParamsSchema } from '../../../../../models'
import type { PatientsTables } from '../../../../../models'
import { updateMedicalHistory } from '../../../../services/patients'

// The lists sent replace the stored ones; the others stay.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.medical.write')
  const { id } = parseParams(event, patientIdParamsSchema)
  const input = await parseBody(event, medicalHistorySchema)
  const history = await updateMedicalHistory(useDb<PatientsTables>(), { clinicId: auth.clinicId, userId: auth.user.id }, id, input)
  return ok(history, 'Medical history updated')
})
