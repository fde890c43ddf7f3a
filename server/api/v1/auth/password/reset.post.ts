import { resetPasswordSchema } from '#shared/schemas/auth'
import { resetPassword } from '../../../../auth/credentials'
import { useDb } from '../../../../db'
import { authSettings, clientInfo, setSessionCookie } from '../../../../auth/http'

// Sets a new password from a one-time reset link and signs in.
export default defineEventHandler(async (event) => {
  const input = await parseBody(event, resetPasswordSchema)
  const { payload, issued } = await resetPassword(useDb(), input.token, input.password, clientInfo(event), authSettings())
  setSessionCookie(event, issued)
  return ok(payload, 'Password changed')
})
