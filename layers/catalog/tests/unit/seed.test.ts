import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { itemCreateSchema, itemRuleIssues, priceTreatment, pricingFor, TREATMENT_CLINICAL_TYPES } from '../../models'

interface SeedRecord { id: string, table: string, noupdate?: boolean, values: Record<string, unknown> }
const load = (file: string) => parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8')) as SeedRecord[]
const vat = load('vat_types.yaml')
const categories = load('categories.yaml')
const items = load('items.yaml')
const FAKE_ID = '00000000-0000-4000-8000-000000000001'
const resolved = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, (v as { $ref?: string })?.$ref ? FAKE_ID : v]))

describe('seed data', () => {
  it('has the usual categories in order, en and es', () => {
    expect(categories.map(c => c.values.key)).toEqual(['diagnosis', 'prevention', 'restorative', 'endodontics', 'periodontics', 'surgery', 'implants', 'prosthodontics', 'orthodontics', 'aesthetics', 'paediatrics'])
    for (const c of categories) expect(Object.keys(c.values.names as object)).toEqual(['en', 'es'])
  })

  it('makes the healthcare-exempt VAT type the one default', () => {
    expect(vat.map(v => [v.values.rate, v.values.is_default])).toEqual([['0.00', true], ['21.00', false]])
  })

  it('keeps the clinic\'s edits: every record is noupdate and a system row', () => {
    for (const r of [...vat, ...categories, ...items]) {
      expect(r.noupdate, r.id).toBe(true)
      expect(r.values.is_system, r.id).toBe(true)
    }
  })

  it('has about sixty treatments, every category used, codes unique', () => {
    expect(items.length).toBeGreaterThanOrEqual(60)
    const codes = items.map(i => i.values.code)
    expect(new Set(codes).size).toBe(codes.length)
    const used = new Set(items.map(i => (i.values.category_id as { $ref: string }).$ref))
    expect([...used].sort()).toEqual(categories.map(c => `catalog.${c.id}`).sort())
  })

  it('has items the API itself would accept', () => {
    for (const item of items) {
      const parsed = itemCreateSchema.safeParse(resolved(item.values))
      expect(parsed.error?.issues ?? [], item.id).toEqual([])
      expect(itemRuleIssues(parsed.data!), item.id).toEqual([])
      const type = item.values.clinical_type
      expect(type === null || (TREATMENT_CLINICAL_TYPES as readonly unknown[]).includes(type), item.id).toBe(true)
      expect((item.values.names as { es?: string }).es, item.id).toBeTruthy()
    }
  })

  it('prices a composite filling by surfaces and a zirconia bridge by role', () => {
    const byCode = (code: string) => {
      const item = itemCreateSchema.parse(resolved(items.find(i => i.values.code === code)!.values))
      return { ...item, pricing: pricingFor(item.pricing_strategy, item.pricing) }
    }
    const composite = byCode('RES-COMP')
    expect(['O', 'MO', 'MOD'].map(s => priceTreatment(composite, [{ tooth: 16, surfaces: s.split('') }]))).toEqual(['55.00', '70.00', '85.00'])
    const bridge = byCode('PRO-BRZR')
    expect(priceTreatment(bridge, [{ tooth: 14, role: 'pillar' }, { tooth: 15, role: 'pontic' }, { tooth: 16, role: 'pillar' }])).toBe('1600.00')
  })
})
