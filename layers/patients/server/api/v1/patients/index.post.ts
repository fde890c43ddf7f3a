import { useDb } from '#dentalpin'
import { patientCreateSchema } from '../../../../models'
import type { PatientsTables } from '../../../../models'
import { createPatient } from '../../../services/patients'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.write')
  const input = await parseBody(event, patientCreateSchema)
  return created(event, await createPatient(useDb<PatientsTables>(), auth.clinicId, input, auth.user.id), 'Patient created')
})
