// Kysely reads and writes of notes and their revisions; every query is
// filtered on the clinic. Functions take the database (or transaction) first.
import { sql } from 'kysely'
import type { Insertable, Kysely } from 'kysely'
import type { ClinicalNotesNotesTable, ClinicalNotesRevisionsTable, NoteType } from '../../models'
import type { ClinicalNotesDb } from '../db'

type Db = Kysely<ClinicalNotesDb>

export async function clinicTimeZone(db: Db, clinicId: string): Promise<string> {
  const row = await db.selectFrom('clinics').select('timezone').where('id', '=', clinicId).executeTakeFirst()
  return row?.timezone ?? 'UTC'
}

export async function patientOfClinic(db: Db, clinicId: string, patientId: string): Promise<string | null> {
  const row = await db.selectFrom('patients').select('id').where('clinic_id', '=', clinicId).where('id', '=', patientId).executeTakeFirst()
  return row?.id ?? null
}

/** Notes with their author's and last editor's names and how many versions they have. */
function withPeople(db: Db) {
  return db.selectFrom('clinical_notes_notes as n')
    .leftJoin('users as a', 'a.id', 'n.author_id')
    .leftJoin('users as e', 'e.id', 'n.updated_by')
    .selectAll('n')
    .select([
      'a.first_name as author_first_name',
      'a.last_name as author_last_name',
      'e.first_name as editor_first_name',
      'e.last_name as editor_last_name',
      sql<number>`(select count(*)::int from clinical_notes_revisions r where r.note_id = n.id)`.as('revision_count'),
      sql<boolean>`exists (select 1 from clinical_notes_revisions r where r.note_id = n.id and r.is_amendment)`.as('is_amended'),
    ])
    .where('n.deleted_at', 'is', null)
}

export type NoteWithPeople = NonNullable<Awaited<ReturnType<typeof findNote>>>

/** A live (not deleted) note of the clinic. */
export async function findNote(db: Db, clinicId: string, id: string) {
  return withPeople(db).where('n.clinic_id', '=', clinicId).where('n.id', '=', id).executeTakeFirst()
}

/** The note row, locked for the rest of the transaction (edits of one note queue). */
export async function lockNote(db: Db, clinicId: string, id: string) {
  return db.selectFrom('clinical_notes_notes').selectAll()
    .where('clinic_id', '=', clinicId).where('id', '=', id).where('deleted_at', 'is', null)
    .forUpdate().executeTakeFirst()
}

export interface NoteFilters {
  patientId?: string
  ownerType?: string
  ownerId?: string
  tooth?: number
  /** Only these types (already narrowed to what the caller may read). */
  types: readonly NoteType[]
}

/** One page of live notes, newest first, and how many there are. */
export async function listNotes(db: Db, clinicId: string, f: NoteFilters, page: number, pageSize: number) {
  if (f.types.length === 0) return { rows: [], total: 0 }
  let q = withPeople(db).where('n.clinic_id', '=', clinicId).where('n.type', 'in', f.types)
  if (f.patientId) q = q.where('n.patient_id', '=', f.patientId)
  if (f.ownerType) q = q.where('n.owner_type', '=', f.ownerType)
  if (f.ownerId) q = q.where('n.owner_id', '=', f.ownerId)
  if (f.tooth !== undefined) q = q.where('n.tooth', '=', f.tooth)
  const [rows, count] = await Promise.all([
    q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    q.clearSelect().select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: count.total }
}

export async function insertNote(db: Db, values: Insertable<ClinicalNotesNotesTable>) {
  return db.insertInto('clinical_notes_notes').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateBody(db: Db, clinicId: string, id: string, body: string, userId: string) {
  await db.updateTable('clinical_notes_notes').set({ body, updated_by: userId, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

export async function softDelete(db: Db, clinicId: string, id: string, userId: string, reason: string | null) {
  await db.updateTable('clinical_notes_notes').set({ deleted_at: sql`now()`, deleted_by: userId, delete_reason: reason })
    .where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** The next version of a note (the note row is locked by the caller). */
export async function insertRevision(db: Db, values: Omit<Insertable<ClinicalNotesRevisionsTable>, 'revision' | 'edited_at'>) {
  const last = await db.selectFrom('clinical_notes_revisions').select(sql<number>`coalesce(max(revision), 0)::int`.as('n'))
    .where('note_id', '=', values.note_id).executeTakeFirstOrThrow()
  // clock_timestamp(): versions written in one transaction still sort in the order written.
  await db.insertInto('clinical_notes_revisions').values({ ...values, revision: last.n + 1, edited_at: sql`clock_timestamp()` }).execute()
}

export async function listRevisions(db: Db, clinicId: string, noteId: string) {
  return db.selectFrom('clinical_notes_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.edited_by')
    .select(['r.revision', 'r.body', 'r.is_amendment', 'r.reason', 'r.edited_by', 'r.edited_at', 'u.first_name', 'u.last_name'])
    .where('r.clinic_id', '=', clinicId).where('r.note_id', '=', noteId)
    .orderBy('r.revision')
    .execute()
}
