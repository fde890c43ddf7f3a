// Two instances on one PostgreSQL database, as behind a load balancer: a
// module change made on one (hot apply, disable, enable, uninstall) reaches
// the other within a second — its routes, its navigation (`/-/active`) and
// the caller's permissions — through the LISTEN/NOTIFY relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_LOGIN_LIMIT, OWNER, setupOwner, signIn } from '../support/fixtures'
import type { ApiClient } from '../support/http'
import { startServer, testDatabaseKind } from '../support/server'
import type { TestServer } from '../support/server'

const WITHIN_MS = 1000

// The embedded database belongs to one process: there is no second instance to reach.
describe.skipIf(testDatabaseKind() !== 'postgres')('several instances on one database (PostgreSQL only: PGlite has one owner process)', () => {
  let a: TestServer
  let b: TestServer
  let onA: ApiClient
  let onB: ApiClient

  beforeAll(async () => {
    a = await startServer({ env: NO_LOGIN_LIMIT })
    b = await startServer({ env: NO_LOGIN_LIMIT, database: a.database })
    onA = (await setupOwner(a.url)).api
    onB = await signIn(b.url, OWNER.email, OWNER.password)
  })
  afterAll(async () => {
    await b?.close()
    await a?.close()
  })

  /** B's view of sample_module: its route, its entry in /-/active and the caller's permissions there. */
  async function seenOnB() {
    const [route, active] = await Promise.all([onB.get('/api/v1/sample_module/notes'), onB.get('/api/v1/modules/-/active')])
    const entry = (active.body.data as any[]).find(m => m.name === 'sample_module')
    return { route: route.status, listed: Boolean(entry), permissions: (entry?.permissions ?? []) as string[] }
  }

  /** Polls B until `check` holds; returns how long it took, or Infinity. */
  async function reachesB(check: (s: Awaited<ReturnType<typeof seenOnB>>) => boolean, ms = WITHIN_MS): Promise<number> {
    const started = Date.now()
    while (Date.now() - started <= ms) {
      if (check(await seenOnB())) return Date.now() - started
      await new Promise(r => setTimeout(r, 25))
    }
    return Number.POSITIVE_INFINITY
  }

  const served = (s: Awaited<ReturnType<typeof seenOnB>>) => s.route === 200 && s.listed && s.permissions.includes('sample_module.notes.read')
  const gone = (s: Awaited<ReturnType<typeof seenOnB>>) => s.route === 404 && !s.listed

  it('B does not serve sample_module before it is installed', async () => {
    expect(gone(await seenOnB())).toBe(true)
  })

  it('install + hot apply on A: B serves the module\'s routes, navigation and permissions within a second', async () => {
    expect((await onA.post('/api/v1/modules/sample_module/install')).status).toBe(202)
    const applied = await onA.post('/api/v1/modules/-/apply')
    expect(applied.status).toBe(200)
    expect(applied.body.data.operations.map((o: any) => [o.module, o.status])).toEqual([['sample_base', 'succeeded'], ['sample_module', 'succeeded']])
    expect(await reachesB(served)).toBeLessThanOrEqual(WITHIN_MS)
  })

  it('disable on A: B answers 404 within a second; enable: back within a second', async () => {
    expect((await onA.post('/api/v1/modules/sample_module/disable')).status).toBe(200)
    expect(await reachesB(gone)).toBeLessThanOrEqual(WITHIN_MS)
    expect((await onA.post('/api/v1/modules/sample_module/enable')).status).toBe(200)
    expect(await reachesB(served)).toBeLessThanOrEqual(WITHIN_MS)
  })

  it('uninstall + apply on A: B stops serving it within a second', async () => {
    expect((await onA.post('/api/v1/modules/sample_module/uninstall')).status).toBe(202)
    const applied = await onA.post('/api/v1/modules/-/apply')
    expect(applied.body.data.operations.map((o: any) => [o.module, o.status])).toEqual([['sample_module', 'succeeded']])
    expect(await reachesB(gone)).toBeLessThanOrEqual(WITHIN_MS)
  })

  it('and the other way round: a change on B reaches A', async () => {
    expect((await onB.post('/api/v1/modules/sample_module/install')).status).toBe(202)
    expect((await onB.post('/api/v1/modules/-/apply')).status).toBe(200)
    const started = Date.now()
    let ok = false
    while (Date.now() - started <= WITHIN_MS && !ok) {
      ok = (await onA.get('/api/v1/sample_module/notes')).status === 200
      if (!ok) await new Promise(r => setTimeout(r, 25))
    }
    expect(ok).toBe(true)
  })
})
