import { entryCreateSchema } from '#layers/odontogram/models'
import { useDb } from '#dentalpin'
import type { OdontogramDb } from '#layers/odontogram/server/db'
import { actorOf, patientParamSchema } from '#layers/odontogram/server/params'
import { createEntry } from '#layers/odontogram/server/services/entries'

// The least grant that charts anything; the service checks treatments (write) and the clinic's assistant setting.
export default defineEventHandler(async (event) => {
  const auth = await requirePermission(event, 'odontogram.conditions.write')
  const { patient_id } = parseParams(event, patientParamSchema)
  const input = await parseBody(event, entryCreateSchema)
  return created(event, await createEntry(useDb<OdontogramDb>(), actorOf(auth), patient_id, input), 'Entry charted')
})
