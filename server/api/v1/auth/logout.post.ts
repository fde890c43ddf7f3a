import { signOut } from '../../../auth/service'
import { useDb } from '../../../db'
import { clearSessionCookie } from '../../../auth/http'

// Revokes the session (or the bearer token) the request came with.
export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  await signOut(useDb(), auth)
  if (auth.via === 'cookie') clearSessionCookie(event)
  return ok(null, 'Signed out')
})
