import { describe, expect, it } from 'vitest'
import { errorFields, UUID } from '../../../../tests/support/fixtures'
import { isErrorEnvelope } from '../../../../tests/support/http'
import { BASE, createItem, errorCodes, catalogSuite } from './helpers'

// /api/v1/catalog/vat-types: the seeded exempt default and standard rate,
// rates as two-decimal strings, at most one default per clinic (a new default
// clears the old one), the default is never deleted or switched off, system
// rows change only activation and default, and soft delete.
describe('catalog VAT types', () => {
  const suite = catalogSuite()

  const list = async () => (await suite.admin.get(`${BASE}/vat-types`)).body.data as { id: string, rate: string, is_default: boolean }[]
  const defaults = async () => (await list()).filter(v => v.is_default).map(v => v.id)

  it('every clinic starts with healthcare exempt (the default) and the standard rate', async () => {
    const res = await suite.admin.get(`${BASE}/vat-types`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      message: null,
      data: [
        { id: suite.c.seeded.exemptVat, names: { en: 'Healthcare (exempt)', es: 'Sanitario (exento)' }, rate: '0.00', is_default: true, is_system: true, is_active: true, created_at: expect.any(String), updated_at: expect.any(String) },
        { id: suite.c.seeded.standardVat, names: { en: 'Standard rate', es: 'Tipo general' }, rate: '21.00', is_default: false, is_system: true, is_active: true, created_at: expect.any(String), updated_at: expect.any(String) },
      ],
    })
  })

  it('creates a VAT type (201) in the documented shape, the rate with two decimals', async () => {
    const res = await suite.admin.post(`${BASE}/vat-types`, { names: { en: 'Reduced', es: 'Reducido' }, rate: '10' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toEqual({
      message: 'VAT type created',
      data: { id: expect.stringMatching(UUID), names: { en: 'Reduced', es: 'Reducido' }, rate: '10.00', is_default: false, is_system: false, is_active: true, created_at: expect.any(String), updated_at: expect.any(String) },
    })
    expect((await suite.admin.get(`${BASE}/vat-types/${res.body.data.id}`)).body.data).toEqual(res.body.data)
  })

  it.each([
    ['a rate over 100', { rate: '100.01' }, 'rate', 'validation.rate'],
    ['a negative rate', { rate: '-1' }, 'rate', 'validation.rate'],
    ['a rate as a JSON number', { rate: 21 }, 'rate', 'validation.rate'],
    ['three decimals', { rate: '21.001' }, 'rate', 'validation.rate'],
    ['no English name', { names: { es: 'Solo' }, rate: '5.00' }, 'names.en', 'validation.required'],
  ])('refuses %s (422 naming the field) and saves nothing', async (_label, patch, field, code) => {
    const before = await list()
    const res = await suite.admin.post(`${BASE}/vat-types`, { names: { en: 'Bad' }, ...patch })
    expect(res.status).toBe(422)
    expect(errorFields(res.body)).toEqual([field])
    expect(errorCodes(res.body)).toEqual([code])
    expect(await list()).toEqual(before)
  })

  it('a new default clears the old one: one default per clinic, and items without VAT follow it', async () => {
    const made = await suite.admin.post(`${BASE}/vat-types`, { names: { en: 'New default' }, rate: '4.00', is_default: true })
    expect(made.status).toBe(201)
    expect(await defaults()).toEqual([made.body.data.id])
    const item = await createItem(suite.admin, { category_id: suite.c.seeded.categories.diagnosis })
    expect(item.vat_type).toMatchObject({ id: made.body.data.id, rate: '4.00' })
    // Back to the seeded exempt type through PUT (a system row may change its default).
    const back = await suite.admin.put(`${BASE}/vat-types/${suite.c.seeded.exemptVat}`, { is_default: true })
    expect(back.status, JSON.stringify(back.body)).toBe(200)
    expect(back.body.data.is_default).toBe(true)
    expect(await defaults()).toEqual([suite.c.seeded.exemptVat])
  })

  it('the default is never switched off, deactivated or deleted', async () => {
    const off = await suite.admin.put(`${BASE}/vat-types/${suite.c.seeded.exemptVat}`, { is_default: false })
    expect(off.status).toBe(409)
    expect(errorCodes(off.body)).toEqual(['catalog.default_vat_required'])
    const inactive = await suite.admin.put(`${BASE}/vat-types/${suite.c.seeded.exemptVat}`, { is_active: false })
    expect(inactive.status).toBe(422)
    expect(errorFields(inactive.body)).toEqual(['is_active'])
    const del = await suite.admin.delete(`${BASE}/vat-types/${suite.c.seeded.exemptVat}`)
    expect(del.status).toBe(409)
    expect(isErrorEnvelope(del.body)).toBe(true)
    expect(errorCodes(del.body)).toEqual(['catalog.vat_type_is_default'])
    const inactiveDefault = await suite.admin.post(`${BASE}/vat-types`, { names: { en: 'X' }, rate: '1.00', is_default: true, is_active: false })
    expect(inactiveDefault.status).toBe(422)
    expect(await defaults()).toEqual([suite.c.seeded.exemptVat])
  })

  it('a system row changes only its activation and default (403 otherwise, nothing saved)', async () => {
    const before = (await suite.admin.get(`${BASE}/vat-types/${suite.c.seeded.standardVat}`)).body.data
    for (const patch of [{ rate: '20.00' }, { names: { en: 'Renamed' } }]) {
      const res = await suite.admin.put(`${BASE}/vat-types/${suite.c.seeded.standardVat}`, patch)
      expect(res.status, JSON.stringify(patch)).toBe(403)
      expect(errorCodes(res.body)).toEqual(['catalog.system_row'])
    }
    expect((await suite.admin.get(`${BASE}/vat-types/${suite.c.seeded.standardVat}`)).body.data).toEqual(before)
    // Sent back unchanged (a whole form) is fine, and so is switching it off.
    const off = await suite.admin.put(`${BASE}/vat-types/${suite.c.seeded.standardVat}`, { rate: '21', names: { es: 'Tipo general', en: 'Standard rate' }, is_active: false })
    expect(off.status, JSON.stringify(off.body)).toBe(200)
    expect(off.body.data).toMatchObject({ is_active: false, rate: '21.00' })
    expect((await suite.admin.get(`${BASE}/vat-types?is_active=true`)).body.data.map((v: { id: string }) => v.id)).not.toContain(suite.c.seeded.standardVat)
    // An inactive VAT type cannot be given to an item.
    const item = await suite.admin.post(`${BASE}/items`, { code: 'VAT-OFF', names: { en: 'X' }, category_id: suite.c.seeded.categories.diagnosis, default_price: '1.00', vat_type_id: suite.c.seeded.standardVat })
    expect(item.status).toBe(422)
    expect(errorFields(item.body)).toEqual(['vat_type_id'])
    expect((await suite.admin.put(`${BASE}/vat-types/${suite.c.seeded.standardVat}`, { is_active: true })).status).toBe(200)
    const del = await suite.admin.delete(`${BASE}/vat-types/${suite.c.seeded.standardVat}`)
    expect(del.status).toBe(403)
    expect(errorCodes(del.body)).toEqual(['catalog.system_row'])
  })

  it('edits its own rows freely; one in use by items is not deleted (409); otherwise deleted softly', async () => {
    const made = (await suite.admin.post(`${BASE}/vat-types`, { names: { en: 'Temp' }, rate: '5.00' })).body.data
    const edited = await suite.admin.put(`${BASE}/vat-types/${made.id}`, { names: { en: 'Temporary', es: 'Temporal' }, rate: '5.5' })
    expect(edited.body.data).toMatchObject({ names: { en: 'Temporary', es: 'Temporal' }, rate: '5.50' })
    const item = await createItem(suite.admin, { category_id: suite.c.seeded.categories.diagnosis, vat_type_id: made.id })
    const inUse = await suite.admin.delete(`${BASE}/vat-types/${made.id}`)
    expect(inUse.status).toBe(409)
    expect(errorCodes(inUse.body)).toEqual(['catalog.vat_type_in_use'])
    expect(inUse.body.errors[0].params).toEqual({ count: 1 })
    expect((await suite.admin.delete(`${BASE}/items/${item.id}`)).status).toBe(204)
    expect((await suite.admin.delete(`${BASE}/vat-types/${made.id}`)).status).toBe(204)
    expect((await suite.admin.get(`${BASE}/vat-types/${made.id}`)).status).toBe(404)
    expect((await list()).map(v => v.id)).not.toContain(made.id)
  })
})
