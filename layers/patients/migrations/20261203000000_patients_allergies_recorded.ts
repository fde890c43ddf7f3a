import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// "No allergies listed" used to mean both "asked: none" and "never asked".
// `allergies_recorded_at` tells them apart: null = never recorded. Histories
// that already list allergies were recorded when they were last saved; the
// others (and patients without a history row) start as "not recorded".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('patients_medical_history').addColumn('allergies_recorded_at', 'timestamptz').execute()
  await sql`update patients_medical_history set allergies_recorded_at = updated_at where jsonb_array_length(allergies) > 0`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('patients_medical_history').dropColumn('allergies_recorded_at').execute()
}
