// treatment_plan's contributions, owned by 'treatment_plan' (they vanish
// while the module is not installed): the patient's "Plans" tab, and the
// plan work of a visit in the appointment dialog. Loaded on demand.
export default defineNuxtPlugin(() => {
  const slots = useModuleSlots('treatment_plan')
  slots.register('patient.detail.tabs', {
    id: 'treatment_plan.plans',
    label: 'treatment_plan.patientTab.tab',
    component: defineAsyncComponent(() => import('../components/treatment_plan/TreatmentPlanPatientTab.vue')),
    order: 27,
    permission: 'treatment_plan.plans.read',
  })
  slots.register('appointment.detail.actions', {
    id: 'treatment_plan.visit',
    component: defineAsyncComponent(() => import('../components/treatment_plan/TreatmentPlanVisitItems.vue')),
    order: 20,
    permission: 'treatment_plan.plans.read',
    condition: ctx => ctx.appointment.patient_id !== null,
  })
})
