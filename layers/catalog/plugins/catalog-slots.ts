// The catalog's contributions to the core's slots, owned by 'catalog' (they
// vanish while the module is not installed). Loaded on demand.
export default defineNuxtPlugin(() => {
  const slots = useModuleSlots('catalog')
  slots.register('settings.sections', {
    id: 'catalog.treatments',
    component: defineAsyncComponent(() => import('../components/catalog/CatalogSettingsSection.vue')),
    order: 30,
    permission: 'catalog.read',
  })
})
