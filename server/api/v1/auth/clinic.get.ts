import { currentClinic } from '../../../auth/service'
import { useDb } from '../../../db'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.clinic.read')
  return ok(await currentClinic(useDb(), auth))
})
