import { idParamSchema, updateUserSchema } from '#shared/schemas/auth'
import { updateMember } from '../../../../auth/members'
import { useDb } from '../../../../db'

// Deactivating a user revokes every session and token they hold.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.users.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, updateUserSchema)
  return ok(await updateMember(useDb(), auth, id, input), 'User updated')
})
