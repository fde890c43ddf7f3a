// The agenda in-process, for the platform tests: a fresh database with one
// Europe/Madrid clinic, the patients and agenda modules started, `dentists`
// professional dentists and the clinic's seeded cabinet, set up before the
// file's tests and removed after them. Read its fields in hooks and tests.
import { afterAll, beforeAll } from 'vitest'
import type { Kysely } from 'kysely'
import { setDatabase } from '../../../../server/db'
import { startPlatform, stopPlatform } from '../../../../server/platform'
import { openTestDb } from '../../../../tests/support/database'
import type { OpenTestDb } from '../../../../tests/support/database'
import { officialEntries } from '../../../../tests/support/official-modules'
import { useTempStorage } from '../../../../tests/support/platform-fixtures'
import type { Actor, AgendaDb } from '../../server/db'

export interface AgendaWorld {
  db: Kysely<AgendaDb>
  /** The first dentist, acting in the clinic. */
  actor: Actor
  /** The dentists' user ids, in order. */
  professionals: string[]
  cabinetId: string
}

export function agendaWorld(clinicName: string, dentists = 1): AgendaWorld {
  const world = { professionals: [] as string[] } as AgendaWorld
  let t: OpenTestDb | undefined
  let storage: { restore: () => void } | undefined
  beforeAll(async () => {
    storage = useTempStorage()
    t = await openTestDb()
    // Module handlers (the patients module's) reach the database through useDb(), as in the server.
    setDatabase(t.handle)
    const db = world.db = t.db as unknown as Kysely<AgendaDb>
    const clinic = await db.insertInto('clinics').values({ name: clinicName, timezone: 'Europe/Madrid' }).returning('id').executeTakeFirstOrThrow()
    await startPlatform(t.db, officialEntries('patients', 'clinical_notes', 'agenda'))
    for (let i = 0; i < dentists; i++) {
      const user = await db.insertInto('users').values({ email: `dentist${i}@agenda.test`, first_name: 'Dora', last_name: `Dent ${i}`, password_hash: null, licence_number: null })
        .returning('id').executeTakeFirstOrThrow()
      await db.insertInto('clinic_memberships').values({ user_id: user.id, clinic_id: clinic.id, role: 'dentist', is_professional: true }).execute()
      world.professionals.push(user.id)
    }
    world.actor = { clinicId: clinic.id, userId: world.professionals[0]! }
    world.cabinetId = (await db.selectFrom('agenda_cabinets').select('id').where('clinic_id', '=', clinic.id).executeTakeFirstOrThrow()).id
  })
  afterAll(async () => {
    await stopPlatform()
    await t?.close()
    storage?.restore()
  })
  return world
}
