import { useDb } from '#dentalpin'
import { patientIdParamsSchema } from '../../../../../models'
import type { PatientsTables } from '../../../../../models'
import { restorePatient } from '../../../../services/patients'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.archive')
  const { id } = parseParams(event, patientIdParamsSchema)
  return ok(await restorePatient(useDb<PatientsTables>(), auth.clinicId, id), 'Patient restored')
})
