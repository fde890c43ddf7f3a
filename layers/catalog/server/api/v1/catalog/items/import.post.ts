import { itemImportSchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { importItems } from '#layers/catalog/server/services/items-import'

// All rows or none (422 listing items[i].<field>); a code that exists updates that item.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.write')
  const input = await parseBody(event, itemImportSchema)
  return ok(await importItems(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, input), 'Items imported')
})
