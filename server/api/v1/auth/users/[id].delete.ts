import { idParamSchema } from '#shared/schemas/auth'
import { removeMember } from '../../../../auth/members'
import { useDb } from '../../../../db'

// Removes the user's membership of the current clinic (the account stays).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.users.write')
  const { id } = parseParams(event, idParamSchema)
  await removeMember(useDb(), auth, id)
  return noContent(event)
})
