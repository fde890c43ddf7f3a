import { useDb } from '../../../../db'
import { moduleNameParams } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const { name } = parseParams(event, moduleNameParams)
  const { service, runtime } = usePlatform()
  await service.enable(name)
  await runtime.refresh(useDb(), { announce: true })
  return ok(await service.getInfo(name), `${name} is enabled`)
})
