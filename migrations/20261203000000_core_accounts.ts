import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Accounts are installation-wide, memberships are per clinic (the account
// takeover fix): a membership can be switched off in one clinic only, and an
// invitation carries the membership it offers, so adding an e-mail creates no
// membership until its holder accepts. Links have a kind (invite or password
// reset); only an invitation that created the account may set its password.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clinic_memberships')
    .addColumn('is_active', 'boolean', c => c.notNull().defaultTo(true))
    .execute()

  await db.schema.alterTable('user_invites')
    .addColumn('kind', 'text', c => c.notNull().defaultTo('invite').check(sql`kind in ('invite', 'reset')`))
    .addColumn('role', 'text', c => c.check(sql`role in ('admin', 'dentist', 'hygienist', 'assistant', 'receptionist')`))
    .addColumn('is_professional', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('licence_number', 'text')
    .addColumn('sets_password', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('revoked_at', 'timestamptz')
    .execute()

  // Invitations issued before this migration came with their membership already
  // created; they keep working and set the password only of accounts without one.
  await sql`
    update user_invites i
       set role = m.role, is_professional = m.is_professional,
           first_name = u.first_name, last_name = u.last_name, licence_number = u.licence_number,
           sets_password = (u.password_hash is null)
      from clinic_memberships m, users u
     where m.user_id = i.user_id and m.clinic_id = i.clinic_id and u.id = i.user_id`.execute(db)

  await db.schema.createIndex('user_invites_user_idx').on('user_invites').columns(['user_id', 'kind']).execute()
  // One open invitation per account and clinic: a new one revokes the previous one first.
  await sql`create unique index user_invites_open_key on user_invites (user_id, clinic_id)
            where kind = 'invite' and used_at is null and revoked_at is null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists user_invites_open_key`.execute(db)
  await db.schema.dropIndex('user_invites_user_idx').ifExists().execute()
  await db.schema.alterTable('user_invites')
    .dropColumn('kind').dropColumn('role').dropColumn('is_professional').dropColumn('first_name')
    .dropColumn('last_name').dropColumn('licence_number').dropColumn('sets_password').dropColumn('revoked_at')
    .execute()
  await db.schema.alterTable('clinic_memberships').dropColumn('is_active').execute()
}
