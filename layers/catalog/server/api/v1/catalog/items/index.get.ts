import { itemListQuerySchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { listItems } from '#layers/catalog/server/services/items'

// Paginated; filters category_id, is_active, scope and search (code or a name in any language).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.read')
  const query = parseQuery(event, itemListQuerySchema)
  const page = await listItems(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, query)
  return paginated(page.items, page.total, page.page, page.page_size)
})
