import { dryRunAnswer, moduleNameParams, operationQuery } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const { name } = parseParams(event, moduleNameParams)
  const { dry_run } = parseQuery(event, operationQuery)
  const { service } = usePlatform()
  if (dry_run) return dryRunAnswer([name], 'upgrade')
  const result = await service.upgrade(name)
  if (result.scheduled.length === 0) return ok(result, result.message ?? null)
  return accepted(event, result, `${result.message}. Restart or apply to upgrade.`)
})
