// Every error code the patient_timeline server throws has its wording in en
// and es under `patient_timeline.errors.<code>`, and the browser shows it in Spanish.
import { fileURLToPath } from 'node:url'
import { describeModuleErrorCodes } from '../../../../tests/unit/support/module-error-codes'

describeModuleErrorCodes('patient_timeline', fileURLToPath(new URL('../../', import.meta.url)),
  ['patient_timeline.patient_not_found'],
  { code: 'patient_timeline.patient_not_found', es: 'Este paciente ya no existe.' })
