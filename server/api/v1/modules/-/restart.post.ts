import { consola } from 'consola'
import { requestRestart } from '../../../../platform/restart'
import { requireModuleAdmin } from '../../../../auth/module-admin'

// 202, then a graceful restart: the supervisor (npm start / npm run demo) starts
// the server again and pending operations are applied before it serves.
export default defineEventHandler(async (event) => {
  const auth = await requireModuleAdmin(event, 'admin.clinic.write')
  consola.withTag('dentalpin:modules').info(`restart requested by user ${auth.user.id}`)
  const mode = requestRestart()
  return accepted(event, { restarting: true, mode }, mode === 'process'
    ? 'DentalPin is restarting; pending module operations are applied before it serves again'
    : 'Pending module operations are being applied')
})
