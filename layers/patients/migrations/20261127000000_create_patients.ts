import { sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Trigram indexes keep substring search fast on large patient lists.
  await sql`create extension if not exists pg_trgm`.execute(db)

  await db.schema.createTable('patients')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('first_name', 'text', c => c.notNull())
    .addColumn('last_name', 'text', c => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('date_of_birth', 'date')
    .addColumn('gender', 'text', c => c.check(sql`gender in ('female', 'male', 'other')`))
    .addColumn('national_id', 'text')
    .addColumn('national_id_type', 'text', c => c.check(sql`national_id_type in ('dni', 'nie', 'passport', 'other')`))
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', c => c.notNull().defaultTo('active').check(sql`status in ('active', 'archived')`))
    .addColumn('do_not_contact', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('billing_name', 'text')
    .addColumn('billing_tax_id', 'text')
    .addColumn('billing_address', 'text')
    .addColumn('billing_email', 'text')
    // Lower-cased, accent-free copy of the searchable fields, kept by the service.
    .addColumn('search_text', 'text', c => c.notNull().defaultTo(''))
    .addColumn('last_visit_at', 'timestamptz')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()

  await sql`create index patients_search_trgm on patients using gin (search_text gin_trgm_ops)`.execute(db)
  await db.schema.createIndex('patients_clinic_last_name').on('patients').columns(['clinic_id', 'last_name', 'first_name']).execute()
  await db.schema.createIndex('patients_clinic_created').on('patients').columns(['clinic_id', 'created_at']).execute()
  await db.schema.createIndex('patients_clinic_updated').on('patients').columns(['clinic_id', 'updated_at']).execute()

  await db.schema.createTable('patients_medical_history')
    .addColumn('patient_id', 'uuid', c => c.primaryKey().references('patients.id').onDelete('cascade'))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('allergies', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('medications', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('conditions', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('updated_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('patients_medical_history').execute()
  await db.schema.dropTable('patients').execute()
}
