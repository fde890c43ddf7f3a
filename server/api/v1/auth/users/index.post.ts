import { createUserSchema } from '#shared/schemas/auth'
import { createMember } from '../../../../auth/service'
import { useDb } from '../../../../db'

// Without a password the answer carries a one-time invite link.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.users.write')
  const input = await parseBody(event, createUserSchema)
  const result = await createMember(useDb(), auth, input, getRequestURL(event).origin)
  return created(event, result, result.invite_url ? 'User invited' : 'User created')
})
