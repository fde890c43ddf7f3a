import { DomainError, transaction } from '#dentalpin'
import type { ErrorItem } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { itemRuleIssues, pricingFor, SYSTEM_EDITABLE } from '../../models'
import type { itemImportRowSchema, itemImportSchema, ItemImportResult } from '../../models'
import type { Actor, CatalogDb } from '../db'
import { listCategories } from '../repositories/categories'
import * as repo from '../repositories/items'
import { listVatTypes } from '../repositories/vat-types'
import { lockedChanges } from './guards'

type Db = Kysely<CatalogDb>
type Row = z.output<typeof itemImportRowSchema>

/** Fields a row sets on an item (everything but how it names its category and VAT type). */
function fieldsOf(row: Row, categoryId: string, vatTypeId: string) {
  const { category_key: _key, vat_rate: _rate, ...rest } = row
  return { ...rest, category_id: categoryId, vat_type_id: vatTypeId, pricing: pricingFor(row.pricing_strategy, row.pricing) }
}

/**
 * Imports items (a CSV parsed in the browser) in ONE transaction: a new code
 * creates an item, an existing code updates it (a system item only where it
 * may change). Every row is checked first; any problem is a 422 listing each
 * one as `items[i].<field>`, and nothing is saved.
 */
export async function importItems(db: Db, actor: Actor, input: z.output<typeof itemImportSchema>): Promise<ItemImportResult> {
  return transaction(db, async (trx) => {
    const categories = new Map((await listCategories(trx, actor.clinicId, {})).map(c => [c.key, c.id]))
    const vatTypes = await listVatTypes(trx, actor.clinicId, { isActive: true })
    const existing = await repo.itemsByCode(trx, actor.clinicId)
    const errors: ErrorItem[] = []
    const at = (i: number, field: string, code: string, message: string, params?: ErrorItem['params']) =>
      errors.push({ field: `items[${i}].${field}`, code, message, ...(params ? { params } : {}) })
    const seen = new Set<string>()
    const plan: { id?: string, values: ReturnType<typeof fieldsOf> }[] = []

    input.items.forEach((row, i) => {
      const code = row.code.toLowerCase()
      if (seen.has(code)) at(i, 'code', 'catalog.code_repeated', 'This code is on an earlier row too')
      seen.add(code)
      const categoryId = categories.get(row.category_key)
      if (!categoryId) at(i, 'category_key', 'catalog.category_not_found', 'No such category in this clinic')
      const vat = row.vat_rate === null ? vatTypes.find(v => v.is_default) : vatTypes.find(v => v.rate === row.vat_rate)
      if (!vat) at(i, 'vat_rate', 'catalog.vat_type_unavailable', 'No active VAT type with this rate in this clinic')
      if (!categoryId || !vat) return
      const values = fieldsOf(row, categoryId, vat.id)
      const current = existing.get(code)
      // Matched by code, so the stored code stays (whatever its letter case on the row).
      if (current) delete (values as Partial<typeof values>).code
      for (const field of current ? lockedChanges(current, values, SYSTEM_EDITABLE.item) : []) {
        at(i, field, 'catalog.system_row', 'This is a system row: this field cannot change')
      }
      // The rules read the row's own pricing (before only the strategy's part is kept).
      for (const issue of itemRuleIssues({ ...current, session_template: current?.session_template ?? null, ...values, pricing: row.pricing })) {
        at(i, issue.field, issue.code, issue.message, issue.params)
      }
      plan.push({ id: current?.id, values })
    })
    if (errors.length > 0) throw new DomainError('invalid', 'catalog.import_invalid', 'Nothing was imported: some rows have problems', { errors })

    let created = 0
    let updated = 0
    for (const { id, values } of plan) {
      if (id) {
        await repo.updateItem(trx, actor.clinicId, id, values)
        updated++
      }
      else {
        await repo.insertItem(trx, { ...values, clinic_id: actor.clinicId, is_system: false })
        created++
      }
    }
    return { created, updated }
  })
}
