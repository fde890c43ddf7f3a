import { sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('patient_timeline')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('patient_id', 'uuid', c => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('event_type', 'text', c => c.notNull())
    .addColumn('category', 'text', c => c.notNull()
      .check(sql`category in ('visit', 'treatment', 'financial', 'communication', 'medical', 'document', 'note')`))
    .addColumn('title', 'text', c => c.notNull())
    .addColumn('description', 'text')
    .addColumn('data', 'jsonb', c => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('occurred_at', 'timestamptz', c => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('patient_timeline_patient_occurred').on('patient_timeline').columns(['clinic_id', 'patient_id', 'occurred_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('patient_timeline').execute()
}
