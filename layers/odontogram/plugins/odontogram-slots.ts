// The odontogram's contributions, owned by 'odontogram' (they vanish while the
// module is not installed): on the patient page, only for those who may read
// charts (receptionists see neither); on /settings, for clinic admins.
// Loaded on demand.
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
  // The clinic's chart settings are part of the clinic's own record.
  slots.register('settings.sections', {
    id: 'odontogram.settings',
    component: defineAsyncComponent(() => import('../components/odontogram/OdontogramSettingsSection.vue')),
    order: 40,
    permission: 'admin.clinic.write',
  })
})
