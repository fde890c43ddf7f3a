import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Users, clinics, memberships, sessions, invites and the installation row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', c => c.notNull())
    .addColumn('first_name', 'text', c => c.notNull())
    .addColumn('last_name', 'text', c => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('is_active', 'boolean', c => c.notNull().defaultTo(true))
    .addColumn('licence_number', 'text')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create unique index users_email_key on users (lower(email))`.execute(db)

  await db.schema
    .createTable('clinics')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', c => c.notNull())
    .addColumn('tax_id', 'text')
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('timezone', 'text', c => c.notNull().defaultTo('UTC'))
    .addColumn('currency', 'text', c => c.notNull().defaultTo('EUR'))
    .addColumn('country', 'text')
    .addColumn('language', 'text', c => c.notNull().defaultTo('en'))
    .addColumn('settings', 'jsonb', c => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('clinic_memberships')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', c => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('role', 'text', c => c.notNull().check(sql`role in ('admin', 'dentist', 'hygienist', 'assistant', 'receptionist')`))
    .addColumn('is_professional', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('clinic_memberships_user_clinic_key', ['user_id', 'clinic_id'])
    .execute()
  await db.schema.createIndex('clinic_memberships_clinic_idx').on('clinic_memberships').column('clinic_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', c => c.notNull().unique())
    .addColumn('kind', 'text', c => c.notNull().check(sql`kind in ('session', 'token')`))
    .addColumn('user_id', 'uuid', c => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('clinic_id', 'uuid', c => c.references('clinics.id').onDelete('set null'))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', c => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('user_invites')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', c => c.notNull().unique())
    .addColumn('user_id', 'uuid', c => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('created_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', c => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute()

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('ip', 'text', c => c.notNull())
    .addColumn('attempted_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('login_failures_ip_idx').on('login_failures').columns(['ip', 'attempted_at']).execute()

  await db.schema
    .createTable('core_installation')
    .addColumn('id', 'integer', c => c.primaryKey().check(sql`id = 1`))
    .addColumn('owner_clinic_id', 'uuid', c => c.notNull().references('clinics.id'))
    .addColumn('initialized_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['core_installation', 'login_failures', 'user_invites', 'sessions', 'clinic_memberships', 'clinics', 'users']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
