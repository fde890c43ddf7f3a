import { describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope } from '../support/http'
import { createClinic, errorFields, OWNER, sessionCookie } from '../support/fixtures'
import { ownerSuite } from '../support/suite'

// Bearer tokens for non-browser clients: POST /api/v1/auth/token, then `Authorization: Bearer …`.
describe('bearer tokens', () => {
  const suite = ownerSuite()

  async function issueToken(): Promise<{ token: string, expires_at: string }> {
    const res = await new ApiClient(suite.server.url).post('/api/v1/auth/token', { email: OWNER.email, password: OWNER.password })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.data
  }

  function bearerClient(token: string): ApiClient {
    const api = new ApiClient(suite.server.url)
    api.bearer = token
    return api
  }

  it('issues a token with its expiry and sets no session cookie', async () => {
    const before = Date.now()
    const res = await new ApiClient(suite.server.url).post('/api/v1/auth/token', { email: OWNER.email, password: OWNER.password })
    expect(res.status).toBe(201)
    expect(Object.keys(res.body.data).sort()).toEqual(['expires_at', 'token'])
    expect(typeof res.body.data.token).toBe('string')
    expect(res.body.data.token.length).toBeGreaterThanOrEqual(20)
    expect(res.body.data.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
    expect(Date.parse(res.body.data.expires_at)).toBeGreaterThan(before + 86_400_000)
    expect(sessionCookie(res.setCookies)).toBeUndefined()
  })

  it('refuses a wrong password with 401 and a missing email with 422 naming it', async () => {
    const api = new ApiClient(suite.server.url)
    const wrong = await api.post('/api/v1/auth/token', { email: OWNER.email, password: 'Not-the-passw0rd' })
    expect(wrong.status).toBe(401)
    expect(isErrorEnvelope(wrong.body)).toBe(true)
    const missing = await api.post('/api/v1/auth/token', { password: OWNER.password })
    expect(missing.status).toBe(422)
    expect(errorFields(missing.body)).toEqual(['email'])
  })

  it('authenticates requests sent with Authorization: Bearer', async () => {
    const { token } = await issueToken()
    const api = bearerClient(token)
    const me = await api.get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.data.user.email).toBe(OWNER.email)
    expect(me.body.data.current_clinic.id).toBe(suite.clinicId)
    const users = await api.get('/api/v1/auth/users')
    expect(users.status).toBe(200)
    expect(users.body.data.map((u: any) => u.email)).toEqual([OWNER.email])
  })

  it('refuses an unknown token and a malformed Authorization header with 401', async () => {
    const forged = await bearerClient('y'.repeat(43)).get('/api/v1/auth/me')
    expect(forged.status).toBe(401)
    expect(isErrorEnvelope(forged.body)).toBe(true)
    const { token } = await issueToken()
    const malformed = await new ApiClient(suite.server.url).get('/api/v1/auth/me', { headers: { authorization: `Token ${token}` } })
    expect(malformed.status).toBe(401)
  })

  it('works with X-Clinic-Id to address another of the caller\'s clinics', async () => {
    const { token } = await issueToken()
    const api = bearerClient(token)
    const branch = await createClinic(api, 'Bearer Branch')
    const res = await api.get('/api/v1/auth/clinic', { headers: { 'x-clinic-id': branch.id } })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: branch.id, name: 'Bearer Branch', is_owner: false })
    const without = await api.get('/api/v1/auth/clinic')
    expect(without.body.data.id).toBe(suite.clinicId)
  })

  it('is revoked by a logout sent with it, leaving other tokens alive', async () => {
    const first = await issueToken()
    const second = await issueToken()
    expect(first.token).not.toBe(second.token)
    const a = bearerClient(first.token)
    expect((await a.get('/api/v1/auth/me')).status).toBe(200)

    const out = await a.post('/api/v1/auth/logout')
    expect(out.status).toBe(200)
    const me = await a.get('/api/v1/auth/me')
    expect(me.status).toBe(401)
    expect(isErrorEnvelope(me.body)).toBe(true)

    const other = await bearerClient(second.token).get('/api/v1/auth/me')
    expect(other.status).toBe(200)
  })

  it('a cookie session and a token are separate: logging out one keeps the other', async () => {
    const { token } = await issueToken()
    const browser = new ApiClient(suite.server.url)
    expect((await browser.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })).status).toBe(200)
    expect((await browser.post('/api/v1/auth/logout')).status).toBe(200)
    expect((await bearerClient(token).get('/api/v1/auth/me')).status).toBe(200)
  })
})
