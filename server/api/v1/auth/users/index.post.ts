import { createUserSchema } from '#shared/schemas/auth'
import { createMember } from '../../../../auth/members'
import { useDb } from '../../../../db'

// Always an invitation with its one-time link; the same answer whether or not the e-mail has an account.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.users.write')
  const input = await parseBody(event, createUserSchema)
  const result = await createMember(useDb(), auth, input, getRequestURL(event).origin)
  return created(event, result, 'User invited')
})
