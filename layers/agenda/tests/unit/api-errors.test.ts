// Every error code the agenda server throws has its wording in en and es
// under `agenda.errors.<code>`, and the browser shows it in Spanish.
import { fileURLToPath } from 'node:url'
import { describeModuleErrorCodes } from '../../../../tests/unit/support/module-error-codes'

describeModuleErrorCodes('agenda', fileURLToPath(new URL('../../', import.meta.url)),
  ['agenda.professional_busy', 'agenda.cabinet_busy', 'agenda.cabinet_in_use', 'agenda.cabinet_has_history', 'agenda.illegal_transition', 'agenda.patient_busy', 'agenda.professional_busy_elsewhere'],
  { code: 'agenda.cabinet_busy', es: 'El gabinete ya está ocupado a esa hora.' })
