import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Login attempts per limiter key (`ip:<address>`, `account:<e-mail>`), reserved
// before the password check so a concurrent burst cannot outrun the limit.
// Replaces login_failures (per address only, counted after the check), which
// is no longer written; its rows only mattered for one window.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', c => c.notNull())
    .addColumn('attempted_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('login_attempts_key_idx').on('login_attempts').columns(['key', 'attempted_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempts').ifExists().execute()
}
