import { sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // One row per clinic and year: the last plan number handed out (PLAN-{YYYY}-{NNNN}),
  // bumped with an upsert so concurrent creates get distinct numbers.
  await db.schema.createTable('treatment_plan_counters')
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('year', 'integer', c => c.notNull())
    .addColumn('last', 'integer', c => c.notNull())
    .addPrimaryKeyConstraint('treatment_plan_counters_pk', ['clinic_id', 'year'])
    .execute()

  await db.schema.createTable('treatment_plan_plans')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('patient_id', 'uuid', c => c.notNull().references('patients.id').onDelete('cascade'))
    .addColumn('number', 'text', c => c.notNull())
    .addColumn('title', 'text')
    .addColumn('professional_id', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', c => c.notNull().defaultTo('draft')
      .check(sql`status in ('draft', 'proposed', 'accepted', 'completed', 'closed')`))
    .addColumn('diagnosis', 'text')
    .addColumn('internal_notes', 'text')
    .addColumn('closure_reason', 'text', c => c.check(sql`closure_reason in ('rejected_by_patient', 'expired', 'cancelled_by_clinic', 'patient_abandoned', 'other')`))
    .addColumn('closure_note', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('status_changed_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('treatment_plan_plans_number', ['clinic_id', 'number'])
    .execute()
  await db.schema.createIndex('treatment_plan_plans_patient').on('treatment_plan_plans').columns(['clinic_id', 'patient_id']).execute()
  await db.schema.createIndex('treatment_plan_plans_status').on('treatment_plan_plans').columns(['clinic_id', 'status', 'status_changed_at']).execute()

  await db.schema.createTable('treatment_plan_items')
    .addColumn('id', 'uuid', c => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('plan_id', 'uuid', c => c.notNull().references('treatment_plan_plans.id').onDelete('cascade'))
    .addColumn('treatment_id', 'uuid', c => c.notNull().references('odontogram_entries.id').onDelete('cascade'))
    .addColumn('position', 'integer', c => c.notNull())
    .addColumn('phase', 'smallint', c => c.notNull().check(sql`phase between 1 and 5`))
    .addColumn('professional_id', 'uuid', c => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', c => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'completed', 'cancelled')`))
    .addColumn('price', 'numeric(12, 2)', c => c.notNull())
    .addColumn('sessions', 'jsonb', c => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // In a live plan (draft, proposed, accepted): a treatment is in at most one of those.
    .addColumn('live', 'boolean', c => c.notNull().defaultTo(true))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('updated_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('treatment_plan_items_plan_treatment', ['plan_id', 'treatment_id'])
    .execute()
  await db.schema.createIndex('treatment_plan_items_plan').on('treatment_plan_items').columns(['plan_id', 'position']).execute()
  await db.schema.createIndex('treatment_plan_items_live_treatment').on('treatment_plan_items').column('treatment_id').unique().where(sql.ref('live'), '=', true).execute()

  // The plan items a visit will do; `done`: ticked as done at the end of the visit.
  await db.schema.createTable('treatment_plan_visit_items')
    .addColumn('appointment_id', 'uuid', c => c.notNull().references('agenda_appointments.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', c => c.notNull().references('treatment_plan_items.id').onDelete('cascade'))
    .addColumn('clinic_id', 'uuid', c => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('done', 'boolean', c => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', c => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('treatment_plan_visit_items_pk', ['appointment_id', 'item_id'])
    .execute()
  await db.schema.createIndex('treatment_plan_visit_items_item').on('treatment_plan_visit_items').column('item_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('treatment_plan_visit_items').execute()
  await db.schema.dropTable('treatment_plan_items').execute()
  await db.schema.dropTable('treatment_plan_plans').execute()
  await db.schema.dropTable('treatment_plan_counters').execute()
}
