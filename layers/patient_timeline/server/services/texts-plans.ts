// What the timeline writes for treatment_plan's events, in the clinic's language.
type Numbered = (number: string | null) => string

export interface PlanTimelineTexts {
  created: Numbered
  proposed: Numbered
  accepted: Numbered
  completed: Numbered
  closed: Numbered
  /** "2 treatments · Total: €125.00" on a proposed plan. */
  summary: (count: number, total: string | null) => string
  /** Why a plan was closed (treatment_plan's CLOSE_REASONS). */
  reasons: Record<string, string>
}

const named = (noun: string, verb: string): Numbered => n => (n ? `${noun} ${n} ${verb}` : `${noun} ${verb}`)

export const PLANS_EN: PlanTimelineTexts = {
  created: named('Treatment plan', 'created'),
  proposed: named('Treatment plan', 'proposed to the patient'),
  accepted: named('Treatment plan', 'accepted'),
  completed: named('Treatment plan', 'completed'),
  closed: named('Treatment plan', 'closed'),
  summary: (count, total) => [count === 1 ? '1 treatment' : `${count} treatments`, total ? `Total: ${total}` : null].filter(Boolean).join(' · '),
  reasons: {
    rejected_by_patient: 'Rejected by the patient',
    expired: 'Expired',
    cancelled_by_clinic: 'Cancelled by the clinic',
    patient_abandoned: 'The patient stopped coming',
    other: 'Other reason',
  },
}

export const PLANS_ES: PlanTimelineTexts = {
  created: named('Plan de tratamiento', 'creado'),
  proposed: named('Plan de tratamiento', 'propuesto al paciente'),
  accepted: named('Plan de tratamiento', 'aceptado'),
  completed: named('Plan de tratamiento', 'completado'),
  closed: named('Plan de tratamiento', 'cerrado'),
  summary: (count, total) => [count === 1 ? '1 tratamiento' : `${count} tratamientos`, total ? `Total: ${total}` : null].filter(Boolean).join(' · '),
  reasons: {
    rejected_by_patient: 'Rechazado por el paciente',
    expired: 'Caducado',
    cancelled_by_clinic: 'Cancelado por la clínica',
    patient_abandoned: 'El paciente dejó de venir',
    other: 'Otro motivo',
  },
}
