import { currentDatabaseKind } from '../../../../db'
import { isProduction } from '../../../../platform/env'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.read')
  return ok(await usePlatform().service.doctor(currentDatabaseKind(), isProduction()))
})
