import type { Kysely } from 'kysely'
import type { RoleName } from '#shared/schemas/auth'
import type { Database } from '../db/types'
import { forbidden } from '../utils/errors'
import type { UserDto } from './dto'
import { toUserDto } from './dto'
import { concretePermissions, roleGrants } from './permissions'
import * as repo from './repository'
import { hashSecret } from './tokens'

/** Who is calling, through which session, and in which clinic. */
export interface AuthContext {
  user: UserDto
  sessionId: string
  via: 'cookie' | 'bearer'
  /** The current clinic (session's active one, or X-Clinic-Id); null for a user without memberships. */
  clinicId: string | null
  role: RoleName | null
  isProfessional: boolean
  /** Raw grants of the role (`*`, `prefix.*`, exact) — used for matching. */
  grants: string[]
  /** Concrete permissions of the role, expanded against every declared permission. */
  permissions: string[]
}

const TOUCH_INTERVAL_MS = 60_000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Resolves a secret (cookie or bearer token) into an AuthContext, or null when
 * it names no live session of an active user. A requested clinic the user is
 * not a member of is a 403.
 */
export async function resolveAuth(
  db: Kysely<Database>,
  secret: string,
  via: AuthContext['via'],
  requestedClinicId: string | null,
): Promise<AuthContext | null> {
  const row = await repo.findLiveSession(db, hashSecret(secret))
  if (!row) return null

  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await repo.touchSession(db, row.session_id)
  }

  let membership: { clinic_id: string, role: RoleName, is_professional: boolean } | undefined
  if (requestedClinicId) {
    const found = UUID.test(requestedClinicId) ? await repo.findActiveMembership(db, row.id, requestedClinicId) : undefined
    if (!found) throw forbidden('auth.not_a_member', 'You are not a member of that clinic')
    membership = found
  }
  else {
    const active = row.session_clinic_id ? await repo.findActiveMembership(db, row.id, row.session_clinic_id) : undefined
    if (active) membership = active
    else {
      const [first] = await repo.listUserClinics(db, row.id)
      if (first) membership = { clinic_id: first.id, role: first.role, is_professional: first.is_professional }
    }
  }

  const role = membership?.role ?? null
  return {
    user: toUserDto(row),
    sessionId: row.session_id,
    via,
    clinicId: membership?.clinic_id ?? null,
    role,
    isProfessional: membership?.is_professional ?? false,
    grants: role ? roleGrants(role) : [],
    permissions: role ? concretePermissions(role) : [],
  }
}
