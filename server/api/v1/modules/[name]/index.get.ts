import { moduleNameParams } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.read')
  const { name } = parseParams(event, moduleNameParams)
  return ok(await usePlatform().service.getInfo(name))
})
