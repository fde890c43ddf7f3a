import { currentDatabaseKind } from '../../../../../db'
import { acknowledgeBody } from '../../../../../platform/http'
import { isProduction } from '../../../../../platform/env'
import { requireModuleAdmin } from '../../../../../auth/module-admin'
import { usePlatform } from '../../../../../platform'

// Beyond the contract: an admin acknowledges doctor findings (they stay listed, no longer failing the doctor).
export default defineEventHandler(async (event) => {
  const auth = await requireModuleAdmin(event, 'admin.clinic.write')
  const { keys } = await parseBody(event, acknowledgeBody)
  const { service } = usePlatform()
  await service.acknowledge(keys, auth.user.id)
  return ok(await service.doctor(currentDatabaseKind(), isProduction()), 'Findings acknowledged')
})
