import { loginSchema } from '#shared/schemas/auth'
import { signIn } from '../../../auth/service'
import { useDb } from '../../../db'
import { authSettings, clientInfo, setSessionCookie } from '../../../auth/http'

export default defineEventHandler(async (event) => {
  const input = await parseBody(event, loginSchema)
  const { payload, issued } = await signIn(useDb(), input, 'session', clientInfo(event), authSettings())
  setSessionCookie(event, issued)
  return ok(payload, 'Signed in')
})
