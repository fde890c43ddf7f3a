// Every error code the odontogram server throws has its wording in en and es
// under `odontogram.errors.<code>` (with the params it sends), and the
// browser shows it in Spanish. The 422 codes of the rules are checked by i18n.test.ts.
import { fileURLToPath } from 'node:url'
import { describeModuleErrorCodes } from '../../../../tests/unit/support/module-error-codes'

describeModuleErrorCodes('odontogram', fileURLToPath(new URL('../../', import.meta.url)),
  ['odontogram.tooth_missing', 'odontogram.already_performed', 'odontogram.not_editable', 'odontogram.performed_not_deletable', 'odontogram.conditions_not_enabled', 'odontogram.entry_not_found'],
  { code: 'odontogram.tooth_missing', es: 'El diente 46 figura como ausente.', params: { tooth: 46 } })
