import { beforeAll, describe, expect, it } from 'vitest'
import { errorFields, MISSING_ID, UUID } from '../../../../tests/support/fixtures'
import { isErrorEnvelope } from '../../../../tests/support/http'
import { BASE, createItem, errorCodes, nextCode, setupOtherClinic, catalogSuite } from './helpers'

// /api/v1/catalog/items: the seeded treatments, create with the clinic's
// default VAT, unique codes, the rules across fields (422 naming the field),
// filters and search in any language, the picker, system items and soft delete.
describe('catalog items', () => {
  const suite = catalogSuite()
  let restorative: string
  beforeAll(() => {
    restorative = suite.c.seeded.categories.restorative!
  })

  const codesOf = (body: any) => body.data.map((x: { code: string }) => x.code)

  it('every clinic starts with the seeded treatments, en and es', async () => {
    const res = await suite.admin.get(`${BASE}/items?page_size=200`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ message: null, total: 68, page: 1, page_size: 200 })
    const composite = res.body.data.find((x: { code: string }) => x.code === 'RES-COMP')
    expect(composite).toEqual({
      id: expect.stringMatching(UUID),
      code: 'RES-COMP',
      names: { en: 'Composite filling', es: 'Obturación de composite' },
      descriptions: {},
      category_id: restorative,
      category: { id: restorative, key: 'restorative', names: { en: 'Restorative dentistry', es: 'Odontología conservadora' } },
      default_price: '55.00',
      cost: null,
      duration_minutes: 45,
      vat_type_id: suite.c.seeded.exemptVat,
      vat_type: { id: suite.c.seeded.exemptVat, rate: '0.00', names: { en: 'Healthcare (exempt)', es: 'Sanitario (exento)' } },
      pricing_strategy: 'per_surface',
      pricing: { tiers: [{ surfaces: 1, price: '55.00' }, { surfaces: 2, price: '70.00' }, { surfaces: 3, price: '85.00' }] },
      scope: 'tooth',
      requires_surfaces: true,
      clinical_type: 'filling',
      session_template: null,
      is_active: true,
      is_system: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    })
    const bridge = res.body.data.find((x: { code: string }) => x.code === 'PRO-BRZR')
    expect(bridge).toMatchObject({ pricing_strategy: 'per_role', scope: 'multi_tooth', clinical_type: 'bridge', pricing: { roles: { pillar: '550.00', pontic: '500.00' } } })
  })

  it('a clinic opened after install gets the seed too, with its own categories and VAT types', async () => {
    const other = await setupOtherClinic(suite.server)
    const res = await other.api.get(`${BASE}/items?search=puente zirconio`)
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(1)
    expect(res.body.data[0]).toMatchObject({
      code: 'PRO-BRZR',
      names: { en: 'Zirconia bridge', es: 'Puente de zirconio' },
      category: { id: other.seeded.categories.prosthodontics, key: 'prosthodontics' },
      vat_type: { id: other.seeded.exemptVat, rate: '0.00' },
    })
    expect(other.seeded.exemptVat).not.toBe(suite.c.seeded.exemptVat)
    expect((await other.api.get(`${BASE}/items`)).body.total).toBe(68)
  })

  it('creates an item (201) in the documented shape; VAT omitted → the clinic default', async () => {
    const res = await suite.admin.post(`${BASE}/items`, {
      code: 'IMPL-X1', names: { en: 'Short implant', es: 'Implante corto' }, category_id: suite.c.seeded.categories.implants, default_price: '950',
      pricing_strategy: 'per_tooth', scope: 'tooth', clinical_type: 'implant',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toEqual({
      message: 'Item created',
      data: {
        id: expect.stringMatching(UUID),
        code: 'IMPL-X1',
        names: { en: 'Short implant', es: 'Implante corto' },
        descriptions: {},
        category_id: suite.c.seeded.categories.implants,
        category: { id: suite.c.seeded.categories.implants, key: 'implants', names: { en: 'Implants', es: 'Implantología' } },
        default_price: '950.00',
        cost: null,
        duration_minutes: null,
        vat_type_id: suite.c.seeded.exemptVat,
        vat_type: { id: suite.c.seeded.exemptVat, rate: '0.00', names: { en: 'Healthcare (exempt)', es: 'Sanitario (exento)' } },
        pricing_strategy: 'per_tooth',
        pricing: null,
        scope: 'tooth',
        requires_surfaces: false,
        clinical_type: 'implant',
        session_template: null,
        is_active: true,
        is_system: false,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
    })
    const got = await suite.admin.get(`${BASE}/items/${res.body.data.id}`)
    expect(got.body.data).toEqual(res.body.data)
  })

  it('stores every field: VAT, cost, tiers in order, a session template that adds up', async () => {
    const item = await createItem(suite.admin, {
      names: { en: 'Onlay', es: 'Onlay' },
      descriptions: { en: 'Indirect restoration', es: '' },
      category_id: restorative,
      default_price: '300.00',
      cost: '80.5',
      duration_minutes: 60,
      vat_type_id: suite.c.seeded.standardVat,
      pricing_strategy: 'per_surface',
      pricing: { tiers: [{ surfaces: 3, price: '320.00' }, { surfaces: 1, price: '300.00' }], roles: { pillar: '1.00' } },
      requires_surfaces: true,
      session_template: [{ label: { en: 'Impressions', es: 'Impresiones' }, amount: '100.00' }, { label: { en: 'Fitting' }, amount: '200' }],
    })
    expect(item).toMatchObject({
      descriptions: { en: 'Indirect restoration' },
      cost: '80.50',
      duration_minutes: 60,
      vat_type: { id: suite.c.seeded.standardVat, rate: '21.00' },
      // Only the part the strategy uses, tiers by surface count.
      pricing: { tiers: [{ surfaces: 1, price: '300.00' }, { surfaces: 3, price: '320.00' }] },
      session_template: [{ label: { en: 'Impressions', es: 'Impresiones' }, amount: '100.00' }, { label: { en: 'Fitting' }, amount: '200.00' }],
    })
  })

  it('codes are unique per clinic, case-insensitively (409), and nothing is saved', async () => {
    for (const code of ['RES-COMP', 'res-comp', ' Res-Comp ']) {
      const res = await suite.admin.post(`${BASE}/items`, { code, names: { en: 'Copy' }, category_id: restorative, default_price: '1.00' })
      expect(res.status, code).toBe(409)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(errorCodes(res.body)).toEqual(['catalog.code_taken'])
    }
    expect((await suite.admin.get(`${BASE}/items?search=res-comp`)).body.total).toBe(1)
  })

  it.each([
    ['no English name', { names: { es: 'Solo español' } }, ['names.en'], 'validation.required'],
    ['a price as a JSON number', { default_price: 100 }, ['default_price'], 'validation.money'],
    ['three decimals', { default_price: '10.001' }, ['default_price'], 'validation.money'],
    ['a negative price', { default_price: '-1.00' }, ['default_price'], 'validation.money'],
    ['a bad code', { code: 'has space' }, ['code'], 'validation.code'],
    ['an unknown clinical type', { clinical_type: 'tattoo' }, ['clinical_type'], 'invalid_value'],
    ['an unknown strategy', { pricing_strategy: 'per_smile' }, ['pricing_strategy'], 'invalid_value'],
    ['per surface without tiers', { pricing_strategy: 'per_surface' }, ['pricing.tiers'], 'catalog.tiers_required'],
    ['a tier price with three decimals', { pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '1.001' }] } }, ['pricing.tiers[0].price'], 'validation.money'],
    ['two tiers for one count', { pricing_strategy: 'per_surface', pricing: { tiers: [{ surfaces: 1, price: '1.00' }, { surfaces: 1, price: '2.00' }] } }, ['pricing.tiers[1].surfaces'], 'catalog.tier_duplicate'],
    ['per role without a pontic price', { pricing_strategy: 'per_role', scope: 'multi_tooth', pricing: { roles: { pillar: '400.00' } } }, ['pricing.roles.pontic'], 'catalog.role_price_required'],
    ['per role on one tooth', { pricing_strategy: 'per_role', scope: 'tooth', pricing: { roles: { pillar: '1.00', pontic: '1.00' } } }, ['scope'], 'catalog.scope_for_strategy'],
    ['sessions not adding up', { default_price: '100.00', session_template: [{ label: { en: 'A' }, amount: '50.00' }, { label: { en: 'B' }, amount: '49.99' }] }, ['session_template'], 'catalog.session_total'],
    ['a category that does not exist', { category_id: MISSING_ID }, ['category_id'], 'catalog.category_not_found'],
    ['a VAT type that does not exist', { vat_type_id: MISSING_ID }, ['vat_type_id'], 'catalog.vat_type_unavailable'],
  ])('refuses %s (422 naming the field) and saves nothing', async (_label, patch, fields, code) => {
    const body = { code: nextCode('BAD'), names: { en: 'Bad' }, category_id: restorative, default_price: '10.00', ...patch }
    const res = await suite.admin.post(`${BASE}/items`, body)
    expect(res.status, JSON.stringify(res.body)).toBe(422)
    expect(errorFields(res.body)).toEqual(fields)
    expect(errorCodes(res.body)).toEqual([code])
    if (typeof body.code === 'string' && !body.code.includes(' ')) expect((await suite.admin.get(`${BASE}/items?search=${body.code}`)).body.total).toBe(0)
  })

  it('says how far the sessions are from the price', async () => {
    const res = await suite.admin.post(`${BASE}/items`, { code: nextCode(), names: { en: 'X' }, category_id: restorative, default_price: '100.00', session_template: [{ label: { en: 'A' }, amount: '33.33' }, { label: { en: 'B' }, amount: '33.33' }, { label: { en: 'C' }, amount: '33.33' }] })
    expect(res.body.errors).toEqual([{ field: 'session_template', code: 'catalog.session_total', message: 'The session amounts must add up to the price', params: { total: '99.99', price: '100.00' } }])
  })

  it('filters by category, activation and scope; pages with the standard envelope', async () => {
    const endo = await suite.admin.get(`${BASE}/items?category_id=${suite.c.seeded.categories.endodontics}`)
    expect(codesOf(endo.body)).toEqual(['END-1', 'END-2', 'END-3', 'END-OPEN', 'END-RETREAT'])
    const arch = await suite.admin.get(`${BASE}/items?scope=arch&category_id=${suite.c.seeded.categories.orthodontics}`)
    expect(codesOf(arch.body)).toEqual(['ORT-FIXED', 'ORT-RETFIX', 'ORT-RETREM'])
    const page = await suite.admin.get(`${BASE}/items?category_id=${suite.c.seeded.categories.endodontics}&page=2&page_size=2`)
    expect(page.body).toMatchObject({ total: 5, page: 2, page_size: 2, message: null })
    expect(codesOf(page.body)).toEqual(['END-3', 'END-OPEN'])
    const inactive = await createItem(suite.admin, { category_id: suite.c.seeded.categories.endodontics, code: 'END-ZOFF', is_active: false })
    expect(codesOf((await suite.admin.get(`${BASE}/items?category_id=${suite.c.seeded.categories.endodontics}&is_active=false`)).body)).toEqual(['END-ZOFF'])
    expect(codesOf((await suite.admin.get(`${BASE}/items?category_id=${suite.c.seeded.categories.endodontics}&is_active=true`)).body)).not.toContain(inactive.code)
    const bad = await suite.admin.get(`${BASE}/items?page_size=500&scope=galaxy`)
    expect(bad.status).toBe(422)
    expect(errorFields(bad.body).sort()).toEqual(['page_size', 'scope'])
  })

  it.each([
    ['a code', 'pro-brz', ['PRO-BRZR']],
    ['an English name', 'zirconia', ['PRO-BRZR', 'PRO-CRZR']],
    ['a Spanish name', 'zirconio', ['PRO-BRZR', 'PRO-CRZR']],
    ['a Spanish name without its accent', 'obturacion composite', ['RES-COMP']],
    // Every term must match, each in any language: "crown" (en) and "corona" (es, also inside "coronario").
    ['words of both languages', 'crown corona', ['PER-CROWNLEN', 'IMP-CROWN', 'PRO-CRPFM', 'PRO-CRTEMP', 'PRO-CRZR', 'PAE-CROWN']],
    ['a LIKE wildcard, literally', '%', []],
  ])('searches by %s', async (_label, search, codes) => {
    const res = await suite.admin.get(`${BASE}/items?search=${encodeURIComponent(search)}`)
    expect(res.status).toBe(200)
    expect(codesOf(res.body)).toEqual(codes)
  })

  it('the picker answers at most 20 active items, the code matches first', async () => {
    const all = await suite.admin.get(`${BASE}/items/search`)
    expect(all.status).toBe(200)
    expect(all.body.data).toHaveLength(20)
    const off = await createItem(suite.admin, { code: 'PICK-OFF', names: { en: 'Pickable' }, category_id: restorative, is_active: false })
    const on = await createItem(suite.admin, { code: 'PICK-ON', names: { en: 'Pickable' }, category_id: restorative })
    const picked = await suite.admin.get(`${BASE}/items/search?q=pickable`)
    expect(codesOf(picked.body)).toEqual([on.code])
    expect(codesOf(picked.body)).not.toContain(off.code)
    const limited = await suite.admin.get(`${BASE}/items/search?limit=3`)
    expect(limited.body.data).toHaveLength(3)
    expect((await suite.admin.get(`${BASE}/items/search?limit=21`)).status).toBe(422)
  })

  it('ranks codes starting with the query first in the picker', async () => {
    await createItem(suite.admin, { code: 'ZED-1', names: { en: 'Ends with sur' }, category_id: restorative })
    await createItem(suite.admin, { code: 'SUR-ZZZ', names: { en: 'Zed' }, category_id: restorative })
    const res = await suite.admin.get(`${BASE}/items/search?q=sur`)
    const codes = codesOf(res.body) as string[]
    const firstOther = codes.findIndex(code => !code.startsWith('SUR-'))
    expect(firstOther).toBeGreaterThan(0)
    expect(codes.slice(firstOther).every(code => !code.startsWith('SUR-'))).toBe(true)
    expect(codes).toContain('ZED-1')
  })
})
