import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { RoleName } from '#shared/schemas/auth'
import type { ClinicUpdate, Database, NewClinic, NewUser, SessionKind, UserUpdate } from '../db/types'

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

export async function findMembership(db: Db, userId: string, clinicId: string) {
  return db.selectFrom('clinic_memberships').selectAll()
    .where('user_id', '=', userId).where('clinic_id', '=', clinicId).executeTakeFirst()
}

/** The user's clinics with their role in each, oldest membership first. */
export async function listUserClinics(db: Db, userId: string) {
  return db.selectFrom('clinic_memberships as m')
    .innerJoin('clinics as c', 'c.id', 'm.clinic_id')
    .select(['c.id', 'c.name', 'm.role', 'm.is_professional', 'm.created_at'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at').orderBy('c.name')
    .execute()
}

const memberColumns = [
  'u.id', 'u.email', 'u.first_name', 'u.last_name', 'u.is_active', 'u.licence_number', 'u.created_at',
  'u.password_hash', 'm.role', 'm.is_professional', 'm.created_at as joined_at',
] as const

/** Members of one clinic; every read of users goes through the clinic's memberships. */
export async function listClinicMembers(db: Db, clinicId: string, page: number, pageSize: number) {
  const base = db.selectFrom('clinic_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id').where('m.clinic_id', '=', clinicId)
  const [rows, total] = await Promise.all([
    base.select(memberColumns).orderBy('u.last_name').orderBy('u.first_name').orderBy('u.id')
      .limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
}

export async function findClinicMember(db: Db, clinicId: string, userId: string) {
  return db.selectFrom('clinic_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(memberColumns)
    .where('m.clinic_id', '=', clinicId).where('u.id', '=', userId)
    .executeTakeFirst()
}

export async function updateMembership(db: Db, clinicId: string, userId: string, changes: { role?: RoleName, is_professional?: boolean }) {
  await db.updateTable('clinic_memberships').set(changes).where('clinic_id', '=', clinicId).where('user_id', '=', userId).execute()
}

export async function deleteMembership(db: Db, clinicId: string, userId: string) {
  await db.deleteFrom('clinic_memberships').where('clinic_id', '=', clinicId).where('user_id', '=', userId).execute()
}

export async function countActiveAdmins(db: Db, clinicId: string): Promise<number> {
  const row = await db.selectFrom('clinic_memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('m.clinic_id', '=', clinicId).where('m.role', '=', 'admin').where('u.is_active', '=', true)
    .executeTakeFirstOrThrow()
  return row.n
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

export async function revokeUserSessions(db: Db, userId: string) {
  await db.updateTable('sessions').set({ revoked_at: sql`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute()
}

export async function insertInvite(db: Db, invite: { token_hash: string, user_id: string, clinic_id: string, created_by: string, expires_at: Date }) {
  return db.insertInto('user_invites').values(invite).returningAll().executeTakeFirstOrThrow()
}

/** Marks a live invite used and returns it; undefined when it is unknown, used or expired. */
export async function claimInvite(db: Db, tokenHash: string) {
  return db.updateTable('user_invites').set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash).where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst()
}

/**
 * Serialises changes to roles, activity and memberships for the rest of the
 * transaction, so two concurrent changes cannot both pass the last-admin check.
 */
export async function lockMembershipChanges(db: Db) {
  await sql`select pg_advisory_xact_lock(hashtext('dentalpin:memberships'))`.execute(db)
}

export async function clinicsAdministeredBy(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('clinic_memberships').select('clinic_id')
    .where('user_id', '=', userId).where('role', '=', 'admin').execute()
  return rows.map(r => r.clinic_id)
}

export async function hasPendingInvite(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('user_invites').select('id')
    .where('user_id', '=', userId).where('used_at', 'is', null).where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
  return Boolean(row)
}
