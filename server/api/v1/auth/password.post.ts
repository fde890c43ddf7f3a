import { changePasswordSchema } from '#shared/schemas/auth'
import { changePassword } from '../../../auth/credentials'
import { useDb } from '../../../db'
import { authSettings, clientInfo } from '../../../auth/http'

// Changes the caller's own password; their other sessions and tokens are revoked.
export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  const input = await parseBody(event, changePasswordSchema)
  await changePassword(useDb(), auth, input, clientInfo(event), authSettings())
  return noContent(event)
})
