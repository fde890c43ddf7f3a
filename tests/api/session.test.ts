import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope, withSession } from '../support/http'
import { createUser, errorFields, OWNER, sessionCookie, setupOwner, signIn } from '../support/fixtures'
import { startServer } from '../support/server'
import type { TestServer } from '../support/server'

// Browser sessions: login, /me, logout, cookie flags, and the login rate limit.
// The server runs with the default limit (5 failures per address per 15 min)
// and every request comes from 127.0.0.1, so failed logins are counted in
// `failures` and the rate-limit block runs last.
describe('browser sessions', () => {
  let server: TestServer
  let failures = 0
  const DENTIST = { email: 'dentist@clinic.test', password: 'Dent1st-pass' }

  let setupSession: ApiClient

  beforeAll(async () => {
    server = await startServer()
    const { api } = await setupOwner(server.url)
    setupSession = api
    await createUser(api, { email: DENTIST.email, role: 'dentist', password: DENTIST.password, first_name: 'Diego', last_name: 'Díaz' })
  })
  afterAll(async () => server?.close())

  describe('login', () => {
    it('answers a wrong password with 401 in the envelope and no cookie', async () => {
      const api = new ApiClient(server.url)
      const res = await api.post('/api/v1/auth/login', { email: OWNER.email, password: 'Wrong-passw0rd' })
      failures++
      expect(res.status).toBe(401)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(sessionCookie(res.setCookies)).toBeUndefined()
    })

    it('answers an unknown email with the same 401 body as a wrong password', async () => {
      const api = new ApiClient(server.url)
      const wrong = await api.post('/api/v1/auth/login', { email: DENTIST.email, password: 'Wrong-passw0rd' })
      failures++
      const unknown = await api.post('/api/v1/auth/login', { email: 'nobody@clinic.test', password: 'Wrong-passw0rd' })
      failures++
      expect(wrong.status).toBe(401)
      expect(unknown.status).toBe(401)
      expect(unknown.body).toEqual(wrong.body)
      expect(unknown.body.message).not.toMatch(/nobody/)
    })

    it('answers a missing password with 422 naming the field (not counted as a failure)', async () => {
      const api = new ApiClient(server.url)
      const res = await api.post('/api/v1/auth/login', { email: OWNER.email })
      expect(res.status).toBe(422)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(errorFields(res.body)).toEqual(['password'])
    })

    it('signs in with 200, the user, the clinics with roles and the permissions', async () => {
      const api = new ApiClient(server.url)
      const res = await api.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })
      expect(res.status).toBe(200)
      const data = res.body.data
      expect(data.user).toMatchObject({ email: OWNER.email, first_name: 'Olga', last_name: 'Owner', is_active: true })
      expect(data.clinics).toEqual([expect.objectContaining({ name: 'Clínica Sonrisa', role: 'admin', is_owner: true })])
      expect(data.permissions).toEqual(expect.arrayContaining(['admin.users.read', 'admin.users.write', 'admin.clinic.read', 'admin.clinic.write']))
      expect(JSON.stringify(res.body)).not.toMatch(/password|\$argon|\$scrypt/i)
    })

    it('matches the email case-insensitively and ignores surrounding spaces', async () => {
      const api = new ApiClient(server.url)
      const res = await api.post('/api/v1/auth/login', { email: '  DENTIST@Clinic.TEST ', password: DENTIST.password })
      expect(res.status).toBe(200)
      expect(res.body.data.user.email).toBe(DENTIST.email)
      expect(res.body.data.clinics).toEqual([expect.objectContaining({ role: 'dentist', is_professional: true })])
    })

    it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, not Secure outside production, expiring in the future', async () => {
      const api = new ApiClient(server.url)
      const res = await api.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })
      expect(res.status).toBe(200)
      const cookie = sessionCookie(res.setCookies)
      expect(cookie, res.setCookies.join('\n')).toBeDefined()
      expect(cookie!.value.length).toBeGreaterThanOrEqual(20)
      expect(cookie!.attributes.has('httponly')).toBe(true)
      expect(cookie!.attributes.get('samesite')?.toLowerCase()).toBe('lax')
      expect(cookie!.attributes.get('path')).toBe('/')
      expect(cookie!.attributes.has('secure')).toBe(false)
      const expires = cookie!.attributes.get('expires')
      const maxAge = cookie!.attributes.get('max-age')
      const expiresAt = maxAge !== undefined ? Date.now() + Number(maxAge) * 1000 : Date.parse(expires ?? '')
      expect(expiresAt).toBeGreaterThan(Date.now() + 86_400_000)
    })

    it('gives each login its own session secret', async () => {
      const a = await signIn(server.url, OWNER.email, OWNER.password)
      const b = await signIn(server.url, OWNER.email, OWNER.password)
      expect(a.cookies.get('dentalpin_session')).not.toBe(b.cookies.get('dentalpin_session'))
    })
  })

  describe('/me', () => {
    it('answers 401 in the envelope without a session', async () => {
      const res = await new ApiClient(server.url).get('/api/v1/auth/me')
      expect(res.status).toBe(401)
      expect(isErrorEnvelope(res.body)).toBe(true)
    })

    it('answers 401 for a forged session cookie', async () => {
      const api = withSession(server.url, 'x'.repeat(43))
      const res = await api.get('/api/v1/auth/me')
      expect(res.status).toBe(401)
      expect(isErrorEnvelope(res.body)).toBe(true)
    })

    it('answers the user, clinics with roles, the current clinic and concrete permissions', async () => {
      const api = await signIn(server.url, OWNER.email, OWNER.password)
      const res = await api.get('/api/v1/auth/me')
      expect(res.status).toBe(200)
      const data = res.body.data
      expect(data.user).toMatchObject({ email: OWNER.email, first_name: 'Olga', last_name: 'Owner' })
      expect(data.role).toBe('admin')
      expect(data.clinics).toEqual([expect.objectContaining({ name: 'Clínica Sonrisa', role: 'admin', is_owner: true })])
      expect(data.current_clinic).toMatchObject({ id: data.clinics[0].id, name: 'Clínica Sonrisa', is_owner: true, timezone: 'Europe/Madrid' })
      expect(data.current_clinic_id).toBe(data.clinics[0].id)
      for (const p of ['admin.users.read', 'admin.users.write', 'admin.clinic.read', 'admin.clinic.write']) {
        expect(data.permissions).toContain(p)
      }
      // Concrete permissions, never raw grants.
      expect(data.permissions).not.toContain('*')
    })

    it('answers a non-admin with its own role and without admin permissions', async () => {
      const api = await signIn(server.url, DENTIST.email, DENTIST.password)
      const res = await api.get('/api/v1/auth/me')
      expect(res.status).toBe(200)
      expect(res.body.data.user.email).toBe(DENTIST.email)
      expect(res.body.data.role).toBe('dentist')
      expect(res.body.data.permissions.filter((p: string) => p.startsWith('admin.'))).toEqual([])
    })
  })

  describe('logout', () => {
    it('answers 401 without a session', async () => {
      const res = await new ApiClient(server.url).post('/api/v1/auth/logout')
      expect(res.status).toBe(401)
      expect(isErrorEnvelope(res.body)).toBe(true)
    })

    it('revokes the session server-side: the old cookie no longer works', async () => {
      const api = await signIn(server.url, OWNER.email, OWNER.password)
      const secret = api.cookies.get('dentalpin_session')!
      expect((await api.get('/api/v1/auth/me')).status).toBe(200)

      const out = await api.post('/api/v1/auth/logout')
      expect(out.status).toBe(200)
      expect(out.body.data).toBeNull()
      // The browser is told to drop the cookie...
      const cleared = sessionCookie(out.setCookies)
      expect(cleared).toBeDefined()
      const gone = cleared!.value === '' || cleared!.attributes.get('max-age') === '0'
        || Date.parse(cleared!.attributes.get('expires') ?? '') <= Date.now()
      expect(gone).toBe(true)

      // ...and a client that keeps sending it anyway is refused.
      const replay = withSession(server.url, secret)
      const me = await replay.get('/api/v1/auth/me')
      expect(me.status).toBe(401)
      expect(isErrorEnvelope(me.body)).toBe(true)
      expect((await api.get('/api/v1/auth/me')).status).toBe(401)
    })

    it('only ends the session it came with', async () => {
      const a = await signIn(server.url, OWNER.email, OWNER.password)
      const b = await signIn(server.url, OWNER.email, OWNER.password)
      expect((await a.post('/api/v1/auth/logout')).status).toBe(200)
      expect((await a.get('/api/v1/auth/me')).status).toBe(401)
      const me = await b.get('/api/v1/auth/me')
      expect(me.status).toBe(200)
      expect(me.body.data.user.email).toBe(OWNER.email)
    })

    it('a second logout with the same session is 401', async () => {
      const api = await signIn(server.url, DENTIST.email, DENTIST.password)
      const secret = api.cookies.get('dentalpin_session')!
      expect((await api.post('/api/v1/auth/logout')).status).toBe(200)
      const again = withSession(server.url, secret)
      expect((await again.post('/api/v1/auth/logout')).status).toBe(401)
    })
  })

  // Keep last: after this block every login from 127.0.0.1 is refused.
  describe('login rate limit (5 failures per address)', () => {
    const LIMIT = 5

    it('keeps answering 401 until the limit is reached', async () => {
      expect(failures).toBeLessThan(LIMIT)
      const api = new ApiClient(server.url)
      while (failures < LIMIT) {
        const res = await api.post('/api/v1/auth/login', { email: OWNER.email, password: `Wrong-${failures}-pass` })
        failures++
        expect(res.status).toBe(401)
      }
    })

    it('then answers 429 in the envelope with Retry-After', async () => {
      const api = new ApiClient(server.url)
      const res = await api.post('/api/v1/auth/login', { email: OWNER.email, password: 'Wrong-again-1' })
      expect(res.status).toBe(429)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(res.body.message.length).toBeGreaterThan(0)
      const retryAfter = Number(res.headers.get('retry-after'))
      expect(Number.isInteger(retryAfter)).toBe(true)
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(15 * 60)
      expect(res.headers.get('x-request-id')).toBeTruthy()
      expect(sessionCookie(res.setCookies)).toBeUndefined()
    })

    it('refuses even the right password from that address while limited', async () => {
      const api = new ApiClient(server.url)
      const res = await api.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })
      expect(res.status).toBe(429)
      expect(api.cookies.size).toBe(0)
    })

    it('limits bearer token requests from that address too', async () => {
      const res = await new ApiClient(server.url).post('/api/v1/auth/token', { email: OWNER.email, password: OWNER.password })
      expect(res.status).toBe(429)
      expect(isErrorEnvelope(res.body)).toBe(true)
    })

    it('does not end sessions that already exist', async () => {
      // The session opened by setup, before the limit, keeps working; only new sign-ins are refused.
      const res = await setupSession.get('/api/v1/auth/me')
      expect(res.status).toBe(200)
      expect(res.body.data.user.email).toBe(OWNER.email)
    })
  })
})
