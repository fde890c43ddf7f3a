import { paginationSchema } from '#shared/schemas/auth'
import { listMembers } from '../../../../auth/members'
import { useDb } from '../../../../db'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'admin.users.read')
  const { page, page_size } = parseQuery(event, paginationSchema)
  const { items, total } = await listMembers(useDb(), auth, page, page_size)
  return paginated(items, total, page, page_size)
})
