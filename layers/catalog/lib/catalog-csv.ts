// The catalog's CSV columns and how a row maps to and from an item: pure, so
// the export, the import and their tests share one definition. Reading and
// writing the CSV text itself is papaparse's job (useCatalogCsv).
import type { CatalogItem, ItemImportRow } from '../models'

/** One column per field; tiers as `1:55.00|2:70.00`; booleans as true/false. */
export const CSV_COLUMNS = [
  'code', 'name_en', 'name_es', 'description_en', 'description_es', 'category', 'default_price', 'cost', 'duration_minutes',
  'vat_rate', 'pricing_strategy', 'tiers', 'pillar_price', 'pontic_price', 'scope', 'requires_surfaces', 'clinical_type', 'is_active',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
export type CsvRow = Partial<Record<CsvColumn, string>>

/** An item as a CSV row (every value a string; empty for none). */
export function itemToCsvRow(item: CatalogItem): Record<CsvColumn, string> {
  const pricing = item.pricing
  const tiers = pricing && 'tiers' in pricing ? pricing.tiers.map(t => `${t.surfaces}:${t.price}`).join('|') : ''
  const roles = pricing && 'roles' in pricing ? pricing.roles : null
  return {
    code: item.code,
    name_en: item.names.en,
    name_es: item.names.es ?? '',
    description_en: item.descriptions.en ?? '',
    description_es: item.descriptions.es ?? '',
    category: item.category.key,
    default_price: item.default_price,
    cost: item.cost ?? '',
    duration_minutes: item.duration_minutes === null ? '' : String(item.duration_minutes),
    vat_rate: item.vat_type.rate,
    pricing_strategy: item.pricing_strategy,
    tiers,
    pillar_price: roles?.pillar ?? '',
    pontic_price: roles?.pontic ?? '',
    scope: item.scope,
    requires_surfaces: String(item.requires_surfaces),
    clinical_type: item.clinical_type ?? '',
    is_active: String(item.is_active),
  }
}

const text = (v: string | undefined) => (v ?? '').trim()
const orUndefined = (v: string | undefined) => text(v) || undefined
/** "true"/"yes"/"1" (any case) → true, "false"/"no"/"0" → false; other text stays as written (the server says what is wrong). */
function flag(v: string | undefined): boolean | string | undefined {
  const s = text(v).toLowerCase()
  if (!s) return undefined
  if (['true', 'yes', '1', 'sí', 'si'].includes(s)) return true
  if (['false', 'no', '0'].includes(s)) return false
  return s
}
/** A whole number, or the text as written when it is not one. */
function whole(v: string | undefined): number | string | undefined {
  const s = text(v)
  if (!s) return undefined
  return /^\d+$/.test(s) ? Number(s) : s
}
/** `1:55.00|2:70.00` → tiers; a piece that is not `n:price` is sent as written so the server names it. */
function tiersOf(v: string | undefined) {
  const s = text(v)
  if (!s) return undefined
  return s.split('|').map((piece) => {
    const [surfaces, price] = piece.split(':').map(x => x.trim())
    return { surfaces: /^\d+$/.test(surfaces ?? '') ? Number(surfaces) : surfaces, price: price ?? '' }
  })
}

/**
 * A CSV row as an import row (POST /items/import). Values are passed on as
 * written where they cannot be read, so the server's 422 names the row and
 * the field; empty cells are left out (the server's defaults apply).
 */
export function csvRowToImport(row: CsvRow): ItemImportRow {
  const tiers = tiersOf(row.tiers)
  const pillar = orUndefined(row.pillar_price)
  const pontic = orUndefined(row.pontic_price)
  const pricing = tiers || pillar || pontic ? { ...(tiers ? { tiers } : {}), ...(pillar || pontic ? { roles: { pillar, pontic } } : {}) } : undefined
  const out: Record<string, unknown> = {
    code: text(row.code),
    names: { en: text(row.name_en), es: orUndefined(row.name_es) },
    descriptions: { en: orUndefined(row.description_en), es: orUndefined(row.description_es) },
    category_key: text(row.category),
    default_price: text(row.default_price),
    cost: orUndefined(row.cost) ?? null,
    duration_minutes: whole(row.duration_minutes) ?? null,
    vat_rate: orUndefined(row.vat_rate) ?? null,
    pricing_strategy: orUndefined(row.pricing_strategy),
    pricing,
    scope: orUndefined(row.scope),
    requires_surfaces: flag(row.requires_surfaces),
    clinical_type: orUndefined(row.clinical_type) ?? null,
    is_active: flag(row.is_active),
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ItemImportRow
}

/** The CSV column a server error path points at (`items[3].names.en` → row 3, `name_en`). */
export function csvColumnOf(field: string): { row: number, column: string } | null {
  const m = /^items\[(\d+)\]\.?(.*)$/.exec(field)
  if (!m) return null
  const path = m[2] ?? ''
  const map: [RegExp, string][] = [
    [/^names\.(en|es)/, 'name_$1'], [/^descriptions\.(en|es)/, 'description_$1'], [/^category_key/, 'category'],
    [/^pricing\.tiers/, 'tiers'], [/^pricing\.roles\.(pillar|pontic)/, '$1_price'], [/^pricing$/, 'tiers'],
  ]
  for (const [re, column] of map) {
    const hit = re.exec(path)
    if (hit) return { row: Number(m[1]), column: column.replace('$1', hit[1] ?? '') }
  }
  return { row: Number(m[1]), column: path.replace(/[.[].*$/, '') || 'row' }
}
