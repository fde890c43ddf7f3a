// The JSON shapes of the accounts API (users, clinics, memberships,
// invitations, the signed-in user) as the browser receives them: ids and
// dates are strings. The server builds them in server/auth/dto.ts.
import type { RoleName } from '../schemas/auth'

export interface UserDto {
  id: string
  email: string
  first_name: string
  last_name: string
  is_active: boolean
  licence_number: string | null
  created_at: string
}

export interface ClinicDto {
  id: string
  name: string
  tax_id: string | null
  address: string | null
  phone: string | null
  email: string | null
  timezone: string
  currency: string
  country: string | null
  language: string
  settings: Record<string, unknown>
  is_owner: boolean
  created_at: string
  updated_at: string
}

export interface ClinicMembershipDto {
  id: string
  name: string
  role: RoleName
  is_professional: boolean
  is_owner: boolean
}

/** `active`/`inactive`: a membership switched on or off in this clinic; `invited`: waiting for the account's holder. */
export type MemberStatus = 'active' | 'inactive' | 'invited'

export interface MemberDto extends UserDto {
  role: RoleName
  is_professional: boolean
  status: MemberStatus
  invite_pending: boolean
  /** When the pending invitation's link stops working (past: expired; invite again). */
  invite_expires_at: string | null
  joined_at: string
  /** The caller may change this account's name, licence number and password (docs/core-api.md, "Accounts and memberships"). */
  account_managed: boolean
}

/** An invitation waiting for the signed-in user's answer. */
export interface InvitationDto {
  id: string
  clinic_id: string
  clinic_name: string
  role: RoleName
  expires_at: string
}

/** What signing in answers (and the base of `GET /api/v1/auth/me`). */
export interface SignInPayload {
  user: UserDto
  clinics: ClinicMembershipDto[]
  current_clinic_id: string | null
  permissions: string[]
  /** Invitations to other clinics waiting for this user's answer. */
  invitations: InvitationDto[]
}

/** `GET /api/v1/auth/me`: the signed-in user, their clinics and the current clinic. */
export interface MeDto extends SignInPayload {
  current_clinic: ClinicDto | null
  role: RoleName | null
}
