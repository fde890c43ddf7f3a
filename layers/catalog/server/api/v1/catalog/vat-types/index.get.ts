import { activeListQuerySchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { listVatTypes } from '#layers/catalog/server/services/vat-types'

// The clinic's VAT types, the default first; `?is_active=true` for the ones items may use.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.read')
  const query = parseQuery(event, activeListQuerySchema)
  return ok(await listVatTypes(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, query))
})
