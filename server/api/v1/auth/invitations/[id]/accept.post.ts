import { idParamSchema } from '#shared/schemas/auth'
import { acceptInvitation } from '../../../../../auth/credentials'
import { useDb } from '../../../../../db'

export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  const { id } = parseParams(event, idParamSchema)
  return ok(await acceptInvitation(useDb(), auth, id), 'Invitation accepted')
})
