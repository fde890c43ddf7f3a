import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope, setupBody } from '../support/http'
import { errorFields, NO_LOGIN_LIMIT, OWNER } from '../support/fixtures'
import { spawnServer, waitForStatus } from '../support/process'
import { startServer, testDatabaseKind } from '../support/server'
import type { TestServer } from '../support/server'

const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

// The HTTP envelope: every error as {data: null, message, errors}, X-Request-Id
// on every response, liveness and readiness.
describe('HTTP envelope', () => {
  let server: TestServer
  let api: ApiClient

  beforeAll(async () => {
    server = await startServer({ env: NO_LOGIN_LIMIT })
    api = new ApiClient(server.url)
    expect((await api.post('/api/v1/auth/setup', setupBody())).status).toBe(201)
  })
  afterAll(async () => server?.close())

  function expectJsonEnvelope(res: { status: number, headers: Headers, body: any }, status: number) {
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(isErrorEnvelope(res.body)).toBe(true)
    expect(Object.keys(res.body).sort()).toEqual(['data', 'errors', 'message'])
    expect(res.body.message.length).toBeGreaterThan(0)
    expect(res.body.errors.length).toBeGreaterThan(0)
    for (const e of res.body.errors) {
      expect(typeof e.code).toBe('string')
      expect(typeof e.message).toBe('string')
    }
  }

  describe('errors', () => {
    it('answers unknown /api routes 404 in the envelope, for any method and depth', async () => {
      expectJsonEnvelope(await api.get('/api/v1/nope'), 404)
      expectJsonEnvelope(await api.post('/api/v1/nope', { a: 1 }), 404)
      expectJsonEnvelope(await api.delete('/api/v1/auth/nope/deeper'), 404)
      expectJsonEnvelope(await api.get('/api/nope'), 404)
    })

    it('answers malformed JSON 400 in the envelope', async () => {
      const res = await api.request('POST', '/api/v1/auth/login', { raw: '{"email": "owner@clinic.test", "password": ' })
      expectJsonEnvelope(res, 400)
      const setup = await new ApiClient(server.url).request('POST', '/api/v1/auth/setup', { raw: '{not json' })
      expectJsonEnvelope(setup, 400)
    })

    it('answers 422 with one error per offending field, naming its path', async () => {
      const res = await new ApiClient(server.url).post('/api/v1/auth/login', { email: '', password: 12345 })
      expectJsonEnvelope(res, 422)
      expect(new Set(errorFields(res.body))).toEqual(new Set(['email', 'password']))
      expect(res.body.errors.every((e: any) => e.field && e.message.length > 0)).toBe(true)
    })

    it('answers 422 for a JSON body that is not an object', async () => {
      const res = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', { raw: '[1, 2]' })
      expectJsonEnvelope(res, 422)
    })

    it('answers validation messages in English, not as i18n keys', async () => {
      const res = await api.post('/api/v1/auth/password', { current_password: 'Sup3rSecret', new_password: 'abcdefgh' })
      expectJsonEnvelope(res, 422)
      expect(errorFields(res.body)).toEqual(['new_password'])
      expect(res.body.errors[0].message).not.toMatch(/^validation\./)
      expect(res.body.errors[0].message).toMatch(/digit/i)
    })

    it('answers 401 and 403 in the envelope', async () => {
      expectJsonEnvelope(await new ApiClient(server.url).get('/api/v1/auth/me'), 401)
      const wrongClinic = await api.get('/api/v1/auth/me', { headers: { 'x-clinic-id': '00000000-0000-4000-8000-000000000000' } })
      expectJsonEnvelope(wrongClinic, 403)
    })

    it('answers 409 in the envelope', async () => {
      expectJsonEnvelope(await new ApiClient(server.url).post('/api/v1/auth/setup', setupBody()), 409)
    })

    it('answers a thrown error 500 in the envelope without stack or internal detail', async () => {
      const res = await api.get('/api/__test__/error')
      expectJsonEnvelope(res, 500)
      const text = JSON.stringify(res.body)
      for (const leak of ['boom', 'secret internal detail', '/srv/app/db.ts', 'db.ts:42', 'stack', 'Error:', '    at ']) {
        expect(text).not.toContain(leak)
      }
      expect(Object.keys(res.body.errors[0]).sort()).toEqual(['code', 'message'])
      expect(res.headers.get('x-request-id')).toMatch(GENERATED_ID)
    })

    it('refuses cross-site writes (foreign Origin) with 403 in the envelope', async () => {
      const res = await new ApiClient(server.url).post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password }, {
        headers: { origin: 'https://evil.example' },
      })
      expectJsonEnvelope(res, 403)
      expect(res.setCookies.filter(c => c.startsWith('dentalpin_session='))).toEqual([])
      const same = await new ApiClient(server.url).post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password }, {
        headers: { origin: server.url },
      })
      expect(same.status).toBe(200)
    })
  })

  describe('success shape', () => {
    it('wraps results as {data, message}', async () => {
      const res = await api.get('/api/v1/auth/setup/status')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(res.body).toEqual({ data: { initialized: true }, message: null })
    })

    it('wraps lists as {data, message, total, page, page_size}', async () => {
      const res = await api.get('/api/v1/auth/users?page=1&page_size=10')
      expect(res.status).toBe(200)
      expect(Object.keys(res.body).sort()).toEqual(['data', 'message', 'page', 'page_size', 'total'])
      expect(res.body).toMatchObject({ total: 1, page: 1, page_size: 10 })
      expect(res.body.data).toHaveLength(1)
    })
  })

  describe('X-Request-Id', () => {
    it('is on every response, success and error alike, and differs per request', async () => {
      const responses = [
        await api.get('/api/health'),
        await api.get('/api/ready'),
        await api.get('/api/v1/auth/me'),
        await new ApiClient(server.url).get('/api/v1/auth/me'),
        await api.get('/api/v1/nope'),
        await api.request('POST', '/api/v1/auth/login', { raw: '{' }),
        await api.post('/api/v1/auth/login', {}),
        await api.get('/api/__test__/error'),
      ]
      const ids = responses.map(r => r.headers.get('x-request-id'))
      for (const [i, id] of ids.entries()) expect(id, `response ${i} (${responses[i]!.status})`).toMatch(GENERATED_ID)
      expect(new Set(ids).size).toBe(ids.length)
      expect(responses.map(r => r.status)).toEqual([200, 200, 200, 401, 404, 400, 422, 500])
    })

    it('echoes a sane incoming X-Request-Id, on success and on errors', async () => {
      const id = 'trace-42.abc:DEF_9'
      for (const path of ['/api/health', '/api/v1/nope', '/api/__test__/error', '/api/v1/auth/me']) {
        const res = await new ApiClient(server.url).get(path, { headers: { 'x-request-id': id } })
        expect(res.headers.get('x-request-id'), path).toBe(id)
      }
    })

    it('replaces an unsafe or oversized incoming X-Request-Id with its own', async () => {
      for (const bad of ['has spaces in it', 'a'.repeat(129), '<script>', 'x\ty']) {
        const res = await api.get('/api/health', { headers: { 'x-request-id': bad } })
        expect(res.headers.get('x-request-id'), bad).toMatch(GENERATED_ID)
      }
    })
  })

  describe('liveness and readiness', () => {
    it('GET /api/health answers ok with the core version', async () => {
      const res = await api.get('/api/health')
      expect(res.status).toBe(200)
      expect(res.body.message).toBeNull()
      expect(res.body.data).toMatchObject({ status: 'ok' })
      expect(res.body.data.version).toMatch(/^\d+\.\d+\.\d+/)
      expect(typeof res.body.data.uptime_seconds).toBe('number')
    })

    it('GET /api/ready answers 200 with the database kind in use and no pending migrations', async () => {
      const res = await api.get('/api/ready')
      expect(res.status).toBe(200)
      expect(res.body.data).toEqual({ ready: true, database: testDatabaseKind(), pending_migrations: [] })
    })
  })

  describe('before the database is ready', () => {
    // A server whose database cannot be reached keeps retrying and must answer
    // 503 + Retry-After (in the envelope) to everything but liveness.
    it('answers liveness 200, and readiness and the API 503 with Retry-After in the envelope', async () => {
      const stuck = await spawnServer({ DATABASE_URL: 'postgres://postgres@127.0.0.1:9/unreachable' })
      try {
        expect(await waitForStatus(stuck, '/api/health', 200), stuck.output()).toBe(true)
        for (const path of ['/api/ready', '/api/v1/auth/setup/status', '/api/v1/auth/me']) {
          const res = await new ApiClient(stuck.url).get(path, { headers: { 'x-request-id': 'while-starting-1' } })
          expect(res.status, path).toBe(503)
          expect(Number(res.headers.get('retry-after')), path).toBeGreaterThan(0)
          expect(res.headers.get('x-request-id'), path).toBe('while-starting-1')
          expectJsonEnvelope(res, 503)
        }
        const login = await new ApiClient(stuck.url).post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })
        expectJsonEnvelope(login, 503)
      }
      finally {
        await stuck.stop()
      }
    })
  })
})
