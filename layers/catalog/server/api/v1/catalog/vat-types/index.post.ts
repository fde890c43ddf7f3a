import { vatTypeCreateSchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { createVatType } from '#layers/catalog/server/services/vat-types'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.admin')
  const input = await parseBody(event, vatTypeCreateSchema)
  return created(event, await createVatType(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, input), 'VAT type created')
})
