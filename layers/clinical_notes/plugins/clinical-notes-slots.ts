import type { SlotPatient } from '#dentalpin/client'

// The chart's per-tooth actions slot, hosted by the odontogram module (which
// declares it too, with the same ctx); declared here so that registering on
// it type-checks whether or not odontogram is part of the build.
declare module '#shared/types/slots' {
  interface ModuleSlots {
    'odontogram.tooth.actions': { patient: SlotPatient, tooth: number }
  }
}

// clinical_notes' contributions, owned by 'clinical_notes' (they vanish while
// the module is not installed). Each needs at least the administrative
// notes' read permission; which notes show is the server's decision per type.
export default defineNuxtPlugin(() => {
  const slots = useModuleSlots('clinical_notes')
  slots.register('patient.detail.sidebar', {
    id: 'clinical_notes.feed',
    component: defineAsyncComponent(() => import('../components/clinical_notes/ClinicalNotesSidebar.vue')),
    order: 20,
    permission: 'clinical_notes.admin_notes.read',
  })
  // The first contributor to the appointment dialog's actions: the visit's notes.
  slots.register('appointment.detail.actions', {
    id: 'clinical_notes.visit',
    component: defineAsyncComponent(() => import('../components/clinical_notes/ClinicalNotesVisitNotes.vue')),
    order: 10,
    permission: 'clinical_notes.admin_notes.read',
    condition: ctx => ctx.appointment.patient_id !== null,
  })
  slots.register('odontogram.tooth.actions', {
    id: 'clinical_notes.tooth',
    component: defineAsyncComponent(() => import('../components/clinical_notes/ClinicalNotesToothAction.vue')),
    order: 20,
    permission: 'clinical_notes.admin_notes.read',
  })
})
