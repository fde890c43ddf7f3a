// The odontogram's contributions to the patient page, owned by 'odontogram'
// (they vanish while the module is not installed) and shown only to those who
// may read charts: receptionists see neither. Loaded on demand.
export default defineNuxtPlugin(() => {
  const slots = useModuleSlots('odontogram')
  slots.register('patient.detail.tabs', {
    id: 'odontogram.chart',
    label: 'odontogram.tab',
    component: defineAsyncComponent(() => import('../components/odontogram/OdontogramChartTab.vue')),
    order: 25,
    permission: 'odontogram.read',
  })
  slots.register('patient.detail.sidebar', {
    id: 'odontogram.findings',
    component: defineAsyncComponent(() => import('../components/odontogram/OdontogramFindings.vue')),
    order: 10,
    permission: 'odontogram.read',
  })
})
