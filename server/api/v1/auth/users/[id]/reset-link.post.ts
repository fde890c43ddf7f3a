import { idParamSchema } from '#shared/schemas/auth'
import { createResetLink } from '../../../../../auth/members'
import { useDb } from '../../../../../db'

// A one-time password reset link for a member whose account the caller manages.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.users.write')
  const { id } = parseParams(event, idParamSchema)
  return created(event, await createResetLink(useDb(), auth, id, getRequestURL(event).origin), 'Password reset link created')
})
