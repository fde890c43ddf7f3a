import { itemSearchQuerySchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { searchItems } from '#layers/catalog/server/services/items'

// The treatment picker: at most 20 active items matching `q` (code or name).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.read')
  const query = parseQuery(event, itemSearchQuerySchema)
  return ok(await searchItems(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, query))
})
