import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// The events recorded once per source when this migration was written (the
// recorder's ONCE_PER_SOURCE): only their existing rows get a key.
const ONCE_PER_SOURCE = [
  'patient.created', 'appointment.scheduled', 'appointment.completed', 'appointment.cancelled', 'appointment.no_show',
  'treatment.completed', 'budget.created', 'budget.accepted', 'budget.rejected',
  'invoice.created', 'invoice.issued', 'invoice.paid', 'payment.recorded', 'document.uploaded',
]

/**
 * A once-per-source event is recorded once even when two deliveries race: the
 * recorder sets `dedupe_key` for those events only and inserts with
 * `on conflict do nothing` against this unique index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('patient_timeline').addColumn('dedupe_key', 'text').execute()
  // Existing rows: the first entry of each source gets the key (a duplicate already written keeps none).
  await sql`
    update patient_timeline as t
    set dedupe_key = t.patient_id::text || ':' || t.event_type || ':' || t.source_type || ':' || t.source_id
    from (
      select id, row_number() over (
        partition by clinic_id, patient_id, event_type, source_type, source_id order by created_at, id
      ) as n
      from patient_timeline
      where event_type in (${sql.join(ONCE_PER_SOURCE)}) and source_type is not null and source_id is not null
    ) as first
    where t.id = first.id and first.n = 1
  `.execute(db)
  await db.schema.createIndex('patient_timeline_dedupe_key').on('patient_timeline')
    .columns(['clinic_id', 'dedupe_key']).unique()
    .where(sql.ref('dedupe_key'), 'is not', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('patient_timeline_dedupe_key').execute()
  await db.schema.alterTable('patient_timeline').dropColumn('dedupe_key').execute()
}
