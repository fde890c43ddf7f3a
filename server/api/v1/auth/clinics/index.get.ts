import { myClinics } from '../../../../auth/service'
import { useDb } from '../../../../db'

// The caller's clinics with their role in each.
export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  return ok(await myClinics(useDb(), auth))
})
