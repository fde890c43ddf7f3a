import { useDb } from '#dentalpin'
import type { PatientsTables } from '../../../../models'
import { listRecentPatients } from '../../../services/patients'

// The clinic's most recently created or edited active patients (quick access).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.read')
  return ok(await listRecentPatients(useDb<PatientsTables>(), auth.clinicId))
})
