import { moduleNameParams, operationQuery } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const { name } = parseParams(event, moduleNameParams)
  const { force, dry_run } = parseQuery(event, operationQuery)
  const { service, applier } = usePlatform()
  if (dry_run) {
    const chain = await service.uninstallPlan(name, { force })
    return ok({ chain, plans: await Promise.all(chain.map(m => applier.plan(m, 'uninstall'))) }, 'Dry run: nothing was changed')
  }
  const result = await service.uninstall(name, { force })
  return accepted(event, result, `Scheduled for removal: ${result.scheduled.join(', ')}. A backup of their tables is taken first. Restart or apply to remove.`)
})
