import { idParamSchema } from '#shared/schemas/auth'
import { declineInvitation } from '../../../../../auth/credentials'
import { useDb } from '../../../../../db'

export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  const { id } = parseParams(event, idParamSchema)
  await declineInvitation(useDb(), auth, id)
  return noContent(event)
})
