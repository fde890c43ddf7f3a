import { BaseModule } from '#dentalpin'
import type { DemoContext } from '#dentalpin'
import { seedClinicalNotesDemo } from './server/demo'
import { registerOwnOwnerTypes } from './server/own-owners'

// `patient` and `tooth` are ours; agenda, odontogram and treatment_plan register theirs (owners.ts).
registerOwnOwnerTypes()

/**
 * Clinical notes: what was seen, done and said, attached to a patient, a
 * tooth, an appointment, a treatment or a plan, with every version kept.
 * Depends on patients only; other modules read `ClinicalNote` from
 * `#layers/clinical_notes/models` and register what notes can be attached to
 * through `#layers/clinical_notes/owners`.
 */
export default class ClinicalNotesModule extends BaseModule {
  static override manifest = {
    name: 'clinical_notes',
    version: '1.0.0',
    min_core_version: '0.1.0',
    summary: 'Clinical and administrative notes with revisions, amendments and templates',
    author: 'DentalPin Core Team',
    license: 'BSL-1.1',
    category: 'official',
    depends: ['patients@^1.0'],
    installable: true,
    auto_install: true,
    removable: false,
    role_permissions: {
      admin: ['*'],
      dentist: ['clinical.read', 'clinical.write', 'admin_notes.read', 'admin_notes.write'],
      hygienist: ['clinical.read', 'clinical.write', 'admin_notes.read', 'admin_notes.write'],
      // Assistants read the clinical record at the chair; they do not write it.
      assistant: ['clinical.read', 'admin_notes.read', 'admin_notes.write'],
      // Receptionists never see a diagnosis, treatment or progress note.
      receptionist: ['admin_notes.read', 'admin_notes.write'],
    },
  }

  override getPermissions() {
    return ['clinical.read', 'clinical.write', 'admin_notes.read', 'admin_notes.write']
  }

  override getModels() {
    return [{ table: 'clinical_notes_notes' }, { table: 'clinical_notes_revisions' }, { table: 'clinical_notes_templates' }]
  }

  override async seedDemo(ctx: DemoContext) {
    await seedClinicalNotesDemo(ctx)
  }
}
