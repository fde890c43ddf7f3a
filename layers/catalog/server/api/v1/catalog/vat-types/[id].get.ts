import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { idParamSchema } from '#layers/catalog/server/params'
import { getVatType } from '#layers/catalog/server/services/vat-types'

export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.read')
  const { id } = parseParams(event, idParamSchema)
  return ok(await getVatType(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id))
})
