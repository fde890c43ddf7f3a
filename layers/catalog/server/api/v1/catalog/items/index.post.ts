import { itemCreateSchema } from '#layers/catalog/models'
import { useDb } from '#dentalpin'
import type { CatalogDb } from '#layers/catalog/server/db'
import { createItem } from '#layers/catalog/server/services/items'

// VAT omitted → the clinic's default; 409 catalog.code_taken; 422 for the rules across fields.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'catalog.write')
  const input = await parseBody(event, itemCreateSchema)
  return created(event, await createItem(useDb<CatalogDb>(), { clinicId: auth.clinicId, userId: auth.user.id }, input), 'Item created')
})
