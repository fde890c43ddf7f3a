import { z } from 'zod'

/** `{id}` in a route: anything but a UUID names nothing (404 through parseParams). */
export const idParamSchema = z.object({ id: z.uuid() })

/** `{patient_id}` in a route, likewise. */
export const patientParamSchema = z.object({ patient_id: z.uuid() })

/** The actor of a request (services check finer grants, e.g. treatments vs conditions). */
export function actorOf(auth: { clinicId: string, user: { id: string }, grants: string[] }) {
  return { clinicId: auth.clinicId, userId: auth.user.id, grants: auth.grants }
}
