import { categoryCreateSchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { createCategory } from '#layers/catalog/server/services/categories'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.admin')
  const input = await parseBody(event, categoryCreateSchema)
  return created(event, await createCategory(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, input), 'Category created')
})
