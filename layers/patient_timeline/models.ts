// The patient_timeline module's published model (docs/core-api.md, "Importable models"):
// `import type { PatientTimeline } from '#layers/patient_timeline/models'`.
import type { ColumnType, Generated, Selectable } from 'kysely'
import { z } from 'zod'

export const TIMELINE_CATEGORIES = ['visit', 'treatment', 'financial', 'communication', 'medical', 'document', 'note'] as const
export type TimelineCategory = (typeof TIMELINE_CATEGORIES)[number]

export interface PatientTimelineTable {
  id: Generated<string>
  clinic_id: string
  patient_id: string
  event_type: string
  category: TimelineCategory
  title: string
  description: string | null
  data: ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, never>
  occurred_at: ColumnType<Date, Date | string, never>
  source_type: string | null
  source_id: string | null
  /** Set only for events recorded once per source; unique per clinic (a retried delivery is not written twice). */
  dedupe_key: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
}

/** The table this module owns, for `Kysely<PatientTimelineTables>`. */
export interface PatientTimelineTables {
  patient_timeline: PatientTimelineTable
}

export type PatientTimelineRow = Selectable<PatientTimelineTable>

/**
 * A timeline entry as the API returns it (append-only; written by event
 * handlers): the row with its times as ISO strings, without the dedupe key.
 * `title` is in the clinic's language at the time it was written.
 */
export interface PatientTimeline extends Omit<PatientTimelineRow, 'dedupe_key' | 'occurred_at' | 'created_at'> {
  occurred_at: string
  created_at: string
}

/** GET /api/v1/patient_timeline/patients/{id} query. */
export const timelineQuerySchema = z.object({
  category: z.union([z.enum(TIMELINE_CATEGORIES), z.array(z.enum(TIMELINE_CATEGORIES))]).optional()
    .transform(v => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  page: z.coerce.number().int().min(1).optional().default(1),
  page_size: z.coerce.number().int().min(1).max(100).optional().default(50),
})
