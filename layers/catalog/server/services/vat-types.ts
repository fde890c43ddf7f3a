import { conflict, invalid, notFound, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { SYSTEM_EDITABLE } from '../../models'
import type { activeListQuerySchema, VatType, VatTypeRow, vatTypeCreateSchema, vatTypeUpdateSchema } from '../../models'
import type { Actor, CatalogDb } from '../db'
import * as repo from '../repositories/vat-types'
import { assertNotSystem, assertSystemEditable, guardUnique, sent } from './guards'

type Db = Kysely<CatalogDb>

export function toVatTypeDto(row: VatTypeRow): VatType {
  return {
    id: row.id,
    names: row.names,
    rate: row.rate,
    is_default: row.is_default,
    is_system: row.is_system,
    is_active: row.is_active,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}

const notFoundError = () => notFound('catalog.vat_type_not_found')
// Two requests racing to make a default: the one-default index refuses the loser.
const defaultRace = () => conflict('catalog.default_vat_conflict', 'Another VAT type was made the default at the same time; try again')
const inactiveDefault = () => invalid('is_active', 'catalog.default_vat_inactive', 'The default VAT type must be active')

export async function listVatTypes(db: Db, actor: Actor, query: z.output<typeof activeListQuerySchema>): Promise<VatType[]> {
  return (await repo.listVatTypes(db, actor.clinicId, { isActive: query.is_active })).map(toVatTypeDto)
}

export async function getVatType(db: Db, actor: Actor, id: string): Promise<VatType> {
  const row = await repo.findVatType(db, actor.clinicId, id)
  if (!row) throw notFoundError()
  return toVatTypeDto(row)
}

/** A new default clears the old one in the same transaction (at most one per clinic). */
export async function createVatType(db: Db, actor: Actor, input: z.output<typeof vatTypeCreateSchema>): Promise<VatType> {
  if (input.is_default && !input.is_active) throw inactiveDefault()
  return guardUnique(defaultRace, () => transaction(db, async (trx) => {
    await repo.lockVatTypes(trx, actor.clinicId)
    if (input.is_default) await repo.clearDefault(trx, actor.clinicId)
    const row = await repo.insertVatType(trx, { clinic_id: actor.clinicId, ...input, is_system: false })
    return toVatTypeDto(row)
  }))
}

/**
 * Fields sent change; a system row only its activation and default. The
 * default cannot be switched off or deactivated: make another one the
 * default instead (409 `catalog.default_vat_required`).
 */
export async function updateVatType(db: Db, actor: Actor, id: string, input: z.output<typeof vatTypeUpdateSchema>): Promise<VatType> {
  return guardUnique(defaultRace, () => transaction(db, async (trx) => {
    await repo.lockVatTypes(trx, actor.clinicId)
    const current = await repo.findVatType(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    assertSystemEditable(current, input, SYSTEM_EDITABLE.vat_type)
    const changes = sent(input)
    const isDefault = changes.is_default ?? current.is_default
    if (current.is_default && changes.is_default === false) {
      throw conflict('catalog.default_vat_required', 'Make another VAT type the default instead')
    }
    if (isDefault && (changes.is_active ?? current.is_active) === false) throw inactiveDefault()
    if (Object.keys(changes).length === 0) return toVatTypeDto(current)
    if (changes.is_default && !current.is_default) await repo.clearDefault(trx, actor.clinicId)
    return toVatTypeDto(await repo.updateVatType(trx, actor.clinicId, id, changes))
  }))
}

/** Soft delete; never the default (409), a system row (403) or one live items use (409). */
export async function deleteVatType(db: Db, actor: Actor, id: string): Promise<void> {
  await transaction(db, async (trx) => {
    await repo.lockVatTypes(trx, actor.clinicId)
    const current = await repo.findVatType(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    if (current.is_default) throw conflict('catalog.vat_type_is_default', 'The default VAT type cannot be deleted: make another one the default first')
    assertNotSystem(current)
    const uses = await repo.countItemsWithVat(trx, actor.clinicId, id)
    if (uses > 0) throw conflict('catalog.vat_type_in_use', 'Items use this VAT type: move them to another one or deactivate it', { count: uses })
    await repo.softDeleteVatType(trx, actor.clinicId, id)
  })
}
