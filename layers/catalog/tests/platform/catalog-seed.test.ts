// The catalog's seed, in-process on a real database: every clinic gets it at
// install and when it is created later (in the clinic's own transaction), and
// the clinic's edits survive the module being seeded again (an upgrade).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { transaction } from '#dentalpin'
import type { ClinicsTable } from '#dentalpin'
import { clinicCreated } from '../../../../server/auth/hooks'
import { setDatabase } from '../../../../server/db'
import { startPlatform, stopPlatform, usePlatform } from '../../../../server/platform'
import { applySeeds } from '../../../../server/platform/seeds'
import { openTestDb } from '../../../../tests/support/database'
import type { OpenTestDb } from '../../../../tests/support/database'
import { officialEntries } from '../../../../tests/support/official-modules'
import { useTempStorage } from '../../../../tests/support/platform-fixtures'
import type { CatalogTables } from '../../models'

let t: OpenTestDb
let db: Kysely<CatalogTables & { clinics: ClinicsTable }>
let storage: { restore: () => void }
let firstClinic: string

async function counts(clinicId: string) {
  const count = async (table: keyof CatalogTables) => Number((await db.selectFrom(table).select(eb => eb.fn.countAll<number>().as('n')).where('clinic_id', '=', clinicId).executeTakeFirstOrThrow()).n)
  return { vat: await count('catalog_vat_types'), categories: await count('catalog_categories'), items: await count('catalog_items') }
}

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  setDatabase(t.handle)
  db = t.db as unknown as typeof db
  firstClinic = (await db.insertInto('clinics').values({ name: 'Before install', timezone: 'Europe/Madrid' }).returning('id').executeTakeFirstOrThrow()).id
  await startPlatform(t.db, officialEntries('catalog'))
}, 120_000)

afterAll(async () => {
  await stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('catalog seed', () => {
  it('seeds a clinic that existed at install', async () => {
    expect(await counts(firstClinic)).toEqual({ vat: 2, categories: 11, items: 68 })
    const exempt = await db.selectFrom('catalog_vat_types').select(['rate', 'is_default', 'is_system']).where('clinic_id', '=', firstClinic).where('is_default', '=', true).execute()
    expect(exempt).toEqual([{ rate: '0.00', is_default: true, is_system: true }])
  })

  it('seeds a clinic created later, linked to its own VAT types and categories, in en and es', async () => {
    const clinicId = await transaction(t.db, async (trx) => {
      const clinic = await trx.insertInto('clinics').values({ name: 'Created later', timezone: 'Europe/Madrid' }).returning('id').executeTakeFirstOrThrow()
      await clinicCreated({ clinic_id: clinic.id, db: trx })
      return clinic.id
    })
    expect(await counts(clinicId)).toEqual({ vat: 2, categories: 11, items: 68 })
    const bridge = await db.selectFrom('catalog_items')
      .innerJoin('catalog_categories', 'catalog_categories.id', 'catalog_items.category_id')
      .innerJoin('catalog_vat_types', 'catalog_vat_types.id', 'catalog_items.vat_type_id')
      .select(['catalog_items.names', 'catalog_items.pricing', 'catalog_items.default_price', 'catalog_categories.key', 'catalog_categories.clinic_id as category_clinic', 'catalog_vat_types.clinic_id as vat_clinic', 'catalog_vat_types.rate'])
      .where('catalog_items.clinic_id', '=', clinicId).where('catalog_items.code', '=', 'PRO-BRZR')
      .executeTakeFirstOrThrow()
    expect(bridge).toEqual({
      names: { en: 'Zirconia bridge', es: 'Puente de zirconio' },
      pricing: { roles: { pillar: '550.00', pontic: '500.00' } },
      default_price: '1600.00',
      key: 'prosthodontics',
      category_clinic: clinicId,
      vat_clinic: clinicId,
      rate: '0.00',
    })
  })

  it('keeps the clinic\'s edits when the seed runs again (an upgrade)', async () => {
    await db.updateTable('catalog_items').set({ default_price: '61.50' }).where('clinic_id', '=', firstClinic).where('code', '=', 'PRE-CLEAN').execute()
    const m = usePlatform().registry.get('catalog')!
    const summary = await applySeeds(t.db, m)
    expect(summary.inserted).toBe(0)
    const row = await db.selectFrom('catalog_items').select('default_price').where('clinic_id', '=', firstClinic).where('code', '=', 'PRE-CLEAN').executeTakeFirstOrThrow()
    expect(row.default_price).toBe('61.50')
  })
})
