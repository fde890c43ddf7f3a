import { setupSchema } from '#shared/schemas/auth'
import { setup } from '../../../../auth/service'
import { useDb } from '../../../../db'
import { authSettings, clientInfo, setSessionCookie } from '../../../../auth/http'

export default defineEventHandler(async (event) => {
  const input = await parseBody(event, setupSchema)
  const { payload, issued } = await setup(useDb(), input, clientInfo(event), authSettings())
  setSessionCookie(event, issued)
  return created(event, payload, 'DentalPin is set up')
})
