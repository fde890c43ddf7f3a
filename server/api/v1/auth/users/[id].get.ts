import { idParamSchema } from '#shared/schemas/auth'
import { getMember } from '../../../../auth/members'
import { useDb } from '../../../../db'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.users.read')
  const { id } = parseParams(event, idParamSchema)
  return ok(await getMember(useDb(), auth, id))
})
