import { currentDatabaseKind } from '../../../../db'
import { isProduction } from '../../../../platform/env'
import { requireModuleAdmin } from '../../../../auth/module-admin'
import { usePlatform } from '../../../../platform'

export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.read')
  return ok(await usePlatform().service.doctor(currentDatabaseKind(), isProduction()))
})
