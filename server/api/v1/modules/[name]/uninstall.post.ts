import { dryRunAnswer, moduleNameParams, operationQuery } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const { name } = parseParams(event, moduleNameParams)
  const { force, dry_run } = parseQuery(event, operationQuery)
  const { service } = usePlatform()
  if (dry_run) return dryRunAnswer(await service.uninstallPlan(name, { force }), 'uninstall')
  const result = await service.uninstall(name, { force })
  return accepted(event, result, `Scheduled for removal: ${result.scheduled.join(', ')}. A backup of their tables is taken first. Restart or apply to remove.`)
})
