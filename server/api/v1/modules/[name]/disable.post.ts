import { useDb } from '../../../../db'
import { moduleNameParams } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

// Beyond the contract: switch a module off at once, keeping its schema and data.
export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const { name } = parseParams(event, moduleNameParams)
  const { service, runtime } = usePlatform()
  await service.disable(name)
  await runtime.refresh(useDb(), { announce: true })
  return ok(await service.getInfo(name), `${name} is disabled; its data is kept`)
})
