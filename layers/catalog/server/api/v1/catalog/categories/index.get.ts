import { activeListQuerySchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { listCategories } from '#layers/catalog/server/services/categories'

// The clinic's categories by display order; `?is_active=true` for the ones in use.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.read')
  const query = parseQuery(event, activeListQuerySchema)
  return ok(await listCategories(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, query))
})
