import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'
// Beyond the contract: apply pending operations now, without a restart.
export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const report = await usePlatform().applier.applyPending()
  const failed = report.operations.filter(o => o.status !== 'succeeded').length
  return ok(report, report.operations.length === 0
    ? 'Nothing to apply'
    : failed ? `${report.operations.length - failed} applied, ${failed} failed or skipped` : `${report.operations.length} applied`)
})
