import { z } from 'zod'
import { useDb } from '../../../../../db'
import { listOperations } from '../../../../../platform/journal'
import { moduleNameParams } from '../../../../../platform/http'
import { requireModuleAdmin } from '../../../../../auth/module-admin'
import { usePlatform } from '../../../../../platform'

const query = z.object({ limit: z.coerce.number().int().catch(20).transform(n => Math.min(100, Math.max(1, n))) })

// The operation journal of one module, newest first.
export default defineEventHandler(async (event) => {
  await requireModuleAdmin(event, 'admin.clinic.read')
  const { name } = parseParams(event, moduleNameParams)
  const { limit } = parseQuery(event, query)
  await usePlatform().service.getInfo(name)
  return ok(await listOperations(useDb(), name, limit))
})
