import { updateClinicSchema } from '#shared/schemas/auth'
import { updateCurrentClinic } from '../../../auth/service'
import { useDb } from '../../../db'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.clinic.write')
  const input = await parseBody(event, updateClinicSchema)
  return ok(await updateCurrentClinic(useDb(), auth, input), 'Clinic updated')
})
