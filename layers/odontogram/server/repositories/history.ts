import { sql } from 'kysely'
import type { Insertable, Kysely } from 'kysely'
import type { OdontogramHistoryTable } from '../../models'
import type { OdontogramDb } from '../db'

type Db = Kysely<OdontogramDb>

export async function insertHistory(db: Db, entry: Omit<Insertable<OdontogramHistoryTable>, 'at'>) {
  // clock_timestamp(): changes written in one transaction still sort in the order written.
  await db.insertInto('odontogram_history').values({ ...entry, at: sql`clock_timestamp()` }).execute()
}

/** The patient's changes, newest first, with the entry they concern and who made them. */
export async function listHistory(db: Db, clinicId: string, patientId: string, page: number, pageSize: number) {
  const base = db.selectFrom('odontogram_history as h')
    .where('h.clinic_id', '=', clinicId).where('h.patient_id', '=', patientId)
  const { count } = await base.select(eb => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
  const rows = await base
    .innerJoin('odontogram_entries as e', 'e.id', 'h.entry_id')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.entry_id', 'h.action', 'h.changes', 'h.reason', 'h.actor_id', 'h.at', 'e.kind', 'e.clinical_type', 'e.teeth', 'u.first_name', 'u.last_name'])
    .orderBy('h.at', 'desc').orderBy('h.id', 'desc')
    .limit(pageSize).offset((page - 1) * pageSize).execute()
  return { rows, total: Number(count) }
}
