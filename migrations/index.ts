// The core's migration history, bundled statically so the production build
// (.output) runs it without reading this folder. Add new migrations here.
import type { MigrationSet } from '../server/db/migrator'
import * as coreAuth from './20261127000000_core_auth'
import * as coreModules from './20261127010000_core_modules'
import * as coreAccounts from './20261203000000_core_accounts'
import * as coreLoginLimits from './20261203000000_core_login_limits'
import * as coreDoctorFaults from './20261203080000_core_doctor_faults'
import * as coreModuleErrorCodes from './20261210000000_core_module_error_codes'

export const coreMigrations: MigrationSet = {
  history: 'core',
  migrations: {
    '20261127000000_core_auth': coreAuth,
    '20261127010000_core_modules': coreModules,
    '20261203000000_core_accounts': coreAccounts,
    '20261203000000_core_login_limits': coreLoginLimits,
    '20261203080000_core_doctor_faults': coreDoctorFaults,
    '20261210000000_core_module_error_codes': coreModuleErrorCodes,
  },
}
