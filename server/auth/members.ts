import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { createUserSchema, RoleName, updateUserSchema } from '#shared/schemas/auth'
import type { Database } from '../db/types'
import { transaction } from '../db/transaction'
import { badRequest, conflict, forbidden, notFound } from '../utils/errors'
import type { AuthContext } from './context'
import type { MemberDto } from './dto'
import { toInvitedMemberDto, toMemberDto } from './dto'
import * as repo from './repository'
import { DAY_MS, requireClinicId } from './service'
import { hashSecret, newSecret } from './tokens'

// Users admin, always within the caller's current clinic. An account (e-mail,
// name, password, sessions) belongs to its holder and may be a member of
// several clinics; a clinic admin manages memberships of their own clinic
// only. The rule is written out in docs/core-api.md, "Accounts and memberships".

type Db = Kysely<Database>

const INVITE_DAYS = 7
const RESET_HOURS = 24

const defaultProfessional = (role: RoleName) => role === 'dentist' || role === 'hygienist'

/**
 * Whether the caller may change account-level fields and credentials of
 * `userId`: the holder themself, or an active administrator of EVERY clinic
 * the account is a member of (an account in no clinic belongs to its holder alone).
 */
export async function managesAccount(db: Db, auth: AuthContext, userId: string): Promise<boolean> {
  if (userId === auth.user.id) return true
  const clinics = await repo.accountClinicsWithCallerAdmin(db, userId, auth.user.id)
  return clinics.length > 0 && clinics.every(c => c.caller_is_admin)
}

async function memberDto(db: Db, auth: AuthContext, row: NonNullable<Awaited<ReturnType<typeof repo.findClinicMember>>>): Promise<MemberDto> {
  return toMemberDto(row, await managesAccount(db, auth, row.id))
}

const byName = (a: MemberDto, b: MemberDto) =>
  a.last_name.localeCompare(b.last_name) || a.first_name.localeCompare(b.first_name) || a.id.localeCompare(b.id)

/** Members of the clinic (active and switched off) and the invitations still waiting for an answer, by name. */
export async function listMembers(db: Db, auth: AuthContext, page: number, pageSize: number) {
  const clinicId = requireClinicId(auth)
  // A clinic's staff is tens of people: one read of each kind, paged here.
  const [rows, invites] = await Promise.all([repo.listClinicMembers(db, clinicId), repo.listOpenInvites(db, clinicId)])
  const all = [
    ...await Promise.all(rows.map(r => memberDto(db, auth, r))),
    ...await Promise.all(invites.map(async i => toInvitedMemberDto(i, await managesAccount(db, auth, i.user_id)))),
  ].sort(byName)
  return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length }
}

export async function getMember(db: Db, auth: AuthContext, userId: string): Promise<MemberDto> {
  const clinicId = requireClinicId(auth)
  const row = await repo.findClinicMember(db, clinicId, userId)
  if (row) return memberDto(db, auth, row)
  const [invite] = await repo.listOpenInvites(db, clinicId, userId)
  if (invite) return toInvitedMemberDto(invite, await managesAccount(db, auth, userId))
  throw notFound('auth.user_not_found', 'User not found')
}

/**
 * Invites an e-mail into the current clinic. The answer is the same whether
 * or not the e-mail already has an account, and no credential is ever issued
 * for an existing account: its holder accepts with their own password (from
 * the link, or in the app after signing in). Only the invitation that creates
 * an account lets the link's holder choose its password. Inviting again
 * replaces the previous link.
 */
export async function createMember(db: Db, auth: AuthContext, input: z.output<typeof createUserSchema>, baseUrl: string) {
  const clinicId = requireClinicId(auth)
  return transaction(db, async (trx) => {
    let user = await repo.findUserByEmail(trx, input.email)
    let setsPassword: boolean
    if (user) {
      if (await repo.findMembership(trx, user.id, clinicId)) {
        throw conflict('auth.user_exists', 'A user with this email is already a member of this clinic')
      }
      setsPassword = user.password_hash === null && await repo.clinicCreatedAccount(trx, clinicId, user.id)
    }
    else {
      user = await repo.insertUser(trx, {
        email: input.email,
        first_name: input.first_name,
        last_name: input.last_name,
        password_hash: null,
        licence_number: input.licence_number ?? null,
      })
      setsPassword = true
    }
    await repo.revokeOpenInvite(trx, clinicId, user.id)
    const secret = newSecret()
    const invite = await repo.insertLink(trx, {
      token_hash: hashSecret(secret),
      kind: 'invite',
      user_id: user.id,
      clinic_id: clinicId,
      role: input.role,
      is_professional: input.is_professional ?? defaultProfessional(input.role),
      first_name: input.first_name,
      last_name: input.last_name,
      licence_number: input.licence_number ?? null,
      sets_password: setsPassword,
      created_by: auth.user.id,
      expires_at: new Date(Date.now() + INVITE_DAYS * DAY_MS),
    })
    // account_managed stays false here whatever the account: the answer must not tell whether it existed.
    return { user: toInvitedMemberDto({ ...invite, email: user.email }, false), invite_url: `${baseUrl}/invite/${secret}` }
  })
}

const ACCOUNT_FIELDS = ['first_name', 'last_name', 'licence_number'] as const

/**
 * Changes a member of the current clinic: role, professional flag and
 * `is_active` are this clinic's membership; names and licence number belong
 * to the account and need authority over it. An invitation still waiting can
 * be corrected (role, names) before it is accepted.
 */
export async function updateMember(db: Db, auth: AuthContext, userId: string, input: z.output<typeof updateUserSchema>): Promise<MemberDto> {
  const clinicId = requireClinicId(auth)
  return transaction(db, async (trx) => {
    const existing = await repo.findClinicMember(trx, clinicId, userId)
    if (!existing) return updateInvitation(trx, auth, clinicId, userId, input)
    const self = userId === auth.user.id
    if (self && input.is_active === false) throw badRequest('auth.cannot_deactivate_self', 'You cannot deactivate yourself')
    if (self && input.role && input.role !== existing.role) throw badRequest('auth.cannot_change_own_role', 'You cannot change your own role')

    const accountChanges = Object.fromEntries(ACCOUNT_FIELDS
      .filter(f => input[f] !== undefined && input[f] !== existing[f])
      .map(f => [f, input[f]]))
    if (Object.keys(accountChanges).length > 0 && !(await managesAccount(trx, auth, userId))) {
      throw forbidden('auth.account_managed_elsewhere', 'This account is also used in another clinic: only its holder can change its name or licence number')
    }

    await repo.lockMembershipChanges(trx)
    const losesAdmin = existing.role === 'admin' && existing.is_active
      && (input.is_active === false || (input.role !== undefined && input.role !== 'admin'))
    if (losesAdmin && (await repo.countActiveAdmins(trx, clinicId)) <= 1) {
      throw conflict('auth.last_admin', 'A clinic needs at least one active administrator')
    }

    if (Object.keys(accountChanges).length > 0) await repo.updateUser(trx, userId, accountChanges)
    const membershipChanges = Object.fromEntries(Object.entries({
      role: input.role,
      is_professional: input.is_professional,
      is_active: input.is_active,
    }).filter(([, v]) => v !== undefined))
    if (Object.keys(membershipChanges).length > 0) await repo.updateMembership(trx, clinicId, userId, membershipChanges)
    // Switched off everywhere it had access: its sessions and tokens are of no use any more.
    if (input.is_active === false && (await repo.countActiveMemberships(trx, userId)) === 0) {
      await repo.revokeUserSessions(trx, userId)
    }
    return memberDto(trx, auth, (await repo.findClinicMember(trx, clinicId, userId))!)
  })
}

async function updateInvitation(db: Db, auth: AuthContext, clinicId: string, userId: string, input: z.output<typeof updateUserSchema>): Promise<MemberDto> {
  const [invite] = await repo.listOpenInvites(db, clinicId, userId)
  if (!invite) throw notFound('auth.user_not_found', 'User not found')
  if (input.is_active !== undefined) {
    throw badRequest('auth.invitation_pending', 'This person has not accepted the invitation yet: remove the invitation instead')
  }
  const changes = Object.fromEntries(Object.entries({
    role: input.role,
    is_professional: input.is_professional,
    first_name: input.first_name,
    last_name: input.last_name,
    licence_number: input.licence_number,
  }).filter(([, v]) => v !== undefined))
  await repo.updateInvite(db, invite.id, changes)
  return toInvitedMemberDto({ ...invite, ...changes }, await managesAccount(db, auth, userId))
}

/** Removes the membership of the current clinic (the account stays), or withdraws a pending invitation. */
export async function removeMember(db: Db, auth: AuthContext, userId: string): Promise<void> {
  const clinicId = requireClinicId(auth)
  if (userId === auth.user.id) throw badRequest('auth.cannot_remove_self', 'You cannot remove yourself from the clinic')
  await transaction(db, async (trx) => {
    const existing = await repo.findClinicMember(trx, clinicId, userId)
    if (!existing) {
      const [invite] = await repo.listOpenInvites(trx, clinicId, userId)
      if (!invite) throw notFound('auth.user_not_found', 'User not found')
      await repo.revokeOpenInvite(trx, clinicId, userId)
      return
    }
    await repo.lockMembershipChanges(trx)
    if (existing.role === 'admin' && existing.is_active && (await repo.countActiveAdmins(trx, clinicId)) <= 1) {
      throw conflict('auth.last_admin', 'A clinic needs at least one active administrator')
    }
    await repo.deleteMembership(trx, clinicId, userId)
  })
}

/**
 * Confirms a pending invitation on the holder's behalf: only an admin with
 * authority over the account (an administrator of every clinic it belongs
 * to) may, e.g. the clinic group's admin adding their own staff to a new clinic.
 */
export async function confirmMember(db: Db, auth: AuthContext, userId: string): Promise<MemberDto> {
  const clinicId = requireClinicId(auth)
  return transaction(db, async (trx) => {
    const [invite] = await repo.listOpenInvites(trx, clinicId, userId)
    if (!invite) throw notFound('auth.user_not_found', 'User not found')
    if (!(await managesAccount(trx, auth, userId))) {
      throw forbidden('auth.account_managed_elsewhere', 'Only the account\'s holder can accept this invitation')
    }
    const claimed = await repo.claimLink(trx, invite.id)
    if (!claimed) throw conflict('auth.invite_invalid', 'This invitation is no longer valid: invite again')
    await repo.upsertMembership(trx, { user_id: userId, clinic_id: clinicId, role: claimed.role ?? 'receptionist', is_professional: claimed.is_professional })
    return memberDto(trx, auth, (await repo.findClinicMember(trx, clinicId, userId))!)
  })
}

/**
 * A one-time password reset link for a member, issued by an admin with
 * authority over the account (never for your own: change it from the user
 * menu). It expires after 24 hours; issuing another revokes the previous one.
 * The forgotten-password e-mail (outgoing e-mail, a later issue) will issue
 * the same link through `issueResetLink` and mail it instead of showing it.
 */
export async function createResetLink(db: Db, auth: AuthContext, userId: string, baseUrl: string) {
  const clinicId = requireClinicId(auth)
  const member = await repo.findClinicMember(db, clinicId, userId)
  if (!member) {
    const [invite] = await repo.listOpenInvites(db, clinicId, userId)
    if (invite) throw badRequest('auth.invitation_pending', 'This person has not accepted the invitation yet: invite again for a new link')
    throw notFound('auth.user_not_found', 'User not found')
  }
  if (userId === auth.user.id) throw badRequest('auth.reset_own_password', 'Change your own password from your user menu')
  if (!(await managesAccount(db, auth, userId))) {
    throw forbidden('auth.account_managed_elsewhere', 'This account is also used in another clinic: only its holder can change its password')
  }
  return transaction(db, trx => issueResetLink(trx, userId, clinicId, auth.user.id, baseUrl))
}

/** The seam for every way of resetting a password: revokes older reset links, stores only the secret's hash. */
export async function issueResetLink(db: Db, userId: string, clinicId: string, issuedBy: string | null, baseUrl: string) {
  await repo.revokeResetLinks(db, userId)
  const secret = newSecret()
  const link = await repo.insertLink(db, {
    token_hash: hashSecret(secret),
    kind: 'reset',
    user_id: userId,
    clinic_id: clinicId,
    created_by: issuedBy,
    expires_at: new Date(Date.now() + RESET_HOURS * 3_600_000),
  })
  return { reset_url: `${baseUrl}/reset/${secret}`, expires_at: link.expires_at.toISOString() }
}
