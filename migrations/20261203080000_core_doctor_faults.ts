import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Journal entries left `running` by a process that died become `interrupted`
// at the next boot; doctor findings an admin has acknowledged are kept here.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table core_module_operation drop constraint if exists core_module_operation_status_check`.execute(db)
  await sql`alter table core_module_operation add constraint core_module_operation_status_check check (status in ('pending', 'running', 'succeeded', 'failed', 'skipped', 'interrupted'))`.execute(db)

  await db.schema
    .createTable('core_doctor_acknowledgement')
    .addColumn('key', 'text', c => c.primaryKey())
    .addColumn('acknowledged_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('acknowledged_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_doctor_acknowledgement').execute()
  await sql`update core_module_operation set status = 'failed' where status = 'interrupted'`.execute(db)
  await sql`alter table core_module_operation drop constraint if exists core_module_operation_status_check`.execute(db)
  await sql`alter table core_module_operation add constraint core_module_operation_status_check check (status in ('pending', 'running', 'succeeded', 'failed', 'skipped'))`.execute(db)
}
