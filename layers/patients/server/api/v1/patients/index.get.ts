import { useDb } from '#dentalpin'
import { patientListQuerySchema } from '../../../../models'
import type { PatientsTables } from '../../../../models'
import { listPatients } from '../../../services/patients'

// Every search term must match (name, phone, email or national id), ignoring case and accents.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'patients.read')
  const query = parseQuery(event, patientListQuerySchema)
  const { items, total } = await listPatients(useDb<PatientsTables>(), auth.clinicId, query)
  return paginated(items, total, query.page, query.page_size)
})
