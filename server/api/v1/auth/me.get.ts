import { me } from '../../../auth/service'
import { useDb } from '../../../db'

export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  return ok(await me(useDb(), auth))
})
