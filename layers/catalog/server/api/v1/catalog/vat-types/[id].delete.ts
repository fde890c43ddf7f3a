import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { idParamSchema } from '#layers/catalog/server/params'
import { deleteVatType } from '#layers/catalog/server/services/vat-types'

// Soft delete. 409 for the default or one live items use; 403 for a system row.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.admin')
  const { id } = parseParams(event, idParamSchema)
  await deleteVatType(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id)
  return noContent(event)
})
