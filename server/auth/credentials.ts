import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { changePasswordSchema } from '#shared/schemas/auth'
import type { Database, User } from '../db/types'
import { transaction } from '../db/transaction'
import { forbidden, invalid, notFound, unauthorized } from '../utils/errors'
import type { AuthContext } from './context'
import type { InvitationDto } from './dto'
import { toInvitationDto, toUserDto } from './dto'
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords'
import * as repo from './repository'
import type { AuthSettings, ClientInfo } from './service'
import { INVALID_CREDENTIALS, issueSession, signInPayload } from './service'
import { loginKeys, releaseLoginAttempt, reserveLoginAttempt } from './rate-limit'
import { hashSecret } from './tokens'

// Everything that sets a password or turns an invitation into a membership.
// Setting a password (any way) revokes every other link that could set one;
// using a link revokes the account's other sessions.

type Db = Kysely<Database>

const INVITE_INVALID = 'This invitation link is invalid, used or expired'

/**
 * Checks the account's own password where a link asks for it, under the same
 * failure limit as sign-in; a wrong password answers exactly like a failed sign-in.
 */
async function checkAccountPassword(db: Db, user: User, password: string, client: ClientInfo, settings: AuthSettings): Promise<void> {
  const reservation = await reserveLoginAttempt(db, loginKeys(client.ip, user.email), { maxFailures: settings.loginMaxFailures, windowSeconds: settings.loginWindowSeconds })
  const valid = user.password_hash ? await verifyPassword(password, user.password_hash) : (await burnPasswordCheck(password), false)
  // A failure keeps its reserved slot; a success gives it back.
  if (!valid) throw unauthorized('auth.invalid_credentials', INVALID_CREDENTIALS)
  await releaseLoginAttempt(db, reservation)
}

/**
 * Accepts an invitation from its link and signs in. The invitation that
 * created the account sets its password (once: the account then has one);
 * any other needs the account's own password — so a link held by anyone but
 * the e-mail's owner never opens an existing account. The link works once;
 * the account's other sessions are revoked.
 */
export async function acceptInvite(db: Db, token: string, password: string, client: ClientInfo, settings: AuthSettings) {
  const link = await repo.findLiveLink(db, hashSecret(token), 'invite')
  if (!link) throw notFound('auth.invite_invalid', INVITE_INVALID)
  const user = await repo.findUserById(db, link.user_id)
  if (!user) throw notFound('auth.invite_invalid', INVITE_INVALID)
  const setsPassword = link.sets_password && user.password_hash === null
  if (!setsPassword) await checkAccountPassword(db, user, password, client, settings)
  const passwordHash = setsPassword ? await hashPassword(password) : null

  return transaction(db, async (trx) => {
    // Claimed atomically: of concurrent uses of one link, exactly one succeeds.
    const claimed = await repo.claimLink(trx, link.id)
    if (!claimed) throw notFound('auth.invite_invalid', INVITE_INVALID)
    let account = user
    if (passwordHash) {
      // Another link may have set a password since it was read: then this one no longer may.
      const current = await repo.findUserById(trx, user.id)
      if (current?.password_hash) throw unauthorized('auth.invalid_credentials', INVALID_CREDENTIALS)
      account = await repo.updateUser(trx, user.id, {
        password_hash: passwordHash,
        first_name: claimed.first_name ?? user.first_name,
        last_name: claimed.last_name ?? user.last_name,
        licence_number: claimed.licence_number ?? user.licence_number,
      })
      await repo.revokePasswordLinks(trx, user.id)
    }
    if (!account.is_active) throw forbidden('auth.user_inactive', 'This account is deactivated')
    await repo.upsertMembership(trx, { user_id: user.id, clinic_id: claimed.clinic_id, role: claimed.role ?? 'receptionist', is_professional: claimed.is_professional })
    await repo.revokeUserSessions(trx, user.id)
    const issued = await issueSession(trx, user.id, claimed.clinic_id, 'session', settings.sessionDays, client)
    return { payload: await signInPayload(trx, toUserDto(account), claimed.clinic_id), issued }
  })
}

/** The signed-in user's invitations waiting for an answer. */
export async function myInvitations(db: Db, auth: AuthContext): Promise<InvitationDto[]> {
  return (await repo.listInvitationsOf(db, auth.user.id)).map(toInvitationDto)
}

async function ownInvitation(db: Db, auth: AuthContext, invitationId: string) {
  const invitation = (await repo.listInvitationsOf(db, auth.user.id)).find(i => i.id === invitationId)
  if (!invitation) throw notFound('auth.invite_invalid', INVITE_INVALID)
  return invitation
}

/** Accepts an invitation in the app: the session proves who the holder is. */
export async function acceptInvitation(db: Db, auth: AuthContext, invitationId: string): Promise<InvitationDto> {
  const invitation = await ownInvitation(db, auth, invitationId)
  return transaction(db, async (trx) => {
    const claimed = await repo.claimLink(trx, invitation.id)
    if (!claimed) throw notFound('auth.invite_invalid', INVITE_INVALID)
    await repo.upsertMembership(trx, { user_id: auth.user.id, clinic_id: claimed.clinic_id, role: claimed.role ?? 'receptionist', is_professional: claimed.is_professional })
    return toInvitationDto(invitation)
  })
}

/** Declines an invitation: the link stops working and the inviting clinic no longer lists it. */
export async function declineInvitation(db: Db, auth: AuthContext, invitationId: string): Promise<void> {
  const invitation = await ownInvitation(db, auth, invitationId)
  await repo.revokeOpenInvite(db, invitation.clinic_id, auth.user.id)
}

/** Changes the caller's own password; every other session and token is revoked, and so is every open link that could set a password. */
export async function changePassword(db: Db, auth: AuthContext, input: z.output<typeof changePasswordSchema>, client: ClientInfo, settings: AuthSettings): Promise<void> {
  const user = await repo.findUserById(db, auth.user.id)
  if (!user) throw unauthorized()
  try {
    await checkAccountPassword(db, user, input.current_password, client, settings)
  }
  catch (error) {
    if ((error as { code?: string }).code !== 'auth.invalid_credentials') throw error
    throw invalid('current_password', 'auth.wrong_password', 'The current password is not correct')
  }
  const passwordHash = await hashPassword(input.new_password)
  await transaction(db, async (trx) => {
    await repo.updateUser(trx, user.id, { password_hash: passwordHash })
    await repo.revokePasswordLinks(trx, user.id)
    await repo.revokeUserSessions(trx, user.id, auth.sessionId)
  })
}

/** Sets a new password from a reset link and signs in; the link works once and every session is revoked. */
export async function resetPassword(db: Db, token: string, password: string, client: ClientInfo, settings: AuthSettings) {
  const link = await repo.findLiveLink(db, hashSecret(token), 'reset')
  if (!link) throw notFound('auth.reset_invalid', 'This password reset link is invalid, used or expired')
  const passwordHash = await hashPassword(password)
  return transaction(db, async (trx) => {
    const claimed = await repo.claimLink(trx, link.id)
    if (!claimed) throw notFound('auth.reset_invalid', 'This password reset link is invalid, used or expired')
    const user = await repo.updateUser(trx, link.user_id, { password_hash: passwordHash })
    if (!user.is_active) throw forbidden('auth.user_inactive', 'This account is deactivated')
    await repo.revokePasswordLinks(trx, user.id)
    await repo.revokeUserSessions(trx, user.id)
    const payload = await signInPayload(trx, toUserDto(user), claimed.clinic_id)
    const issued = await issueSession(trx, user.id, payload.current_clinic_id, 'session', settings.sessionDays, client)
    return { payload, issued }
  })
}
