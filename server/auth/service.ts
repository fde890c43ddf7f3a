import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { createClinicSchema, loginSchema, setupSchema, updateClinicSchema } from '#shared/schemas/auth'
import type { Database, SessionKind } from '../db/types'
import { conflict, notFound, forbidden, unauthorized } from '../utils/errors'
import type { AuthContext } from './context'
import type { ClinicDto, ClinicMembershipDto, UserDto } from './dto'
import type { MeDto, SignInPayload } from '../../shared/types/auth'
import { toClinicDto, toInvitationDto, toUserDto } from './dto'
import { clinicCreated } from './hooks'
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords'
import { concretePermissions } from './permissions'
import { loginKeys, releaseLoginAttempt, reserveLoginAttempt } from './rate-limit'
import * as repo from './repository'
import { hashSecret, newSecret } from './tokens'
import { transaction } from '../db/transaction'

type Db = Kysely<Database>

export interface AuthSettings {
  loginMaxFailures: number
  loginWindowSeconds: number
  sessionDays: number
  tokenDays: number
}

export interface ClientInfo {
  ip: string
  userAgent: string | null
}

export type { SignInPayload, MeDto } from '../../shared/types/auth'

export interface IssuedSecret {
  secret: string
  expiresAt: Date
}

export const DAY_MS = 86_400_000
export const INVALID_CREDENTIALS = 'Invalid email or password'

export async function ownerClinicId(db: Db): Promise<string | null> {
  return (await repo.findInstallation(db))?.owner_clinic_id ?? null
}

async function membershipsOf(db: Db, userId: string): Promise<ClinicMembershipDto[]> {
  const owner = await ownerClinicId(db)
  const rows = await repo.listUserClinics(db, userId)
  return rows.map(r => ({ id: r.id, name: r.name, role: r.role, is_professional: r.is_professional, is_owner: r.id === owner }))
}

export async function signInPayload(db: Db, user: UserDto, clinicId: string | null): Promise<SignInPayload> {
  const clinics = await membershipsOf(db, user.id)
  const current = clinics.find(c => c.id === clinicId) ?? clinics[0] ?? null
  return {
    user,
    clinics,
    current_clinic_id: current?.id ?? null,
    permissions: current ? concretePermissions(current.role) : [],
    invitations: (await repo.listInvitationsOf(db, user.id)).map(toInvitationDto),
  }
}

export async function issueSession(db: Db, userId: string, clinicId: string | null, kind: SessionKind, days: number, client: ClientInfo): Promise<IssuedSecret> {
  const secret = newSecret()
  const expiresAt = new Date(Date.now() + days * DAY_MS)
  await repo.insertSession(db, {
    token_hash: hashSecret(secret),
    kind,
    user_id: userId,
    clinic_id: clinicId,
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 500) ?? null,
    expires_at: expiresAt,
  })
  return { secret, expiresAt }
}

export async function setupStatus(db: Db): Promise<{ initialized: boolean }> {
  return { initialized: Boolean(await repo.findInstallation(db)) }
}

/**
 * First run: creates the owning clinic and its first admin, signed in. Only
 * possible once; the installation row makes a second (even concurrent) setup a 409.
 */
export async function setup(db: Db, input: z.output<typeof setupSchema>, client: ClientInfo, settings: AuthSettings) {
  const passwordHash = await hashPassword(input.admin_password)
  return transaction(db, async (trx) => {
    if ((await repo.findInstallation(trx)) || (await repo.countUsers(trx)) > 0) {
      throw conflict('auth.already_initialized', 'DentalPin is already set up')
    }
    const clinic = await repo.insertClinic(trx, {
      name: input.clinic_name,
      tax_id: input.clinic_tax_id ?? null,
      timezone: input.timezone ?? 'UTC',
      currency: input.currency ?? 'EUR',
      country: input.country ?? null,
      language: input.language ?? 'en',
    })
    if (!(await repo.claimInstallation(trx, clinic.id))) {
      throw conflict('auth.already_initialized', 'DentalPin is already set up')
    }
    const user = await repo.insertUser(trx, {
      email: input.admin_email,
      first_name: input.admin_first_name,
      last_name: input.admin_last_name,
      password_hash: passwordHash,
      licence_number: null,
    })
    await repo.insertMembership(trx, { user_id: user.id, clinic_id: clinic.id, role: 'admin', is_professional: false })
    await clinicCreated({ clinic_id: clinic.id, db: trx })
    const issued = await issueSession(trx, user.id, clinic.id, 'session', settings.sessionDays, client)
    return { payload: await signInPayload(trx, toUserDto(user), clinic.id), issued }
  })
}

/**
 * Checks credentials and opens a browser session (`session`) or issues a
 * bearer token (`token`). Unknown email and wrong password answer the same
 * 401 and take the same time; repeated failures from one address or against
 * one account answer 429 (the slot is reserved before the password check).
 */
export async function signIn(db: Db, input: z.output<typeof loginSchema>, kind: SessionKind, client: ClientInfo, settings: AuthSettings) {
  const reservation = await reserveLoginAttempt(db, loginKeys(client.ip, input.email), { maxFailures: settings.loginMaxFailures, windowSeconds: settings.loginWindowSeconds })
  const user = await repo.findUserByEmail(db, input.email)
  const valid = user?.password_hash
    ? await verifyPassword(input.password, user.password_hash)
    : (await burnPasswordCheck(input.password), false)
  // A failure keeps its reserved slot; a success gives it back.
  if (!user || !valid || !user.is_active) throw unauthorized('auth.invalid_credentials', INVALID_CREDENTIALS)
  await releaseLoginAttempt(db, reservation)
  const payload = await signInPayload(db, toUserDto(user), null)
  const days = kind === 'token' ? settings.tokenDays : settings.sessionDays
  const issued = await issueSession(db, user.id, payload.current_clinic_id, kind, days, client)
  return { payload, issued }
}

export async function signOut(db: Db, auth: AuthContext): Promise<void> {
  await repo.revokeSession(db, auth.sessionId)
}

export async function me(db: Db, auth: AuthContext): Promise<MeDto> {
  const payload = await signInPayload(db, auth.user, auth.clinicId)
  const clinic = auth.clinicId ? await repo.findClinic(db, auth.clinicId) : undefined
  return {
    ...payload,
    permissions: auth.permissions,
    current_clinic: clinic ? toClinicDto(clinic, await ownerClinicId(db)) : null,
    role: auth.role,
  }
}

export async function switchClinic(db: Db, auth: AuthContext, clinicId: string): Promise<MeDto> {
  const membership = await repo.findActiveMembership(db, auth.user.id, clinicId)
  if (!membership) throw forbidden('auth.not_a_member', 'You are not a member of that clinic')
  await repo.setSessionClinic(db, auth.sessionId, clinicId)
  return me(db, { ...auth, clinicId, role: membership.role, permissions: concretePermissions(membership.role) })
}

export function requireClinicId(auth: AuthContext): string {
  if (!auth.clinicId) throw forbidden('auth.no_clinic', 'You are not a member of any clinic')
  return auth.clinicId
}

// ---- Clinics -------------------------------------------------------------

export async function currentClinic(db: Db, auth: AuthContext): Promise<ClinicDto> {
  const clinic = await repo.findClinic(db, requireClinicId(auth))
  if (!clinic) throw notFound('auth.clinic_not_found', 'Clinic not found')
  return toClinicDto(clinic, await ownerClinicId(db))
}

export async function updateCurrentClinic(db: Db, auth: AuthContext, input: z.output<typeof updateClinicSchema>): Promise<ClinicDto> {
  const clinicId = requireClinicId(auth)
  const { settings, ...fields } = input
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  const clinic = await repo.updateClinic(db, clinicId, {
    ...changes,
    ...(settings ? { settings: JSON.stringify(settings) } : {}),
  })
  return toClinicDto(clinic, await ownerClinicId(db))
}

export async function myClinics(db: Db, auth: AuthContext): Promise<ClinicMembershipDto[]> {
  return membershipsOf(db, auth.user.id)
}

/** A clinic group opens another clinic: only admins of the owning clinic; the creator becomes its admin. */
export async function createClinic(db: Db, auth: AuthContext, input: z.output<typeof createClinicSchema>): Promise<ClinicDto> {
  const owner = await ownerClinicId(db)
  const ownerMembership = owner ? await repo.findActiveMembership(db, auth.user.id, owner) : undefined
  if (!ownerMembership || ownerMembership.role !== 'admin') {
    throw forbidden('auth.not_owner_admin', 'Only administrators of the main clinic can open new clinics')
  }
  return transaction(db, async (trx) => {
    const { settings, ...fields } = input
    const clinic = await repo.insertClinic(trx, {
      ...fields,
      name: fields.name,
      ...(settings ? { settings: JSON.stringify(settings) } : {}),
    })
    await repo.insertMembership(trx, { user_id: auth.user.id, clinic_id: clinic.id, role: 'admin', is_professional: false })
    await clinicCreated({ clinic_id: clinic.id, db: trx })
    return toClinicDto(clinic, owner)
  })
}
