import { itemUpdateSchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { idParamSchema } from '#layers/catalog/server/params'
import { updateItem } from '#layers/catalog/server/services/items'

// A system item keeps what it charts as (403 catalog.system_row); its prices are the clinic's.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.write')
  const { id } = parseParams(event, idParamSchema)
  const input = await parseBody(event, itemUpdateSchema)
  return ok(await updateItem(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, id, input), 'Item updated')
})
