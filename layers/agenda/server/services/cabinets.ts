import { conflict, notFound, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { Cabinet, CabinetRow, cabinetCreateSchema, cabinetListQuerySchema, cabinetUpdateSchema } from '../../models'
import type { Actor, AgendaDb } from '../db'
import { lockResource } from '../repositories/appointments'
import * as repo from '../repositories/cabinets'

type Db = Kysely<AgendaDb>

export function toCabinetDto(row: CabinetRow): Cabinet {
  return {
    id: row.id,
    clinic_id: row.clinic_id,
    name: row.name,
    color: row.color,
    display_order: row.display_order,
    is_active: row.is_active,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}

const nameTaken = () => conflict('agenda.cabinet_name_taken', 'A cabinet with this name already exists')

/** The unique index (clinic_id, lower(name)) settles a race the pre-check lost. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505'
}

async function guardUnique<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  }
  catch (error) {
    if (isUniqueViolation(error)) throw nameTaken()
    throw error
  }
}

export async function listCabinets(db: Db, actor: Actor, query: z.output<typeof cabinetListQuerySchema>): Promise<Cabinet[]> {
  return (await repo.listCabinets(db, actor.clinicId, { isActive: query.is_active })).map(toCabinetDto)
}

export async function getCabinet(db: Db, actor: Actor, id: string): Promise<Cabinet> {
  const row = await repo.findCabinet(db, actor.clinicId, id)
  if (!row) throw notFound('agenda.cabinet_not_found')
  return toCabinetDto(row)
}

export async function createCabinet(db: Db, actor: Actor, input: z.output<typeof cabinetCreateSchema>): Promise<Cabinet> {
  return guardUnique(() => transaction(db, async (trx) => {
    if (await repo.findCabinetByName(trx, actor.clinicId, input.name)) throw nameTaken()
    const row = await repo.insertCabinet(trx, {
      clinic_id: actor.clinicId,
      name: input.name,
      color: input.color,
      display_order: input.display_order ?? await repo.nextDisplayOrder(trx, actor.clinicId),
      is_active: input.is_active,
    })
    return toCabinetDto(row)
  }))
}

export async function updateCabinet(db: Db, actor: Actor, id: string, input: z.output<typeof cabinetUpdateSchema>): Promise<Cabinet> {
  return guardUnique(() => transaction(db, async (trx) => {
    const current = await repo.findCabinet(trx, actor.clinicId, id)
    if (!current) throw notFound('agenda.cabinet_not_found')
    if (input.name !== undefined && await repo.findCabinetByName(trx, actor.clinicId, input.name, id)) throw nameTaken()
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    if (Object.keys(changes).length === 0) return toCabinetDto(current)
    return toCabinetDto(await repo.updateCabinet(trx, actor.clinicId, id, changes))
  }))
}

/**
 * Deletes a cabinet no appointment has ever used. A cabinet with active
 * appointments is 409 `agenda.cabinet_in_use`; one only closed appointments
 * (completed, cancelled, no-show) reference is 409 `agenda.cabinet_has_history`:
 * those rows record where a treatment happened, so the cabinet is deactivated
 * (is_active = false keeps it out of booking) instead of deleted.
 */
export async function deleteCabinet(db: Db, actor: Actor, id: string): Promise<void> {
  await transaction(db, async (trx) => {
    const current = await repo.findCabinet(trx, actor.clinicId, id)
    if (!current) throw notFound('agenda.cabinet_not_found')
    // The booking lock: no appointment can be placed in it while we decide.
    await lockResource(trx, 'cabinet', id)
    const uses = await repo.countAppointmentsIn(trx, actor.clinicId, id)
    if (uses.active > 0) {
      throw conflict('agenda.cabinet_in_use', 'Active appointments use this cabinet')
    }
    if (uses.closed > 0) {
      throw conflict('agenda.cabinet_has_history', 'Past appointments took place in this cabinet: deactivate it instead')
    }
    await repo.deleteCabinet(trx, actor.clinicId, id)
  })
}
