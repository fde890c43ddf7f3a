import { moduleNameParams, operationQuery } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const { name } = parseParams(event, moduleNameParams)
  const { force, dry_run } = parseQuery(event, operationQuery)
  const { service, applier } = usePlatform()
  if (dry_run) {
    const chain = service.installPlan(name, { force })
    return ok({ chain, plans: await Promise.all(chain.map(m => applier.plan(m, 'install'))) }, 'Dry run: nothing was changed')
  }
  const result = await service.install(name, { force })
  return accepted(event, result, result.scheduled.length
    ? `Scheduled for install: ${result.scheduled.join(', ')}. Restart or apply to install.`
    : result.message ?? `${name} is already installed`)
})
