// The Timeline tab on the patient page; owned by patient_timeline, so it disappears while the module is not installed.
export default defineNuxtPlugin(() => {
  useModuleSlots('patient_timeline').register('patient.detail.tabs', {
    id: 'patient_timeline.tab',
    label: 'patient_timeline.tab',
    component: defineAsyncComponent(() => import('../components/patient_timeline/PatientTimelineTab.vue')),
    order: 40,
    permission: 'patient_timeline.read',
  })
})
