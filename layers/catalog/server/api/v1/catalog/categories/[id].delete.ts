import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { idParamSchema } from '#layers/catalog/server/params'
import { deleteCategory } from '#layers/catalog/server/services/categories'

// 403 for a system category; 409 while any item is filed under it.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.admin')
  const { id } = parseParams(event, idParamSchema)
  await deleteCategory(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id)
  return noContent(event)
})
