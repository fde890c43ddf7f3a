import { setupStatus } from '../../../../auth/service'
import { useDb } from '../../../../db'

export default defineEventHandler(async () => ok(await setupStatus(useDb())))
