import { z } from 'zod'

/** `{id}` in a route: anything but a UUID names nothing (404 through parseParams). */
export const idParamSchema = z.object({ id: z.uuid() })

/** `{id}` and `{item_id}`. */
export const itemParamSchema = z.object({ id: z.uuid(), item_id: z.uuid() })

/** `{appointment_id}`. */
export const appointmentParamSchema = z.object({ appointment_id: z.uuid() })

/** The actor of a request. */
export function actorOf(auth: { clinicId: string, user: { id: string }, grants: string[] }) {
  return { clinicId: auth.clinicId, userId: auth.user.id, grants: auth.grants }
}
