import { sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('clinical_notes_notes')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    // Every note is some patient's, whatever it is attached to.
    .addColumn('patient_id', 'uuid', c => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('owner_type', 'text', c => c.notNull())
    .addColumn('owner_id', 'uuid', c => c.notNull())
    .addColumn('type', 'text', c => c.notNull().check(sql`type in ('administrative', 'diagnosis', 'treatment', 'progress')`))
    .addColumn('tooth', 'integer')
    .addColumn('body', 'text', c => c.notNull())
    .addColumn('author_id', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('deleted_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('delete_reason', 'text')
    .execute()
  await db.schema.createIndex('clinical_notes_notes_patient').on('clinical_notes_notes').columns(['clinic_id', 'patient_id', 'created_at']).execute()
  await db.schema.createIndex('clinical_notes_notes_owner').on('clinical_notes_notes').columns(['clinic_id', 'owner_type', 'owner_id', 'created_at']).execute()

  await db.schema.createTable('clinical_notes_revisions')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('note_id', 'uuid', c => c.notNull().references('clinical_notes_notes.id').onDelete('cascade'))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('revision', 'integer', c => c.notNull())
    .addColumn('body', 'text', c => c.notNull())
    .addColumn('is_amendment', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('reason', 'text')
    .addColumn('edited_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('edited_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('clinical_notes_revisions_note_revision', ['note_id', 'revision'])
    .execute()

  await db.schema.createTable('clinical_notes_templates')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('name', 'text', c => c.notNull())
    .addColumn('type', 'text', c => c.notNull().check(sql`type in ('administrative', 'diagnosis', 'treatment', 'progress')`))
    .addColumn('body', 'text', c => c.notNull())
    .addColumn('created_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create unique index clinical_notes_templates_clinic_name on clinical_notes_templates (clinic_id, lower(name))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clinical_notes_templates').execute()
  await db.schema.dropTable('clinical_notes_revisions').execute()
  await db.schema.dropTable('clinical_notes_notes').execute()
}
