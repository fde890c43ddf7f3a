import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_LOGIN_LIMIT } from '../support/fixtures'
import { fillPath, routeInventory } from '../support/route-inventory'
import type { Route } from '../support/route-inventory'
import { startServer } from '../support/server'
import type { TestServer } from '../support/server'
import { brief, buildWorld, CALLERS, envelopeProblem, expectedAccess, inPool, loadManifestGrants, paramValues, POOL, send, SERVICE_RULES, takesRowId, validBody } from '../support/sweep'
import type { CallerName, World } from '../support/sweep'

// The authorization matrix: every route of the build × every caller, the
// expectation read from the guard each handler calls and the manifests'
// role_permissions (tests/support/sweep.ts expectedAccess). Allowed callers
// never get 401/403; refused callers get 401 (anonymous) or 403 (404 is also
// accepted for a clinic the caller is not a member of), in the envelope, and
// never a 2xx; nobody gets a 5xx. Clinic B's admin in its own clinic never
// gets a 2xx on a path naming a row of clinic A.

/** Calls an allowed caller does not make, because they would break the rest of the run (refused callers still make them). */
const SKIP_WHEN_ALLOWED: Record<string, string> = {
  'POST /api/v1/modules/-/restart': 'restarts the server under the test',
}

/** Routes that end the session they are called with: each call gets a fresh session of the same caller. */
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout'])

/** Routes that answer 5xx on purpose. */
const DELIBERATE_5XX: Record<string, string> = {
  'GET /api/__test__/error': 'test-only route proving an unexpected error is a 500 envelope (DENTALPIN_TEST_ROUTES=1)',
}

interface Cell {
  route: Route
  caller: CallerName
}

describe('authorization sweep: every route × every caller', () => {
  let server: TestServer
  let world: World
  let unregister: () => void
  const routes = routeInventory()

  beforeAll(async () => {
    unregister = await loadManifestGrants(routes)
    server = await startServer({ env: NO_LOGIN_LIMIT })
    world = await buildWorld(server)
  })
  afterAll(async () => {
    unregister?.()
    await server?.close()
  })

  it('lists the service-level rules and skips of routes that exist', () => {
    const keys = new Set(routes.map(r => r.key))
    for (const key of [...Object.keys(SERVICE_RULES), ...Object.keys(SKIP_WHEN_ALLOWED), ...ENDS_SESSION, ...Object.keys(DELIBERATE_5XX)]) {
      expect(keys, key).toContain(key)
    }
  })

  it('no caller gets more or less than its role allows, on any route', { timeout: 360_000 }, async () => {
    const cells: Cell[] = routes.flatMap(route => CALLERS.map(caller => ({ route, caller })))
    const mismatches: string[] = []
    const unresolved = new Set<string>()
    let requests = 0
    let skipped = 0

    await inPool(cells, POOL, async ({ route, caller: name }) => {
      const caller = world.callers[name]
      const expected = expectedAccess(route, caller)
      if (expected === 'allowed' && SKIP_WHEN_ALLOWED[route.key]) {
        skipped++
        return
      }
      const { values, unresolved: missing } = await paramValues(world, route, route.method !== 'GET')
      for (const m of missing) unresolved.add(m)
      const path = fillPath(route, values)
      const api = ENDS_SESSION.has(route.key) ? await caller.fresh() : caller.api
      const res = await send(api, route.method, path, validBody(world, route, caller))
      requests++
      const cell = `${route.key} as ${name} (expected ${expected}) → ${res.status} ${brief(res.body)}`
      if (res.status >= 500 && !DELIBERATE_5XX[route.key]) mismatches.push(`5xx: ${cell}`)
      if (expected === 'allowed') {
        if (res.status === 401 || res.status === 403) mismatches.push(`refused an allowed caller: ${cell}`)
        if (name === 'adminB' && takesRowId(route) && res.status < 300) mismatches.push(`clinic B reached a row of clinic A: ${cell}`)
        return
      }
      const refusal = expected === 'unauthenticated' ? [401] : caller.foreignClinic ? [403, 404] : [403]
      if (!refusal.includes(res.status)) mismatches.push(`not refused with ${refusal.join('/')}: ${cell}`)
      const problem = envelopeProblem(res)
      if (problem) mismatches.push(`refusal not in the envelope (${problem}): ${cell}`)
    })

    console.info(`authz sweep: ${routes.length} routes × ${CALLERS.length} callers = ${requests} requests (${skipped} skipped), ${mismatches.length} mismatches`)
    if (unresolved.size) console.info(`authz sweep: params without a realistic row (sent a missing id): ${[...unresolved].join(', ')}`)
    expect(requests + skipped).toBe(routes.length * CALLERS.length)
    expect(mismatches, mismatches.join('\n')).toEqual([])
  })
})
