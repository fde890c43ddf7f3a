import { BaseModule } from '#dentalpin'

/**
 * Catalog: the clinic's treatments and prices — VAT types, categories and
 * items with their pricing strategy. Other modules read `CatalogItem` and
 * price treatments with `priceTreatment` from `#layers/catalog/models`.
 * Every clinic gets the seed (data/*.yaml) at install and when it is created.
 */
export default class CatalogModule extends BaseModule {
  static override manifest = {
    name: 'catalog',
    version: '1.0.0',
    min_core_version: '0.1.0',
    summary: 'Treatments, prices and VAT types',
    author: 'DentalPin Core Team',
    license: 'BSL-1.1',
    category: 'official',
    depends: [],
    installable: true,
    auto_install: true,
    removable: false,
    // In order: items refer to the VAT types and categories seeded before them.
    data_files: ['data/vat_types.yaml', 'data/categories.yaml', 'data/items.yaml'],
    role_permissions: {
      admin: ['*'],
      dentist: ['read', 'write'],
      hygienist: ['read'],
      assistant: ['read'],
      receptionist: ['read'],
    },
  }

  /** read: every role; write: items (admin, dentist); admin: VAT types and categories. */
  override getPermissions() {
    return ['read', 'write', 'admin']
  }

  override getModels() {
    return [{ table: 'catalog_vat_types' }, { table: 'catalog_categories' }, { table: 'catalog_items' }]
  }
}
