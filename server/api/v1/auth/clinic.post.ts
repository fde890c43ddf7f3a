import { switchClinicSchema } from '#shared/schemas/auth'
import { switchClinic } from '../../../auth/service'
import { useDb } from '../../../db'

// Switches the session's active clinic.
export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  const { clinic_id } = await parseBody(event, switchClinicSchema)
  return ok(await switchClinic(useDb(), auth, clinic_id), 'Clinic switched')
})
