// The database goes away under a running server (PostgreSQL behind a TCP
// proxy this test controls): requests answer 503 with Retry-After in the
// envelope within the configured timeouts instead of a 500 or hanging, the
// readiness probe says so without naming hosts, ports or driver messages,
// and the server recovers by itself when the database is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_LOGIN_LIMIT, setupOwner } from '../support/fixtures'
import type { ApiClient } from '../support/http'
import { isErrorEnvelope } from '../support/http'
import { createTestDatabase, startServer, testDatabaseKind } from '../support/server'
import type { TestDatabase, TestServer } from '../support/server'
import { startTcpProxy } from '../support/tcp-proxy'
import type { TcpProxy } from '../support/tcp-proxy'

const CONNECT_MS = 1000
const STATEMENT_MS = 1500
// The client gives up on a silent database 2 s after the statement timeout; plus slack for a busy machine.
const BOUND_MS = STATEMENT_MS + 2000 + 3000

// PGlite runs inside the server process: there is no connection to lose.
describe.skipIf(testDatabaseKind() !== 'postgres')('database unreachable (PostgreSQL only: PGlite has no connection to cut)', () => {
  let database: TestDatabase
  let proxy: TcpProxy
  let server: TestServer
  let admin: ApiClient
  let dbUrl: URL

  beforeAll(async () => {
    database = await createTestDatabase()
    const real = new URL(database.env.DATABASE_URL!)
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) })
    dbUrl = new URL(real)
    dbUrl.hostname = '127.0.0.1'
    dbUrl.port = String(proxy.port)
    server = await startServer({
      database: { ...database, env: { DATABASE_URL: dbUrl.toString() } },
      env: { ...NO_LOGIN_LIMIT, NUXT_DB_CONNECT_TIMEOUT_MS: String(CONNECT_MS), NUXT_DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS) },
    })
    admin = (await setupOwner(server.url)).api
  })
  afterAll(async () => {
    await server?.close()
    await proxy?.close()
    await database?.drop()
  })

  async function timed<T>(fn: () => Promise<T>): Promise<{ value: T, ms: number }> {
    const started = Date.now()
    const value = await fn()
    return { value, ms: Date.now() - started }
  }

  async function until(check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
    const deadline = Date.now() + ms
    while (Date.now() < deadline) {
      if (await check()) return true
      await new Promise(r => setTimeout(r, 200))
    }
    return false
  }

  function expectUnavailable(res: { status: number, headers: Headers, body: any }) {
    expect(res.status, JSON.stringify(res.body)).toBe(503)
    expect(isErrorEnvelope(res.body)).toBe(true)
    expect(res.body.errors[0]).toMatchObject({ code: 'db.unavailable', params: { retry_after: expect.any(Number) } })
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  }

  /** Nothing in an anonymous answer names where the database is or what the driver said. */
  function expectNoDetails(text: string) {
    for (const secret of [String(proxy.port), '127.0.0.1', 'localhost', '5432', 'ECONNREFUSED', 'ETIMEDOUT', 'timeout exceeded', 'Connection terminated', dbUrl.pathname.slice(1)]) {
      expect(text, `leaks "${secret}"`).not.toContain(secret)
    }
  }

  it('serves normally through the proxy', async () => {
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200)
    const ready = await fetch(`${server.url}/api/ready`)
    expect(ready.status).toBe(200)
  })

  it('database refused: 503 with Retry-After in the envelope, quickly; /api/ready reveals nothing', async () => {
    proxy.setMode('cut')
    const { value: res, ms } = await timed(() => admin.get('/api/v1/auth/me'))
    expectUnavailable(res)
    expect(ms).toBeLessThan(BOUND_MS)

    const ready = await fetch(`${server.url}/api/ready`)
    expect(ready.status).toBe(503)
    expect(ready.headers.get('retry-after')).toBeTruthy()
    const text = await ready.text()
    expect(isErrorEnvelope(JSON.parse(text))).toBe(true)
    expectNoDetails(text)
    // The details are in the server log, for the operator.
    expect(server.output()).toMatch(/Connection terminated|ECONNRESET|connection/i)
  })

  it('database back: requests succeed again without a restart', async () => {
    proxy.setMode('pass')
    expect(await until(async () => (await admin.get('/api/v1/auth/me')).status === 200)).toBe(true)
    expect(await until(async () => (await fetch(`${server.url}/api/ready`)).status === 200)).toBe(true)
  })

  it('database silent (black hole): the timeouts answer 503 instead of holding the request', async () => {
    proxy.setMode('blackhole')
    const { value: res, ms } = await timed(() => admin.get('/api/v1/auth/me'))
    expectUnavailable(res)
    expect(ms).toBeLessThan(BOUND_MS)
    // A second request (new connection attempts now) is bounded too.
    const { value: again, ms: againMs } = await timed(() => admin.get('/api/v1/auth/me'))
    expectUnavailable(again)
    expect(againMs).toBeLessThan(BOUND_MS)

    const { value: ready, ms: readyMs } = await timed(() => fetch(`${server.url}/api/ready`))
    expect(ready.status).toBe(503)
    expect(readyMs).toBeLessThan(BOUND_MS)
    expectNoDetails(await ready.text())
  })

  it('database back after the black hole: requests succeed again', async () => {
    proxy.setMode('pass')
    expect(await until(async () => (await admin.get('/api/v1/auth/me')).status === 200)).toBe(true)
    const res = await admin.get('/api/v1/modules')
    expect(res.status).toBe(200)
  })
})
