import type { RoleName } from '#shared/schemas/auth'
import type { Clinic } from '../db/types'

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString())

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

export interface MemberDto extends UserDto {
  role: RoleName
  is_professional: boolean
  invite_pending: boolean
  joined_at: string
}

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

export function toMemberDto(m: Parameters<typeof toUserDto>[0] & { role: RoleName, is_professional: boolean, joined_at: Date, password_hash: string | null }, invitePending: boolean): MemberDto {
  return {
    ...toUserDto(m),
    role: m.role,
    is_professional: m.is_professional,
    invite_pending: invitePending || m.password_hash === null,
    joined_at: iso(m.joined_at),
  }
}
