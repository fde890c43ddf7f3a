import { vatTypeUpdateSchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { idParamSchema } from '#layers/catalog/server/params'
import { updateVatType } from '#layers/catalog/server/services/vat-types'

// A system row may change only its activation and default (403 catalog.system_row).
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.admin')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, vatTypeUpdateSchema)
  return ok(await updateVatType(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id, input), 'VAT type updated')
})
