import { moduleNameParams, switchModuleAnswer } from '../../../../platform/http'
import { requireModuleAdmin } from '../../../../auth/module-admin'

// Beyond the contract: switch a module off at once, keeping its schema and data.
export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.write')
  const { name } = parseParams(event, moduleNameParams)
  return switchModuleAnswer(name, false)
})
