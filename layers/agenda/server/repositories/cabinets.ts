import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import { ACTIVE_STATUSES } from '../../models'
import type { AgendaCabinetsTable } from '../../models'
import type { AgendaDb } from '../db'

type Db = Kysely<AgendaDb>

export async function listCabinets(db: Db, clinicId: string, filter: { isActive?: boolean }) {
  let q = db.selectFrom('agenda_cabinets').selectAll().where('clinic_id', '=', clinicId)
  if (filter.isActive !== undefined) q = q.where('is_active', '=', filter.isActive)
  return q.orderBy('display_order').orderBy(sql`lower(name)`).orderBy('id').execute()
}

export async function findCabinet(db: Db, clinicId: string, id: string) {
  return db.selectFrom('agenda_cabinets').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}

/** Another cabinet of the clinic with this name, compared case-insensitively. */
export async function findCabinetByName(db: Db, clinicId: string, name: string, exceptId?: string) {
  let q = db.selectFrom('agenda_cabinets').select('id').where('clinic_id', '=', clinicId).where(sql`lower(name)`, '=', name.toLowerCase())
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export async function nextDisplayOrder(db: Db, clinicId: string): Promise<number> {
  const row = await db.selectFrom('agenda_cabinets').select(sql<number>`coalesce(max(display_order), 0)::int + 1`.as('next'))
    .where('clinic_id', '=', clinicId).executeTakeFirstOrThrow()
  return row.next
}

export async function insertCabinet(db: Db, values: Insertable<AgendaCabinetsTable>) {
  return db.insertInto('agenda_cabinets').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateCabinet(db: Db, clinicId: string, id: string, changes: Updateable<AgendaCabinetsTable>) {
  return db.updateTable('agenda_cabinets').set({ ...changes, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function deleteCabinet(db: Db, clinicId: string, id: string) {
  await db.deleteFrom('agenda_cabinets').where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}

/** Appointments of any date in the cabinet: those holding a slot (active) and the closed ones. */
export async function countAppointmentsIn(db: Db, clinicId: string, cabinetId: string): Promise<{ active: number, closed: number }> {
  const row = await db.selectFrom('agenda_appointments')
    .select([
      sql<number>`count(*) filter (where status in (${sql.join(ACTIVE_STATUSES)}))::int`.as('active'),
      sql<number>`count(*)::int`.as('total'),
    ])
    .where('clinic_id', '=', clinicId).where('cabinet_id', '=', cabinetId)
    .executeTakeFirstOrThrow()
  return { active: row.active, closed: row.total - row.active }
}
