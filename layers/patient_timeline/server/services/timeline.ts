// Reading a patient's timeline (the route's service).
import type { Kysely } from 'kysely'
import { iso, notFound } from '#dentalpin'
import type { PatientTimeline, PatientTimelineRow, TimelineCategory } from '../../models'
import { countEntries, listEntries, patientExistsInClinic } from '../repositories/timeline'
import type { TimelineDb } from '../repositories/timeline'

export interface TimelinePageQuery {
  category?: TimelineCategory[]
  page: number
  page_size: number
}

export function toTimelineDto(row: PatientTimelineRow): PatientTimeline {
  return {
    id: row.id,
    clinic_id: row.clinic_id,
    patient_id: row.patient_id,
    event_type: row.event_type,
    category: row.category,
    title: row.title,
    description: row.description,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) ?? {},
    occurred_at: iso(row.occurred_at),
    source_type: row.source_type,
    source_id: row.source_id,
    created_at: iso(row.created_at),
  }
}

/** One page of the patient's entries, newest first; 404 when the patient is not one of this clinic's. */
export async function listPatientTimeline(db: Kysely<TimelineDb>, clinicId: string, patientId: string, query: TimelinePageQuery) {
  if (!(await patientExistsInClinic(db, clinicId, patientId))) throw notFound('patient_timeline.patient_not_found', 'Patient not found')
  const [rows, total] = await Promise.all([
    listEntries(db, clinicId, patientId, query.category, query.page_size, (query.page - 1) * query.page_size),
    countEntries(db, clinicId, patientId, query.category),
  ])
  return { items: rows.map(toTimelineDto), total }
}
