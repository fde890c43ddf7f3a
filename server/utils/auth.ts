// Auto-imported into every route handler, the modules' included: who is calling
// and what they may do (docs/core-api.md, "Route helpers").
import type { H3Event } from 'h3'
import type { AuthContext } from '../auth/context'
import { resolveAuth } from '../auth/context'
import { hasPermission } from '../auth/permissions'
import { SESSION_COOKIE } from '../auth/http'
import { useDb } from '../db'
import { forbidden, unauthorized } from './errors'

export type { AuthContext } from '../auth/context'

declare module 'h3' {
  interface H3EventContext {
    auth?: AuthContext | null
    requestId?: string
  }
}

function bearerToken(event: H3Event): string | null {
  const header = getRequestHeader(event, 'authorization')
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  return match?.[1] ?? null
}

/** The caller, or null when anonymous. Resolved once per request. */
export async function optionalAuth(event: H3Event): Promise<AuthContext | null> {
  if (event.context.auth !== undefined) return event.context.auth
  const bearer = bearerToken(event)
  const cookie = getCookie(event, SESSION_COOKIE)
  const requestedClinic = getRequestHeader(event, 'x-clinic-id')?.trim() || null
  let auth: AuthContext | null = null
  if (bearer) auth = await resolveAuth(useDb(), bearer, 'bearer', requestedClinic)
  else if (cookie) auth = await resolveAuth(useDb(), cookie, 'cookie', requestedClinic)
  event.context.auth = auth
  return auth
}

/** The caller; 401 in the envelope when anonymous or the session is gone. */
export async function requireAuth(event: H3Event): Promise<AuthContext> {
  const auth = await optionalAuth(event)
  if (!auth) throw unauthorized()
  return auth
}

/** The caller, holding `permission` in the current clinic (403 otherwise). */
export async function requirePermission(event: H3Event, permission: string): Promise<AuthContext & { clinicId: string }> {
  const auth = await requireAuth(event)
  if (!auth.clinicId || !hasPermission(auth.grants, permission)) {
    throw forbidden('auth.forbidden', `Missing permission: ${permission}`)
  }
  return auth as AuthContext & { clinicId: string }
}
