import { z } from 'zod'

/** `{id}` in a route: anything but a UUID names nothing (404 through parseParams). */
export const idParamSchema = z.object({ id: z.uuid() })
