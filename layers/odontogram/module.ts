import { BaseModule } from '#dentalpin'
import type { DemoContext } from '#dentalpin'
import { registerNoteOwnerType } from '#layers/clinical_notes/owners'
import { seedOdontogramDemo } from './server/demo'
import { entryPatient } from './server/repositories/entries'

// Notes on a treatment: clinical_notes attaches them through the patient whose chart holds it.
registerNoteOwnerType({ type: 'treatment', module: 'odontogram', patientOf: entryPatient })

/**
 * Odontogram: the patient's chart as an append-only record of clinical facts
 * (conditions found, treatments planned and performed) with a per-tooth state
 * derived from it, so the chart on any past date can be replayed. Depends on
 * patients (whose chart) and catalog (what a treatment is and costs); other
 * modules read `OdontogramEntry` and `OdontogramChart` from
 * `#layers/odontogram/models` and follow its events (`treatment.completed`).
 */
export default class OdontogramModule extends BaseModule {
  static override manifest = {
    name: 'odontogram',
    version: '1.0.0',
    min_core_version: '0.1.0',
    summary: 'The dental chart: conditions and treatments per tooth and surface',
    author: 'DentalPin Core Team',
    license: 'BSL-1.1',
    category: 'official',
    depends: ['patients@^1.0', 'catalog@^1.0', 'clinical_notes@^1.0'],
    installable: true,
    auto_install: true,
    removable: false,
    role_permissions: {
      admin: ['*'],
      // `write`: everything on the chart; `conditions.write`: charting findings.
      dentist: ['read', 'write', 'conditions.write'],
      hygienist: ['read', 'write', 'conditions.write'],
      // Assistants read the chart; they chart conditions only where the clinic
      // turns on `settings.odontogram.assistants_record_conditions` (README.md, "Permissions").
      assistant: ['read', 'conditions.write'],
      // Receptionists never see the chart (clinical data).
      receptionist: [],
    },
  }

  override getPermissions() {
    return ['read', 'write', 'conditions.write']
  }

  override getModels() {
    return [{ table: 'odontogram_entries' }, { table: 'odontogram_tooth_states' }, { table: 'odontogram_history' }]
  }

  override async seedDemo(ctx: DemoContext) {
    await seedOdontogramDemo(ctx)
  }
}
