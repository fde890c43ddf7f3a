import { dryRunAnswer, moduleNameParams, operationQuery } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const { name } = parseParams(event, moduleNameParams)
  const { force, dry_run } = parseQuery(event, operationQuery)
  const { service } = usePlatform()
  if (dry_run) return dryRunAnswer(service.installPlan(name, { force }), 'install')
  const result = await service.install(name, { force })
  return accepted(event, result, result.scheduled.length
    ? `Scheduled for install: ${result.scheduled.join(', ')}. Restart or apply to install.`
    : result.message ?? `${name} is already installed`)
})
