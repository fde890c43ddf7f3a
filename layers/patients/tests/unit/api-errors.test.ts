// Every error code the patients server throws has its wording in en and es
// under `patients.errors.<code>`, and the browser shows it in Spanish.
import { fileURLToPath } from 'node:url'
import { describeModuleErrorCodes } from '../../../../tests/unit/support/module-error-codes'

describeModuleErrorCodes('patients', fileURLToPath(new URL('../../', import.meta.url)),
  ['patients.not_found', 'patients.archived', 'patients.already_archived', 'patients.not_archived'],
  { code: 'patients.not_found', es: 'Este paciente ya no existe.' })
