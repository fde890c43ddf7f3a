import { idParamSchema } from '#shared/schemas/auth'
import { confirmMember } from '../../../../../auth/members'
import { useDb } from '../../../../../db'

// Accepts a pending invitation on the holder's behalf: only with authority over the account.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.users.write')
  const { id } = parseParams(event, idParamSchema)
  return ok(await confirmMember(useDb(), auth, id), 'Membership confirmed')
})
