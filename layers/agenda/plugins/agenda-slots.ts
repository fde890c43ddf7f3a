import type { Appointment } from '../models'
import type { AssertTrue, SameShape, SlotAppointment } from '#dentalpin/client'

// The agenda's contributions to the core's slots, owned by 'agenda' (they
// vanish while the module is not installed). Loaded on demand.
export default defineNuxtPlugin(() => {
  const slots = useModuleSlots('agenda')
  slots.register('dashboard.widgets', {
    id: 'agenda.today',
    component: defineAsyncComponent(() => import('../components/agenda/AgendaTodayWidget.vue')),
    order: 10,
    permission: 'agenda.appointments.read',
  })
  slots.register('patient.detail.tabs', {
    id: 'agenda.patient_appointments',
    component: defineAsyncComponent(() => import('../components/agenda/AgendaPatientTab.vue')),
    order: 30,
    permission: 'agenda.appointments.read',
    label: 'agenda.patientTab.title',
  })
  // Hosted by the patients archive dialog (patients publishes the ctx type).
  slots.register('patient.archive.warnings', {
    id: 'agenda.future_appointments',
    component: defineAsyncComponent(() => import('../components/agenda/AgendaArchiveWarning.vue')),
    order: 10,
    permission: 'agenda.appointments.read',
  })
  slots.register('settings.sections', {
    id: 'agenda.cabinets',
    component: defineAsyncComponent(() => import('../components/agenda/AgendaCabinetsSection.vue')),
    order: 20,
    permission: 'agenda.cabinets.read',
  })
})

// Core's SlotAppointment (the ctx of appointment.detail.actions) copies our
// Appointment so that core never imports this module: this stops compiling when they drift.
export type AgendaSlotShapeCheck = AssertTrue<SameShape<Appointment, SlotAppointment>>
