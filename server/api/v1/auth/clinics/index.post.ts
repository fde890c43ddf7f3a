import { createClinicSchema } from '#shared/schemas/auth'
import { createClinic } from '../../../../auth/service'
import { useDb } from '../../../../db'

export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  const input = await parseBody(event, createClinicSchema)
  return created(event, await createClinic(useDb(), auth, input), 'Clinic created')
})
