import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Module state, the operation journal and the records modules seeded.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_module')
    .addColumn('name', 'text', c => c.primaryKey())
    .addColumn('state', 'text', c => c.notNull().check(sql`state in ('uninstalled', 'to_install', 'installed', 'to_upgrade', 'to_remove', 'disabled')`))
    .addColumn('installed_version', 'text')
    .addColumn('category', 'text', c => c.notNull())
    .addColumn('removable', 'boolean', c => c.notNull())
    .addColumn('auto_install', 'boolean', c => c.notNull())
    .addColumn('manifest', 'jsonb', c => c.notNull())
    .addColumn('installed_manifest', 'jsonb')
    .addColumn('pending_force', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('installed_at', 'timestamptz')
    .addColumn('last_state_change', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('error_message', 'text')
    .addColumn('error_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('core_module_operation')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('module', 'text', c => c.notNull())
    .addColumn('operation', 'text', c => c.notNull().check(sql`operation in ('install', 'upgrade', 'uninstall')`))
    .addColumn('status', 'text', c => c.notNull().check(sql`status in ('pending', 'running', 'succeeded', 'failed', 'skipped')`))
    .addColumn('from_version', 'text')
    .addColumn('to_version', 'text')
    .addColumn('plan', 'jsonb', c => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('steps', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('error', 'text')
    .addColumn('failed_step', 'text')
    .addColumn('owner', 'text')
    .addColumn('requested_by', 'uuid')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('core_module_operation_module_idx').on('core_module_operation').columns(['module', 'created_at']).execute()

  await db.schema
    .createTable('core_module_record')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Insertion order: records are deleted newest first (children before the parents they reference).
    .addColumn('seq', 'bigint', c => c.generatedAlwaysAsIdentity())
    .addColumn('module', 'text', c => c.notNull())
    .addColumn('external_id', 'text', c => c.notNull())
    .addColumn('clinic_id', 'uuid', c => c.references('clinics.id').onDelete('cascade'))
    .addColumn('table_name', 'text', c => c.notNull())
    .addColumn('record_id', 'text', c => c.notNull())
    .addColumn('noupdate', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('deleted', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create unique index core_module_record_key on core_module_record (module, external_id, coalesce(clinic_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['core_module_record', 'core_module_operation', 'core_module']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
