import { sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('agenda_cabinets')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('name', 'text', c => c.notNull())
    .addColumn('color', 'text', c => c.notNull().defaultTo('#3b82f6'))
    .addColumn('display_order', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('is_active', 'boolean', c => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create unique index agenda_cabinets_clinic_name on agenda_cabinets (clinic_id, lower(name))`.execute(db)

  await db.schema.createTable('agenda_appointments')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    // Optional: a slot without a patient blocks the professional's time.
    .addColumn('patient_id', 'uuid', c => c.references('patients.id').onDelete('cascade'))
    .addColumn('professional_id', 'uuid', c => c.notNull().references('users.id'))
    .addColumn('cabinet_id', 'uuid', c => c.references('agenda_cabinets.id'))
    .addColumn('start_time', 'timestamptz', c => c.notNull())
    .addColumn('end_time', 'timestamptz', c => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', c => c.notNull().defaultTo('scheduled')
      .check(sql`status in ('scheduled', 'confirmed', 'checked_in', 'in_treatment', 'completed', 'cancelled', 'no_show')`))
    .addColumn('created_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('agenda_appointments_end_after_start', sql`end_time > start_time`)
    .execute()
  await db.schema.createIndex('agenda_appointments_clinic_start').on('agenda_appointments').columns(['clinic_id', 'start_time']).execute()
  await db.schema.createIndex('agenda_appointments_professional').on('agenda_appointments').columns(['professional_id', 'start_time']).execute()
  await db.schema.createIndex('agenda_appointments_cabinet').on('agenda_appointments').columns(['cabinet_id', 'start_time']).execute()
  await db.schema.createIndex('agenda_appointments_patient').on('agenda_appointments').columns(['patient_id', 'start_time']).execute()

  await db.schema.createTable('agenda_appointment_history')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('appointment_id', 'uuid', c => c.notNull().references('agenda_appointments.id').onDelete('cascade'))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', c => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('changed_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('agenda_appointment_history_appointment').on('agenda_appointment_history').columns(['appointment_id', 'changed_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agenda_appointment_history').execute()
  await db.schema.dropTable('agenda_appointments').execute()
  await db.schema.dropTable('agenda_cabinets').execute()
}
