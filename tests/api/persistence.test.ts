import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, setupBody, withSession } from '../support/http'
import { createClinic, createUser, NO_LOGIN_LIMIT, OWNER, sessionCookie, setupOwner, signIn } from '../support/fixtures'
import { spawnServer, waitForStatus } from '../support/process'
import { startServer, testDatabaseKind } from '../support/server'
import type { TestServer } from '../support/server'

const PASSWORD = 'Persist-passw0rd'

// The server is run as in production (NODE_ENV=production): what operators run
// is what must keep its data across restarts.
describe('persistence across restarts (production mode)', () => {
  let server: TestServer
  let owner: ApiClient
  let ownerSecret: string
  let branchId: string
  let bearer: ApiClient
  let loggedOut: string
  let userId: string
  const env = { NODE_ENV: 'production', ...NO_LOGIN_LIMIT }

  beforeAll(async () => {
    server = await startServer({ env })
  })
  afterAll(async () => server?.close())

  it('in production the session cookie is also Secure', async () => {
    const setup = await setupOwner(server.url)
    owner = setup.api
    const login = await new ApiClient(server.url).post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })
    expect(login.status).toBe(200)
    const cookie = sessionCookie(login.setCookies)
    expect(cookie).toBeDefined()
    expect(cookie!.attributes.has('secure')).toBe(true)
    expect(cookie!.attributes.has('httponly')).toBe(true)
    expect(cookie!.attributes.get('samesite')?.toLowerCase()).toBe('lax')
  })

  it('prepares users, sessions and tokens before the restart', async () => {
    ownerSecret = owner.cookies.get('dentalpin_session')!
    branchId = (await createClinic(owner, 'Persisted Branch', { settings: { chairs: 3 } })).id
    expect((await owner.post('/api/v1/auth/clinic', { clinic_id: branchId })).status).toBe(200)
    userId = (await createUser(owner, { email: 'kept@clinic.test', role: 'hygienist', password: PASSWORD })).user.id

    const tokenRes = await new ApiClient(server.url).post('/api/v1/auth/token', { email: 'kept@clinic.test', password: PASSWORD })
    expect(tokenRes.status).toBe(201)
    bearer = new ApiClient(server.url)
    bearer.bearer = tokenRes.body.data.token

    const gone = await signIn(server.url, OWNER.email, OWNER.password)
    loggedOut = gone.cookies.get('dentalpin_session')!
    expect((await gone.post('/api/v1/auth/logout')).status).toBe(200)
  })

  it('after a restart on the same database, users, sessions, tokens and data are all still there', async () => {
    await server.restart()

    // The same cookie still signs the owner in, in the clinic the session had switched to.
    const again = withSession(server.url, ownerSecret)
    const me = await again.get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.data.user.email).toBe(OWNER.email)
    expect(me.body.data.current_clinic).toMatchObject({ id: branchId, name: 'Persisted Branch', settings: { chairs: 3 } })

    // The bearer token still works.
    const tokenMe = await bearer.get('/api/v1/auth/me')
    expect(tokenMe.status).toBe(200)
    expect(tokenMe.body.data.user.email).toBe('kept@clinic.test')

    // A session revoked before the restart stays revoked.
    const revoked = withSession(server.url, loggedOut)
    expect((await revoked.get('/api/v1/auth/me')).status).toBe(401)

    // Users and their passwords are kept; setup stays done.
    const user = await again.get(`/api/v1/auth/users/${userId}`)
    expect(user.status).toBe(200)
    expect(user.body.data).toMatchObject({ email: 'kept@clinic.test', role: 'hygienist' })
    await signIn(server.url, 'kept@clinic.test', PASSWORD)
    expect((await again.get('/api/v1/auth/setup/status')).body.data).toEqual({ initialized: true })
    expect((await new ApiClient(server.url).post('/api/v1/auth/setup', setupBody({ admin_email: 'late@clinic.test' }))).status).toBe(409)
  })

  it('a second restart still serves the same data (migrations are not re-applied destructively)', async () => {
    await server.restart()
    const again = withSession(server.url, ownerSecret)
    const clinics = await again.get('/api/v1/auth/clinics')
    expect(clinics.status).toBe(200)
    expect(clinics.body.data.map((c: any) => c.name).sort()).toEqual(['Clínica Sonrisa', 'Persisted Branch'])
    const ready = await again.get('/api/ready')
    expect(ready.body.data).toEqual({ ready: true, database: testDatabaseKind(), pending_migrations: [] })
  })

  it.runIf(testDatabaseKind() === 'pglite')('a second process on the same data folder exits non-zero saying the folder is in use', async () => {
    const dataDir = server.database.env.DENTALPIN_DATA_DIR!
    expect(dataDir).toBeTruthy()
    const second = await spawnServer({ ...server.database.env, ...env })
    const timeout = new Promise<'timeout'>(resolve => setTimeout(() => resolve('timeout'), 30_000))
    const code = await Promise.race([second.exited, timeout])
    if (code === 'timeout') await second.stop()
    expect(code, second.output()).not.toBe('timeout')
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(second.output()).toMatch(/in use/i)
    expect(second.output()).toContain(dataDir)

    // The first server was not disturbed and still owns the folder.
    const owner = withSession(server.url, ownerSecret)
    expect((await owner.get('/api/v1/auth/me')).status).toBe(200)
    const lock = join(dataDir, 'dentalpin.lock')
    expect(existsSync(lock)).toBe(true)
    expect(readFileSync(lock, 'utf8').trim()).toMatch(/^\d+$/)
    expect(readFileSync(lock, 'utf8').trim()).not.toBe(String(second.child.pid))
  })

  it.runIf(testDatabaseKind() === 'postgres')('on PostgreSQL a second process can serve the same database at the same time', async () => {
    const second = await spawnServer({ ...server.database.env, ...env })
    try {
      expect(await waitForStatus(second, '/api/ready', 200, 60_000), second.output()).toBe(true)
      const other = withSession(second.url, ownerSecret)
      const me = await other.get('/api/v1/auth/me')
      expect(me.status).toBe(200)
      expect(me.body.data.user.email).toBe(OWNER.email)
    }
    finally {
      await second.stop()
    }
  })
})
