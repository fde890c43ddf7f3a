import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { RoleName } from '#shared/schemas/auth'
import type { ClinicUpdate, Database, LinkKind, NewClinic, NewUser, SessionKind, UserInvitesTable, UserUpdate } from '../db/types'

type Db = Kysely<Database>

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return row.n
}

export async function findInstallation(db: Db) {
  return db.selectFrom('core_installation').selectAll().where('id', '=', 1).executeTakeFirst()
}

/** Claims the installation for a clinic; false when it is already claimed. */
export async function claimInstallation(db: Db, ownerClinicId: string): Promise<boolean> {
  const result = await db
    .insertInto('core_installation')
    .values({ id: 1, owner_clinic_id: ownerClinicId })
    .onConflict(oc => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst()
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertUser(db: Db, user: NewUser) {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow()
}

export async function updateUser(db: Db, id: string, changes: UserUpdate) {
  return db.updateTable('users').set({ ...changes, updated_at: sql`now()` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function insertClinic(db: Db, clinic: NewClinic) {
  return db.insertInto('clinics').values(clinic).returningAll().executeTakeFirstOrThrow()
}

export async function findClinic(db: Db, id: string) {
  return db.selectFrom('clinics').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updateClinic(db: Db, id: string, changes: ClinicUpdate) {
  return db.updateTable('clinics').set({ ...changes, updated_at: sql`now()` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function insertMembership(db: Db, m: { user_id: string, clinic_id: string, role: RoleName, is_professional: boolean }) {
  return db.insertInto('clinic_memberships').values(m).returningAll().executeTakeFirstOrThrow()
}

/** The user's membership of a clinic, active or not. */
export async function findMembership(db: Db, userId: string, clinicId: string) {
  return db.selectFrom('clinic_memberships').selectAll()
    .where('user_id', '=', userId).where('clinic_id', '=', clinicId).executeTakeFirst()
}

/** The membership that grants access: switched on in that clinic. */
export async function findActiveMembership(db: Db, userId: string, clinicId: string) {
  return db.selectFrom('clinic_memberships').selectAll()
    .where('user_id', '=', userId).where('clinic_id', '=', clinicId).where('is_active', '=', true).executeTakeFirst()
}

/** The user's clinics (active memberships) with their role in each, oldest membership first. */
export async function listUserClinics(db: Db, userId: string) {
  return db.selectFrom('clinic_memberships as m')
    .innerJoin('clinics as c', 'c.id', 'm.clinic_id')
    .select(['c.id', 'c.name', 'm.role', 'm.is_professional', 'm.created_at'])
    .where('m.user_id', '=', userId).where('m.is_active', '=', true)
    .orderBy('m.created_at').orderBy('c.name')
    .execute()
}

const memberColumns = [
  'u.id', 'u.email', 'u.first_name', 'u.last_name', 'm.is_active', 'u.is_active as account_active', 'u.licence_number', 'u.created_at',
  'u.password_hash', 'm.role', 'm.is_professional', 'm.created_at as joined_at',
] as const

/** Members of one clinic (active or not); every read of users goes through the clinic's memberships. */
export async function listClinicMembers(db: Db, clinicId: string) {
  return db.selectFrom('clinic_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(memberColumns)
    .where('m.clinic_id', '=', clinicId)
    .execute()
}

export async function findClinicMember(db: Db, clinicId: string, userId: string) {
  return db.selectFrom('clinic_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(memberColumns)
    .where('m.clinic_id', '=', clinicId).where('u.id', '=', userId)
    .executeTakeFirst()
}

export async function updateMembership(db: Db, clinicId: string, userId: string, changes: { role?: RoleName, is_professional?: boolean, is_active?: boolean }) {
  await db.updateTable('clinic_memberships').set(changes).where('clinic_id', '=', clinicId).where('user_id', '=', userId).execute()
}

/** Creates the membership an accepted invitation offers, or switches an existing one on with that role. */
export async function upsertMembership(db: Db, m: { user_id: string, clinic_id: string, role: RoleName, is_professional: boolean }) {
  await db.insertInto('clinic_memberships').values({ ...m, is_active: true })
    .onConflict(oc => oc.columns(['user_id', 'clinic_id']).doUpdateSet({ role: m.role, is_professional: m.is_professional, is_active: true }))
    .execute()
}

export async function deleteMembership(db: Db, clinicId: string, userId: string) {
  await db.deleteFrom('clinic_memberships').where('clinic_id', '=', clinicId).where('user_id', '=', userId).execute()
}

export async function countActiveAdmins(db: Db, clinicId: string): Promise<number> {
  const row = await db.selectFrom('clinic_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('m.clinic_id', '=', clinicId).where('m.role', '=', 'admin').where('m.is_active', '=', true).where('u.is_active', '=', true)
    .executeTakeFirstOrThrow()
  return row.n
}

export async function countActiveMemberships(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('clinic_memberships').select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId).where('is_active', '=', true)
    .executeTakeFirstOrThrow()
  return row.n
}

/**
 * For every clinic the account is a member of (switched on or off): whether
 * `callerId` is an active administrator there. The account's authority rule
 * (docs/core-api.md, "Accounts and memberships") reads this.
 */
export async function accountClinicsWithCallerAdmin(db: Db, userId: string, callerId: string) {
  return db.selectFrom('clinic_memberships as m')
    .select(['m.clinic_id', eb => eb.exists(
      eb.selectFrom('clinic_memberships as c').select('c.id')
        .whereRef('c.clinic_id', '=', 'm.clinic_id')
        .where('c.user_id', '=', callerId).where('c.role', '=', 'admin').where('c.is_active', '=', true),
    ).as('caller_is_admin')])
    .where('m.user_id', '=', userId)
    .execute()
}

export async function insertSession(db: Db, s: { token_hash: string, kind: SessionKind, user_id: string, clinic_id: string | null, ip: string | null, user_agent: string | null, expires_at: Date }) {
  return db.insertInto('sessions').values(s).returningAll().executeTakeFirstOrThrow()
}

/** A live session (not revoked, not expired) of an active user. */
export async function findLiveSession(db: Db, tokenHash: string) {
  return db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id', 's.kind', 's.clinic_id as session_clinic_id', 's.last_seen_at', 's.expires_at',
      'u.id', 'u.email', 'u.first_name', 'u.last_name', 'u.is_active', 'u.licence_number', 'u.created_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.is_active', '=', true)
    .executeTakeFirst()
}

export async function touchSession(db: Db, sessionId: string) {
  await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', sessionId).execute()
}

export async function setSessionClinic(db: Db, sessionId: string, clinicId: string) {
  await db.updateTable('sessions').set({ clinic_id: clinicId }).where('id', '=', sessionId).execute()
}

export async function revokeSession(db: Db, sessionId: string) {
  await db.updateTable('sessions').set({ revoked_at: sql`now()` }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute()
}

/** Revokes every live session and token of the user, except `keepSessionId` (the caller's own). */
export async function revokeUserSessions(db: Db, userId: string, keepSessionId?: string) {
  let q = db.updateTable('sessions').set({ revoked_at: sql`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null)
  if (keepSessionId) q = q.where('id', '!=', keepSessionId)
  await q.execute()
}

export async function insertLink(db: Db, link: Insertable<UserInvitesTable>) {
  return db.insertInto('user_invites').values(link).returningAll().executeTakeFirstOrThrow()
}

/** A live link (not used, not revoked, not expired) by the hash of its secret. */
export async function findLiveLink(db: Db, tokenHash: string, kind: LinkKind) {
  return db.selectFrom('user_invites').selectAll()
    .where('token_hash', '=', tokenHash).where('kind', '=', kind)
    .where('used_at', 'is', null).where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
}

/** Marks a live link used and returns it; undefined when it is unknown, used, revoked or expired. Of concurrent claims exactly one wins. */
export async function claimLink(db: Db, id: string) {
  return db.updateTable('user_invites').set({ used_at: sql`now()` })
    .where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst()
}

/** The open invitation of an account to a clinic (expired ones included: the admin sees them and invites again). */
export async function findOpenInvite(db: Db, clinicId: string, userId: string) {
  return db.selectFrom('user_invites').selectAll()
    .where('clinic_id', '=', clinicId).where('user_id', '=', userId).where('kind', '=', 'invite')
    .where('used_at', 'is', null).where('revoked_at', 'is', null)
    .executeTakeFirst()
}

/** Open invitations of a clinic to accounts that are not members there, with the account's e-mail. */
export async function listOpenInvites(db: Db, clinicId: string, userId?: string) {
  let q = db.selectFrom('user_invites as i').innerJoin('users as u', 'u.id', 'i.user_id')
    .selectAll('i').select('u.email')
    .where('i.clinic_id', '=', clinicId)
    .where('i.kind', '=', 'invite').where('i.used_at', 'is', null).where('i.revoked_at', 'is', null)
    .where(eb => eb.not(eb.exists(eb.selectFrom('clinic_memberships as m').select('m.id')
      .whereRef('m.user_id', '=', 'i.user_id').whereRef('m.clinic_id', '=', 'i.clinic_id'))))
  if (userId) q = q.where('i.user_id', '=', userId)
  return q.execute()
}

/** The live invitations waiting for an account's answer, with the clinic's name. */
export async function listInvitationsOf(db: Db, userId: string) {
  return db.selectFrom('user_invites as i').innerJoin('clinics as c', 'c.id', 'i.clinic_id')
    .select(['i.id', 'i.clinic_id', 'c.name as clinic_name', 'i.role', 'i.expires_at', 'i.created_at'])
    .where('i.user_id', '=', userId).where('i.kind', '=', 'invite')
    .where('i.used_at', 'is', null).where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', sql<Date>`now()`)
    .where(eb => eb.not(eb.exists(eb.selectFrom('clinic_memberships as m').select('m.id')
      .whereRef('m.user_id', '=', 'i.user_id').whereRef('m.clinic_id', '=', 'i.clinic_id').where('m.is_active', '=', true))))
    .orderBy('i.created_at')
    .execute()
}

export async function updateInvite(db: Db, id: string, changes: Updateable<UserInvitesTable>) {
  await db.updateTable('user_invites').set(changes).where('id', '=', id).execute()
}

export async function revokeOpenInvite(db: Db, clinicId: string, userId: string) {
  await db.updateTable('user_invites').set({ revoked_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('user_id', '=', userId)
    .where('kind', '=', 'invite').where('used_at', 'is', null).where('revoked_at', 'is', null)
    .execute()
}

/**
 * Revokes every open link that could set the account's password (password
 * resets and the invitation that created the account), except `keepId`:
 * once a credential is set, no older link may set another.
 */
export async function revokePasswordLinks(db: Db, userId: string, keepId?: string) {
  let q = db.updateTable('user_invites').set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId).where('used_at', 'is', null).where('revoked_at', 'is', null)
    .where(eb => eb.or([eb('kind', '=', 'reset'), eb('sets_password', '=', true)]))
  if (keepId) q = q.where('id', '!=', keepId)
  await q.execute()
}

export async function revokeResetLinks(db: Db, userId: string) {
  await db.updateTable('user_invites').set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId).where('kind', '=', 'reset').where('used_at', 'is', null).where('revoked_at', 'is', null)
    .execute()
}

/** Whether this clinic created the account (its invitation set the password): only then may a new invitation set it. */
export async function clinicCreatedAccount(db: Db, clinicId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('user_invites').select('id')
    .where('clinic_id', '=', clinicId).where('user_id', '=', userId).where('kind', '=', 'invite').where('sets_password', '=', true)
    .executeTakeFirst()
  return Boolean(row)
}

/**
 * Serialises changes to roles, activity and memberships for the rest of the
 * transaction, so two concurrent changes cannot both pass the last-admin check.
 */
export async function lockMembershipChanges(db: Db) {
  await sql`select pg_advisory_xact_lock(hashtext('dentalpin:memberships'))`.execute(db)
}
