import { createHooks } from 'hookable'
import type { Kysely } from 'kysely'
import type { Database } from '../db/types'
import { eventBus } from '../platform/events/bus'

export interface ClinicCreatedPayload {
  clinic_id: string
  /** The unit of work that created the clinic: per-clinic seeds join it. */
  db: Kysely<Database>
}

/**
 * Core lifecycle hooks, awaited inside the transaction that caused them.
 * `clinic:created` lets the platform seed per-clinic module data in the same
 * unit of work; the `clinic.created` event goes out after the commit.
 */
export const coreHooks = createHooks<{
  'clinic:created': (payload: ClinicCreatedPayload) => void | Promise<void>
}>()

/** Called inside the transaction (a `transaction()` unit of work) that created a clinic. */
export async function clinicCreated(payload: ClinicCreatedPayload): Promise<void> {
  await coreHooks.callHook('clinic:created', payload)
  eventBus.publish('clinic.created', { clinic_id: payload.clinic_id })
}
