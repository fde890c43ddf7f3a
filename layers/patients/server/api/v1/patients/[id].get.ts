import { useDb } from '#dentalpin'
import { patientIdParamsSchema } from '../../../../models'
import type { PatientsTables } from '../../../../models'
import { getPatient } from '../../../services/patients'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.read')
  const { id } = parseParams(event, patientIdParamsSchema)
  return ok(await getPatient(useDb<PatientsTables>(), auth.clinicId, id))
})
