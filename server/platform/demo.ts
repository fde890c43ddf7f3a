import type { Kysely } from 'kysely'
import { consola } from 'consola'
import { isProduction } from './env'
import type { RoleName } from '#shared/schemas/auth'
import type { Database } from '../db/types'
import { clinicCreated } from '../auth/hooks'
import { hashPassword } from '../auth/passwords'
import { transaction } from '../db/transaction'
import * as repo from '../auth/repository'
import { eventBus } from './events/bus'
import { orderForInstall } from './graph'
import { usePlatform } from './index'

/** The one documented demo password (README). */
export const DEMO_PASSWORD = 'demo1234'
export const DEMO_ROLES: RoleName[] = ['admin', 'dentist', 'hygienist', 'assistant', 'receptionist']
export const demoEmail = (role: RoleName) => `${role}@demo.clinic`

const NAMES: Record<RoleName, [string, string]> = {
  admin: ['Ana', 'Admin'],
  dentist: ['Diego', 'Dentista'],
  hygienist: ['Helena', 'Higienista'],
  assistant: ['Alba', 'Asistente'],
  receptionist: ['Rosa', 'Recepción'],
}

const log = consola.withTag('dentalpin:demo')

/**
 * On an empty database, creates the demo clinic (the installation's owner)
 * and one user per role. Never in production. Returns whether it seeded.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  if (isProduction()) {
    log.warn('Demo data is never created with NODE_ENV=production; use /setup.')
    return false
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return transaction(db, async (trx) => {
    if ((await repo.findInstallation(trx)) || (await repo.countUsers(trx)) > 0) return false
    const clinic = await repo.insertClinic(trx, {
      name: 'DentalPin Demo Clinic',
      tax_id: 'B00000000',
      address: 'Calle Mayor 1, 28013 Madrid',
      phone: '+34 910 000 000',
      email: 'hello@demo.clinic',
      timezone: 'Europe/Madrid',
      currency: 'EUR',
      country: 'ES',
      language: 'en',
    })
    await repo.claimInstallation(trx, clinic.id)
    const users: Record<string, string> = {}
    for (const role of DEMO_ROLES) {
      const [first, last] = NAMES[role]
      const user = await repo.insertUser(trx, {
        email: demoEmail(role),
        first_name: first,
        last_name: last,
        password_hash: passwordHash,
        licence_number: role === 'dentist' ? 'COEM-28-00001' : null,
      })
      users[role] = user.id
      await repo.insertMembership(trx, {
        user_id: user.id,
        clinic_id: clinic.id,
        role,
        is_professional: role === 'dentist' || role === 'hygienist',
      })
    }
    await clinicCreated({ clinic_id: clinic.id, db: trx })
    // Each installed module adds its own demo data (patients, a week of appointments, ...).
    for (const m of activeInDependencyOrder()) {
      await m.instance.seedDemo({
        moduleName: m.name,
        db: trx,
        eventBus,
        logger: consola.withTag(`app.modules.${m.name}`),
        clinicId: clinic.id,
        users,
      })
    }
    return true
  })
}

function activeInDependencyOrder() {
  let platform
  try {
    platform = usePlatform()
  }
  catch {
    return []
  }
  const active = platform.runtime.active()
  const order = orderForInstall(active.map(m => m.name), platform.registry.graph())
  return order.map(name => active.find(m => m.name === name)!)
}

export function demoBanner(url: string): string {
  const lines = [
    '',
    `  DentalPin is running at ${url}`,
    '',
    `  Demo logins (password: ${DEMO_PASSWORD})`,
    ...DEMO_ROLES.map(role => `    ${role.padEnd(13)} ${demoEmail(role)}`),
    '',
  ]
  return lines.join('\n')
}
