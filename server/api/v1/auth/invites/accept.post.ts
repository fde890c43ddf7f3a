import { acceptInviteSchema } from '#shared/schemas/auth'
import { acceptInvite } from '../../../../auth/credentials'
import { useDb } from '../../../../db'
import { authSettings, clientInfo, setSessionCookie } from '../../../../auth/http'

export default defineEventHandler(async (event) => {
  const input = await parseBody(event, acceptInviteSchema)
  const { payload, issued } = await acceptInvite(useDb(), input.token, input.password, clientInfo(event), authSettings())
  setSessionCookie(event, issued)
  return ok(payload, 'Welcome to DentalPin')
})
