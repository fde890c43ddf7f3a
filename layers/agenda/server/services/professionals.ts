import type { Kysely } from 'kysely'
import type { Professional } from '../../models'
import type { Actor, AgendaDb } from '../db'
import * as repo from '../repositories/professionals'

/** Members of the current clinic who can be booked. */
export async function listProfessionals(db: Kysely<AgendaDb>, actor: Actor): Promise<Professional[]> {
  const rows = await repo.listProfessionals(db, actor.clinicId)
  return rows.map(r => ({ id: r.id, name: `${r.first_name} ${r.last_name}`.trim(), role: r.role, licence_number: r.licence_number }))
}
