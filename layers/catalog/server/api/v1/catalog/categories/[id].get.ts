import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { idParamSchema } from '#layers/catalog/server/params'
import { getCategory } from '#layers/catalog/server/services/categories'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.read')
  const { id } = parseParams(event, idParamSchema)
  return ok(await getCategory(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id))
})
