import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.read')
  const platform = usePlatform()
  return ok({ ...await platform.service.status(), applying: platform.applier.busy })
})
