import { requireModuleAdmin } from '../../../auth/module-admin'
import { usePlatform } from '../../../platform'
// Every module: on disk, in the database, or broken, with its state.
export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.read')
  return ok(await usePlatform().service.listModules())
})
