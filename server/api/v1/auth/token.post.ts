import { loginSchema } from '#shared/schemas/auth'
import { signIn } from '../../../auth/service'
import { useDb } from '../../../db'
import { authSettings, clientInfo } from '../../../auth/http'

// Bearer tokens for non-browser clients: `Authorization: Bearer <token>`.
export default defineEventHandler(async (event) => {
  const input = await parseBody(event, loginSchema)
  const { issued } = await signIn(useDb(), input, 'token', clientInfo(event), authSettings())
  return created(event, { token: issued.secret, expires_at: issued.expiresAt.toISOString() }, 'Token issued')
})
