import { myInvitations } from '../../../../auth/credentials'
import { useDb } from '../../../../db'

// The caller's invitations to other clinics, waiting for an answer.
export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  return ok(await myInvitations(useDb(), auth))
})
