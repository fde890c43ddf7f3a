// Official modules in-process, for a layer's platform tests (tests/platform):
// a fresh database with one Europe/Madrid clinic, the named modules started
// (their seeds reach the clinic, created first), a user and a patient — set
// up before the file's tests and removed after them; read its fields in
// hooks and tests. Plus a recorder of the events a module publishes, and a
// refused operation's error.
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { Kysely } from 'kysely'
import { eventBus } from '../../server/platform/events/bus'
import { setDatabase } from '../../server/db'
import { startPlatform, stopPlatform } from '../../server/platform'
import type { DomainError } from '../../server/utils/errors'
import { openTestDb } from './database'
import type { OpenTestDb } from './database'
import { officialEntries } from './official-modules'
import { useTempStorage } from './platform-fixtures'

export interface ModuleWorld<DB> {
  db: Kysely<DB>
  clinicId: string
  /** A user (not a member: the services take the actor as given). */
  userId: string
  /** A patient of the clinic. */
  patientId: string
}

export function moduleWorld<DB>(options: { clinic: string, modules: string[], user: { email: string, first_name: string, last_name: string } }): ModuleWorld<DB> {
  const world = {} as ModuleWorld<DB>
  let t: OpenTestDb | undefined
  let storage: { restore: () => void } | undefined
  beforeAll(async () => {
    storage = useTempStorage()
    t = await openTestDb()
    // Module handlers reach the database through useDb(), as in the server.
    setDatabase(t.handle)
    // The patients table is the patients module's: the core's own types do not know it.
    const db = t.db as unknown as Kysely<any>
    world.db = db as Kysely<DB>
    world.clinicId = (await db.insertInto('clinics').values({ name: options.clinic, timezone: 'Europe/Madrid' }).returning('id').executeTakeFirstOrThrow()).id
    await startPlatform(db, officialEntries(...options.modules))
    world.userId = (await db.insertInto('users').values(options.user).returning('id').executeTakeFirstOrThrow()).id
    world.patientId = (await db.insertInto('patients').values({ clinic_id: world.clinicId, first_name: 'Ana', last_name: 'García' }).returning('id').executeTakeFirstOrThrow()).id
  })
  afterAll(async () => {
    await stopPlatform()
    await t?.close()
    storage?.restore()
  })
  return world
}

/**
 * What `events` published, in order, while the file's tests ran: subscribed
 * before them (as `owner`), emptied after each test, unsubscribed after all.
 */
export function recordEvents<E extends string>(events: readonly E[], owner: string) {
  const seen: { event: E, payload: Record<string, unknown> }[] = []
  const handlers = events.map(event => [event, (payload: Record<string, unknown>) => {
    seen.push({ event, payload })
  }] as const)
  beforeAll(() => {
    for (const [event, handler] of handlers) eventBus.subscribe(event, handler, owner)
  })
  afterEach(() => {
    seen.length = 0
  })
  afterAll(() => {
    for (const [event, handler] of handlers) eventBus.unsubscribe(event, handler)
  })
  /** The payload of the one event published since the last reset, which must be `event`. */
  function only(event: E) {
    expect(seen.map(s => s.event)).toEqual([event])
    return seen[0]!.payload
  }
  return { seen, only }
}

/** The domain error a refused operation rejects with (failing when it succeeds). */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error, 'the operation should be refused').toBeTruthy()
  return error as DomainError
}
