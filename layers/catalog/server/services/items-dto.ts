import type { CatalogItem } from '../../models'
import type { ItemWithRefs } from '../repositories/items'

/** A stored item, with its category and VAT type, as the API returns it. */
export function toItemDto(row: ItemWithRefs): CatalogItem {
  return {
    id: row.id,
    code: row.code,
    names: row.names,
    descriptions: row.descriptions ?? {},
    category_id: row.category_id,
    category: { id: row.category_id, key: row.category_key, names: row.category_names },
    default_price: row.default_price,
    cost: row.cost,
    duration_minutes: row.duration_minutes,
    vat_type_id: row.vat_type_id,
    vat_type: { id: row.vat_type_id, rate: row.vat_rate, names: row.vat_names },
    pricing_strategy: row.pricing_strategy,
    pricing: row.pricing,
    scope: row.scope,
    requires_surfaces: row.requires_surfaces,
    clinical_type: row.clinical_type,
    session_template: row.session_template,
    is_active: row.is_active,
    is_system: row.is_system,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}
