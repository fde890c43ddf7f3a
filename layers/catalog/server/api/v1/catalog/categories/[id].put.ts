import { categoryUpdateSchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { idParamSchema } from '#layers/catalog/server/params'
import { updateCategory } from '#layers/catalog/server/services/categories'

// A system row may change only its activation (403 catalog.system_row).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.admin')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, categoryUpdateSchema)
  return ok(await updateCategory(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id, input), 'Category updated')
})
