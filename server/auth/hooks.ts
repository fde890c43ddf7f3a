import { createHooks } from 'hookable'
import type { Kysely } from 'kysely'
import type { Database } from '../db/types'

export interface ClinicCreatedPayload {
  clinic_id: string
  /** The unit of work that created the clinic: per-clinic seeds join it. */
  db: Kysely<Database>
}

/**
 * Core lifecycle hooks. `clinic:created` is the seam the event bus (issue #3)
 * connects to in order to publish `clinic.created` so modules seed per-clinic
 * defaults; until then it only logs.
 */
export const coreHooks = createHooks<{
  'clinic:created': (payload: ClinicCreatedPayload) => void | Promise<void>
}>()

export async function clinicCreated(payload: ClinicCreatedPayload): Promise<void> {
  await coreHooks.callHook('clinic:created', payload)
}
