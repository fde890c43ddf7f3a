import type { AssertTrue, SameShape, SlotPatient } from '#dentalpin/client'
import type { Patient } from '../models'

// The patient page's own tabs, owned by `patients`: other modules add
// theirs to the same slot (Timeline, Appointments...) with higher orders.
export default defineNuxtPlugin(() => {
  const slots = useModuleSlots('patients')
  slots.register('patient.detail.tabs', {
    id: 'patients.summary',
    label: 'patients.tabs.summary',
    component: defineAsyncComponent(() => import('../components/patients/PatientsSummaryTab.vue')),
    order: 10,
    permission: 'patients.read',
  })
  slots.register('patient.detail.tabs', {
    id: 'patients.info',
    label: 'patients.tabs.info',
    component: defineAsyncComponent(() => import('../components/patients/PatientsInfoTab.vue')),
    order: 20,
    permission: 'patients.read',
  })
})

// Core's SlotPatient (the ctx of the patient.detail.* slots) copies our
// Patient so that core never imports this module: this stops compiling when they drift.
export type PatientsSlotShapeCheck = AssertTrue<SameShape<Patient, SlotPatient>>
