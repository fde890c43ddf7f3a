import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { ClinicalType, EntryKind, EntryStatus, OdontogramEntriesTable } from '../../models'
import type { OdontogramDb } from '../db'

type Db = Kysely<OdontogramDb>

/** Whose patient a treatment entry is (clinical_notes asks, for a note on a treatment); null when not of the clinic. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry hands over the request's database untyped
export async function entryPatient(db: Kysely<any>, clinicId: string, id: string): Promise<string | null> {
  const row = await (db as Db).selectFrom('odontogram_entries').select('patient_id')
    .where('clinic_id', '=', clinicId).where('id', '=', id).where('kind', '=', 'treatment').where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row?.patient_id ?? null
}

export async function clinicInfo(db: Db, clinicId: string) {
  const row = await db.selectFrom('clinics').select(['timezone', 'settings']).where('id', '=', clinicId).executeTakeFirst()
  return { timeZone: row?.timezone ?? 'UTC', settings: (typeof row?.settings === 'string' ? JSON.parse(row.settings) : row?.settings) ?? {} }
}

export async function findPatient(db: Db, clinicId: string, id: string) {
  return db.selectFrom('patients').select(['id', 'status', 'date_of_birth']).where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}

/**
 * Serialises the chart writes of one patient until the transaction ends: each
 * write re-derives the teeth it touches from every entry on them, so two
 * concurrent writes must not both derive from the state before the other.
 */
export async function lockChart(db: Db, patientId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`odontogram.patient:${patientId}`}))`.execute(db)
}

export async function findItem(db: Db, clinicId: string, id: string) {
  return db.selectFrom('catalog_items')
    .select(['id', 'code', 'names', 'default_price', 'pricing_strategy', 'pricing', 'scope', 'requires_surfaces', 'clinical_type', 'is_active', 'deleted_at'])
    .where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}

export async function insertEntry(db: Db, values: Insertable<OdontogramEntriesTable>) {
  return db.insertInto('odontogram_entries').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateEntry(db: Db, clinicId: string, id: string, changes: Updateable<OdontogramEntriesTable>) {
  await db.updateTable('odontogram_entries').set({ ...changes, updated_at: sql`now()` }).where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** The live (not deleted) entry, locked for the rest of the transaction. */
export async function lockEntry(db: Db, clinicId: string, id: string) {
  return db.selectFrom('odontogram_entries').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id)
    .where('deleted_at', 'is', null).forUpdate().executeTakeFirst()
}

/** Every live entry of the patient in the order written (what the replay reads). */
export async function patientEntries(db: Db, clinicId: string, patientId: string) {
  return db.selectFrom('odontogram_entries').selectAll()
    .where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).where('deleted_at', 'is', null)
    .orderBy('created_at').orderBy('id').execute()
}

function withNames(db: Db) {
  return db.selectFrom('odontogram_entries as e')
    .leftJoin('users as r', 'r.id', 'e.recorded_by')
    .leftJoin('users as p', 'p.id', 'e.performed_by')
    .leftJoin('catalog_items as ci', 'ci.id', 'e.catalog_item_id')
    .selectAll('e')
    .select([
      'r.first_name as recorded_first_name', 'r.last_name as recorded_last_name',
      'p.first_name as performed_first_name', 'p.last_name as performed_last_name',
      'ci.code as item_code', sql<Record<string, string> | null>`ci.names`.as('item_names'),
    ])
    .where('e.deleted_at', 'is', null)
}

export type EntryWithNames = NonNullable<Awaited<ReturnType<typeof findEntry>>>

export async function findEntry(db: Db, clinicId: string, id: string) {
  return withNames(db).where('e.clinic_id', '=', clinicId).where('e.id', '=', id).executeTakeFirst()
}

/** Several entries of one clinic by id, with names (in no particular order). */
export async function findEntries(db: Db, clinicId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  return withNames(db).where('e.clinic_id', '=', clinicId).where('e.id', 'in', ids).execute()
}

export interface EntryFilters {
  kind?: EntryKind
  status?: EntryStatus
  tooth?: number
  type?: ClinicalType
}

export async function listEntries(db: Db, clinicId: string, patientId: string, f: EntryFilters, page: number, pageSize: number) {
  let q = withNames(db).where('e.clinic_id', '=', clinicId).where('e.patient_id', '=', patientId)
  if (f.kind) q = q.where('e.kind', '=', f.kind)
  if (f.status) q = q.where('e.status', '=', f.status)
  if (f.type) q = q.where('e.clinical_type', '=', f.type)
  if (f.tooth !== undefined) q = q.where(sql<boolean>`e.teeth @> ${JSON.stringify([{ tooth: f.tooth }])}::jsonb`)
  const { count } = await q.clearSelect().select(eb => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
  const rows = await q.orderBy('e.recorded_at', 'desc').orderBy('e.created_at', 'desc').orderBy('e.id')
    .limit(pageSize).offset((page - 1) * pageSize).execute()
  return { rows, total: Number(count) }
}

/** `superseded_by` is derived (lib/odontogram-replay.ts): setting it is no edit of the entry (updated_at stays). */
export async function setSupersededBy(db: Db, id: string, by: string | null) {
  await db.updateTable('odontogram_entries').set({ superseded_by: by }).where('id', '=', id).execute()
}
