import { BaseModule, OFFICIAL_MODULE, useDb } from '#dentalpin'
import type { DemoContext, ModuleEventHandler } from '#dentalpin'
import { registerNoteOwnerType } from '#layers/clinical_notes/owners'
import type { TreatmentPlanDb } from './server/db'
import { seedTreatmentPlanDemo } from './server/demo'
import { planPatient } from './server/repositories/plans'
import { onAppointmentCompleted, onTreatmentCancelled, onTreatmentCompleted } from './server/services/handlers'

// Notes on a plan: clinical_notes attaches them through the plan's patient.
registerNoteOwnerType({ type: 'plan', module: 'treatment_plan', patientOf: planPatient })

/**
 * Treatment plans: what will be done, in which order, over which visits and
 * at what cost. Items are planned odontogram treatments; each status change
 * has its own route and permission; visits (agenda) carry the items they do,
 * and completing the visit performs them through the odontogram. Other
 * modules read `TreatmentPlan` from `#layers/treatment_plan/models` and
 * follow its events (`treatment_plan.proposed` carries the items and total).
 */
export default class TreatmentPlanModule extends BaseModule {
  static override manifest = {
    name: 'treatment_plan',
    version: '1.0.0',
    min_core_version: '0.1.0',
    summary: 'Treatment plans: phases, items, visits and progress',
    ...OFFICIAL_MODULE,
    depends: ['patients@^1.0', 'catalog@^1.0', 'odontogram@^1.0', 'agenda@^1.0', 'clinical_notes@^1.0'],
    role_permissions: {
      admin: ['*'],
      dentist: ['plans.read', 'plans.write', 'plans.propose', 'plans.accept', 'plans.close', 'plans.reactivate'],
      hygienist: ['plans.read'],
      assistant: ['plans.read', 'plans.write'],
      receptionist: ['plans.read', 'plans.close', 'plans.reactivate'],
    },
    frontend: {
      navigation: [
        { label: 'nav.treatment_plans', to: '/treatment-plans', icon: 'i-lucide-clipboard-list', permission: 'treatment_plan.plans.read', order: 25 },
      ],
    },
  }

  /** One permission per status change (reopen is the proposer's: `plans.propose`). */
  override getPermissions() {
    return ['plans.read', 'plans.write', 'plans.propose', 'plans.accept', 'plans.close', 'plans.reactivate']
  }

  override getModels() {
    return [
      { table: 'treatment_plan_counters' },
      { table: 'treatment_plan_plans' },
      { table: 'treatment_plan_items' },
      { table: 'treatment_plan_visit_items' },
    ]
  }

  /** The visit performs its ticked items; a performed or cancelled treatment settles its item (server/services/handlers.ts). */
  // publisherOnly: with several instances on one PostgreSQL database, each runs once.
  override getEventHandlers(): Record<string, ModuleEventHandler> {
    const db = () => useDb<TreatmentPlanDb>()
    return {
      'appointment.completed': { handler: (p: Record<string, unknown>) => onAppointmentCompleted(db(), p), publisherOnly: true },
      'treatment.completed': { handler: (p: Record<string, unknown>) => onTreatmentCompleted(db(), p), publisherOnly: true },
      'odontogram.treatment_cancelled': { handler: (p: Record<string, unknown>) => onTreatmentCancelled(db(), p), publisherOnly: true },
    }
  }

  override async seedDemo(ctx: DemoContext) {
    await seedTreatmentPlanDemo(ctx)
  }
}
