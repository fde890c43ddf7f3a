import { useDb } from '#dentalpin'
import { patientIdParamsSchema } from '../../../../../models'
import type { PatientsTables } from '../../../../../models'
import { getMedicalHistory } from '../../../../services/patients'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.medical.read')
  const { id } = parseParams(event, patientIdParamsSchema)
  return ok(await getMedicalHistory(useDb<PatientsTables>(), auth.clinicId, id))
})
