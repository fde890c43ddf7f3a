import { iso } from '#shared/clinic-time'
import type { RoleName } from '#shared/schemas/auth'
import type { Clinic } from '../db/types'
import type { ClinicDto, InvitationDto, MemberDto, UserDto } from '../../shared/types/auth'

export type { UserDto, ClinicDto, ClinicMembershipDto, MemberStatus, MemberDto, InvitationDto } from '../../shared/types/auth'

export function toUserDto(u: { id: string, email: string, first_name: string, last_name: string, is_active: boolean, licence_number: string | null, created_at: Date }): UserDto {
  return {
    id: u.id,
    email: u.email,
    first_name: u.first_name,
    last_name: u.last_name,
    is_active: u.is_active,
    licence_number: u.licence_number,
    created_at: iso(u.created_at),
  }
}

export function toClinicDto(c: Clinic, ownerClinicId: string | null): ClinicDto {
  return {
    id: c.id,
    name: c.name,
    tax_id: c.tax_id,
    address: c.address,
    phone: c.phone,
    email: c.email,
    timezone: c.timezone,
    currency: c.currency,
    country: c.country,
    language: c.language,
    settings: (typeof c.settings === 'string' ? JSON.parse(c.settings) : c.settings) ?? {},
    is_owner: c.id === ownerClinicId,
    created_at: iso(c.created_at),
    updated_at: iso(c.updated_at),
  }
}

type MemberRow = Parameters<typeof toUserDto>[0] & { role: RoleName, is_professional: boolean, joined_at: Date }

export function toMemberDto(m: MemberRow, accountManaged: boolean): MemberDto {
  return {
    ...toUserDto(m),
    role: m.role,
    is_professional: m.is_professional,
    status: m.is_active ? 'active' : 'inactive',
    invite_pending: false,
    invite_expires_at: null,
    joined_at: iso(m.joined_at),
    account_managed: accountManaged,
  }
}

/**
 * A pending invitation shown as a member: what the inviting admin typed, never
 * the account's own data, so the answer is the same whether or not the
 * e-mail already had an account.
 */
export function toInvitedMemberDto(i: { user_id: string, email: string, first_name: string | null, last_name: string | null, licence_number: string | null, role: RoleName | null, is_professional: boolean, created_at: Date, expires_at: Date }, accountManaged: boolean): MemberDto {
  return {
    id: i.user_id,
    email: i.email,
    first_name: i.first_name ?? '',
    last_name: i.last_name ?? '',
    is_active: true,
    licence_number: i.licence_number,
    created_at: iso(i.created_at),
    role: i.role ?? 'receptionist',
    is_professional: i.is_professional,
    status: 'invited',
    invite_pending: true,
    invite_expires_at: iso(i.expires_at),
    joined_at: iso(i.created_at),
    account_managed: accountManaged,
  }
}

export function toInvitationDto(i: { id: string, clinic_id: string, clinic_name: string, role: RoleName | null, expires_at: Date }): InvitationDto {
  return { id: i.id, clinic_id: i.clinic_id, clinic_name: i.clinic_name, role: i.role ?? 'receptionist', expires_at: iso(i.expires_at) }
}
