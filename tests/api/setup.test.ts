import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope, setupBody } from '../support/http'
import { errorFields, NO_LOGIN_LIMIT, sessionCookie, UUID } from '../support/fixtures'
import { startServer } from '../support/server'
import type { TestServer } from '../support/server'

// First-run setup: the order of the tests matters (the database starts empty,
// setup succeeds once, then answers 409 forever).
describe('first-run setup', () => {
  let server: TestServer
  let anon: ApiClient
  beforeAll(async () => {
    server = await startServer({ env: NO_LOGIN_LIMIT })
    anon = new ApiClient(server.url)
  })
  afterAll(async () => server?.close())

  it('reports an empty installation as not initialized', async () => {
    const res = await anon.get('/api/v1/auth/setup/status')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: { initialized: false }, message: null })
  })

  it('refuses weak passwords with a 422 naming admin_password', async () => {
    for (const password of ['Sh0rt', 'abcdefghij', '1234567890']) {
      const res = await anon.post('/api/v1/auth/setup', setupBody({ admin_password: password }))
      expect(res.status, password).toBe(422)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(errorFields(res.body)).toEqual(['admin_password'])
    }
  })

  it('refuses a bad email, a missing name and an unknown timezone, naming each field', async () => {
    const res = await anon.post('/api/v1/auth/setup', setupBody({
      admin_email: 'not-an-email',
      admin_first_name: undefined,
      timezone: 'Mars/Olympus_Mons',
      currency: 'EURO',
    }))
    expect(res.status).toBe(422)
    expect(isErrorEnvelope(res.body)).toBe(true)
    expect(new Set(errorFields(res.body))).toEqual(new Set(['admin_email', 'admin_first_name', 'timezone', 'currency']))
    for (const e of res.body.errors) {
      expect(typeof e.code).toBe('string')
      expect(e.message.length).toBeGreaterThan(0)
    }
  })

  it('is still not initialized after rejected attempts', async () => {
    const res = await anon.get('/api/v1/auth/setup/status')
    expect(res.status).toBe(200)
    expect(res.body.data.initialized).toBe(false)
  })

  // Two complete, different candidates; whichever wins must be stored exactly as sent.
  const candidates = [
    {
      body: setupBody({ admin_email: '  Owner@Clinic.Test ', admin_first_name: ' Olga ', clinic_name: ' Clínica Sonrisa ' }),
      expected: {
        email: 'owner@clinic.test',
        clinic: { name: 'Clínica Sonrisa', tax_id: null, timezone: 'Europe/Madrid', currency: 'EUR', country: 'ES', language: 'es' },
      },
    },
    {
      body: setupBody({
        admin_email: 'rival@clinic.test',
        clinic_name: 'Rival Clinic',
        clinic_tax_id: 'MX-123',
        timezone: 'America/Mexico_City',
        currency: 'mxn',
        country: 'mx',
        language: 'en',
      }),
      expected: {
        email: 'rival@clinic.test',
        clinic: { name: 'Rival Clinic', tax_id: 'MX-123', timezone: 'America/Mexico_City', currency: 'MXN', country: 'MX', language: 'en' },
      },
    },
  ]
  let winner: { client: ApiClient, body: any, setCookies: string[], expected: (typeof candidates)[number]['expected'] }

  it('lets exactly one of two concurrent setups win (201), the other gets 409', async () => {
    const clients = candidates.map(() => new ApiClient(server.url))
    const results = await Promise.all(candidates.map((c, i) => clients[i]!.post('/api/v1/auth/setup', c.body)))
    expect(results.map(r => r.status).sort()).toEqual([201, 409])
    const w = results.findIndex(r => r.status === 201)
    const loser = results[1 - w]!
    expect(isErrorEnvelope(loser.body)).toBe(true)
    expect(sessionCookie(loser.setCookies)).toBeUndefined()
    winner = { client: clients[w]!, body: results[w]!.body, setCookies: results[w]!.setCookies, expected: candidates[w]!.expected }
  })

  it('answers the winner with the signed-in admin, the owner clinic and admin permissions', async () => {
    const data = winner.body.data
    expect(data.user).toMatchObject({ email: winner.expected.email, first_name: 'Olga', last_name: 'Owner', is_active: true })
    expect(data.user.id).toMatch(UUID)
    expect(JSON.stringify(winner.body)).not.toMatch(/password|\$argon|\$scrypt/i)
    expect(data.clinics).toHaveLength(1)
    expect(data.clinics[0]).toMatchObject({ name: winner.expected.clinic.name, role: 'admin', is_owner: true })
    expect(data.clinics[0].id).toMatch(UUID)
    expect(data.current_clinic_id).toBe(data.clinics[0].id)
    expect(data.permissions).toEqual(expect.arrayContaining([
      'admin.users.read', 'admin.users.write', 'admin.clinic.read', 'admin.clinic.write',
    ]))
  })

  it('sets an HttpOnly, SameSite=Lax session cookie for the winner', async () => {
    const cookie = sessionCookie(winner.setCookies)
    expect(cookie).toBeDefined()
    expect(cookie!.value.length).toBeGreaterThanOrEqual(20)
    expect(cookie!.attributes.has('httponly')).toBe(true)
    expect(cookie!.attributes.get('samesite')?.toLowerCase()).toBe('lax')
    expect(cookie!.attributes.get('path')).toBe('/')
  })

  it('the winner is signed in: /me answers 200 as the admin', async () => {
    const me = await winner.client.get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.data.user.email).toBe(winner.expected.email)
    expect(me.body.data.role).toBe('admin')
  })

  it('stores the clinic details given at setup', async () => {
    const res = await winner.client.get('/api/v1/auth/clinic')
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ ...winner.expected.clinic, is_owner: true, settings: {} })
  })

  it('reports initialized afterwards', async () => {
    const res = await anon.get('/api/v1/auth/setup/status')
    expect(res.status).toBe(200)
    expect(res.body.data).toEqual({ initialized: true })
  })

  it('answers every later setup 409 in the envelope, without a session cookie', async () => {
    const fresh = new ApiClient(server.url)
    const res = await fresh.post('/api/v1/auth/setup', setupBody({ admin_email: 'intruder@evil.test', clinic_name: 'Take-over' }))
    expect(res.status).toBe(409)
    expect(isErrorEnvelope(res.body)).toBe(true)
    expect(res.body.message.length).toBeGreaterThan(0)
    expect(sessionCookie(res.setCookies)).toBeUndefined()
    // The intruder's account was not created.
    const login = await fresh.post('/api/v1/auth/login', { email: 'intruder@evil.test', password: 'Sup3rSecret' })
    expect(login.status).toBe(401)
  })

  it('the admin can sign in again with the password chosen at setup', async () => {
    const c = new ApiClient(server.url)
    const res = await c.post('/api/v1/auth/login', { email: winner.expected.email, password: 'Sup3rSecret' })
    expect(res.status).toBe(200)
    expect(res.body.data.user.email).toBe(winner.expected.email)
  })
})
