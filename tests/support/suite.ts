// The usual API suite: a fresh server (no login limit) on a fresh database,
// with first-time setup done, started before the suite's tests and closed
// after them. Its fields are filled once the suite's `beforeAll` has run:
// read them in hooks and tests (`suite.owner.get(...)`). Set-up of a suite's
// own (more users, other clinics) goes in a `beforeAll` after this call.
import { afterAll, beforeAll } from 'vitest'
import type { ApiClient } from './http'
import { NO_LOGIN_LIMIT, setupOwner } from './fixtures'
import { startServer } from './server'
import type { TestServer } from './server'

export interface OwnerSuite {
  server: TestServer
  /** The owner-clinic admin, signed in. */
  owner: ApiClient
  ownerId: string
  /** The owner's (first) clinic. */
  clinicId: string
}

export function ownerSuite(options: { env?: Record<string, string>, setup?: Record<string, unknown> } = {}): OwnerSuite {
  const suite = {} as OwnerSuite
  beforeAll(async () => {
    suite.server = await startServer({ env: { ...NO_LOGIN_LIMIT, ...options.env } })
    const { api, user, clinicId } = await setupOwner(suite.server.url, options.setup)
    Object.assign(suite, { owner: api, ownerId: user.id, clinicId })
  })
  afterAll(async () => suite.server?.close())
  return suite
}
