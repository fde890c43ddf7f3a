import type { Kysely } from 'kysely'
import type { AgendaDb } from '../db'

type Db = Kysely<AgendaDb>

function professionalsQuery(db: Db, clinicId: string) {
  return db.selectFrom('clinic_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.first_name', 'u.last_name', 'u.licence_number', 'm.role'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.is_professional', '=', true)
    .where('m.is_active', '=', true)
    .where('u.is_active', '=', true)
}

/** Members of the clinic who can be booked: `is_professional`, active in the clinic and an active account. */
export async function listProfessionals(db: Db, clinicId: string) {
  return professionalsQuery(db, clinicId).orderBy('u.first_name').orderBy('u.last_name').orderBy('u.id').execute()
}

export async function findProfessional(db: Db, clinicId: string, userId: string) {
  return professionalsQuery(db, clinicId).where('u.id', '=', userId).executeTakeFirst()
}
