import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { idParamSchema } from '#layers/catalog/server/params'
import { deleteItem } from '#layers/catalog/server/services/items'

// Soft delete; a system item is deactivated instead (403 catalog.system_row).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.write')
  const { id } = parseParams(event, idParamSchema)
  await deleteItem(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id)
  return noContent(event)
})
