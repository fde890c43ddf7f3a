import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE, createPatient, setupAgendaClinic, slot } from '../../layers/agenda/tests/api/helpers'
import type { AgendaClinic } from '../../layers/agenda/tests/api/helpers'
import { createUser, errorFields } from '../support/fixtures'
import { ApiClient, isErrorEnvelope } from '../support/http'
import type { ApiResult } from '../support/http'
import { startServer } from '../support/server'
import type { TestServer } from '../support/server'

const MAX_FAILURES = 5
const MB = 1024 * 1024

// Limits on what one caller can make the server do: the login limiter under a
// concurrent burst (per address and per account), the request-body size limit,
// and input PostgreSQL or the parser cannot take (U+0000, absurd dates, deep JSON).
describe('security limits', () => {
  let server: TestServer
  let c: AgendaClinic

  beforeAll(async () => {
    server = await startServer({
      env: {
        NUXT_LOGIN_MAX_FAILURES: String(MAX_FAILURES),
        NUXT_LOGIN_WINDOW_SECONDS: '900',
        // X-Forwarded-For names the caller, so one test can be many addresses.
        NUXT_TRUST_PROXY: 'true',
      },
    })
    c = await setupAgendaClinic(server)
  })
  afterAll(async () => server?.close())

  function expectError(res: ApiResult, status: number, code: string) {
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(isErrorEnvelope(res.body), JSON.stringify(res.body)).toBe(true)
    expect(res.body.errors.map((e: { code: string }) => e.code)).toContain(code)
  }

  function login(email: string, password: string, ip: string) {
    return new ApiClient(server.url).post('/api/v1/auth/login', { email, password }, { headers: { 'x-forwarded-for': ip } })
  }

  function tally(results: ApiResult[]): Record<number, number> {
    const counts: Record<number, number> = {}
    for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1
    return counts
  }

  describe('login limiter', () => {
    it('lets a concurrent burst of 40 wrong logins from one address check at most max passwords; the rest are 429', async () => {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`nobody-${i}@burst.test`, 'Wrong-passw0rd', '203.0.113.10')))
      // Each 401 is one password check that happened.
      expect(tally(results)).toEqual({ 401: MAX_FAILURES, 429: 40 - MAX_FAILURES })
      for (const r of results.filter(r => r.status === 429)) {
        expectError(r, 429, 'auth.too_many_attempts')
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
        expect(Number(r.headers.get('retry-after'))).toBeLessThanOrEqual(900)
      }
      // The address stays limited afterwards, for any account.
      expectError(await login('someone-else@burst.test', 'Wrong-passw0rd', '203.0.113.10'), 429, 'auth.too_many_attempts')
    })

    it('limits one account attacked from many addresses, and the right password is refused while it is locked', async () => {
      await createUser(c.admin, { email: 'target@burst.test', role: 'dentist', password: 'Target-passw0rd' })
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login('Target@Burst.test', 'Wrong-passw0rd', `198.51.100.${i + 1}`)))
      expect(tally(results)).toEqual({ 401: MAX_FAILURES, 429: 20 - MAX_FAILURES })
      for (const r of results.filter(r => r.status === 429)) expectError(r, 429, 'auth.too_many_attempts')
      expectError(await login('target@burst.test', 'Target-passw0rd', '198.51.100.200'), 429, 'auth.too_many_attempts')
      // Another account from one of those addresses is not affected.
      expect((await login('dentist@agenda.test', 'Agenda-passw0rd', '198.51.100.1')).status).toBe(200)
    })

    it('does not count successful logins as failures', async () => {
      await createUser(c.admin, { email: 'often@burst.test', role: 'assistant', password: 'Often-passw0rd' })
      for (let i = 0; i < MAX_FAILURES + 3; i++) {
        expect((await login('often@burst.test', 'Often-passw0rd', '192.0.2.50')).status).toBe(200)
      }
      const wrong = await Promise.all(Array.from({ length: MAX_FAILURES + 2 }, () => login('often@burst.test', 'Wrong-passw0rd', '192.0.2.50')))
      expect(tally(wrong)).toEqual({ 401: MAX_FAILURES, 429: 2 })
    })

    it('limits the token endpoint the same way', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, () => new ApiClient(server.url).post('/api/v1/auth/token', { email: 'token@burst.test', password: 'Wrong-passw0rd' }, { headers: { 'x-forwarded-for': '203.0.113.99' } })))
      expect(tally(results)).toEqual({ 401: MAX_FAILURES, 429: 12 - MAX_FAILURES })
    })
  })

  describe('request body size', () => {
    /** A raw request, so the test controls Content-Length and chunking. */
    function rawPost(path: string, chunks: Buffer[], headers: Record<string, string>): Promise<{ status: number, body: any, headers: Record<string, unknown> }> {
      return new Promise((resolve, reject) => {
        const req = httpRequest(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (d) => {
            text += d
          })
          res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null, headers: res.headers }))
        })
        // The server may answer before the whole body is sent; that is the point.
        req.on('error', reject)
        let i = 0
        const next = () => {
          while (i < chunks.length) {
            if (!req.write(chunks[i++]!)) return void req.once('drain', next)
          }
          req.end()
        }
        next()
      })
    }

    function jsonOfSize(bytes: number): Buffer {
      const prefix = '{"email":"owner@clinic.test","password":"'
      return Buffer.from(`${prefix}${'x'.repeat(bytes - prefix.length - 2)}"}`)
    }

    it('refuses a 2 MB JSON login body with 413 in the envelope', async () => {
      const res = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', { raw: jsonOfSize(2 * MB).toString() })
      expectError(res, 413, 'http.body_too_large')
      expect(res.body.errors[0].params).toEqual({ limit: MB })
    })

    it('refuses a chunked body without Content-Length once it passes the limit', async () => {
      const body = jsonOfSize(2 * MB)
      const chunks: Buffer[] = []
      for (let i = 0; i < body.length; i += 64 * 1024) chunks.push(body.subarray(i, i + 64 * 1024))
      const res = await rawPost('/api/v1/auth/login', chunks, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
      expect(res.status).toBe(413)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(res.body.errors[0].code).toBe('http.body_too_large')
    })

    it('still reads a body under the limit (a chunked one too)', async () => {
      const body = jsonOfSize(MB - 1024)
      const res = await rawPost('/api/v1/auth/login', [body.subarray(0, 1000), body.subarray(1000)], { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
      // Read and validated: the password is too long (422), not too big (413).
      expect(res.status).toBe(422)
      expect(res.body.errors.map((e: { field?: string }) => e.field)).toEqual(['password'])
    })
  })

  describe('text with U+0000', () => {
    it('answers 422 naming the field on anonymous login (email and password)', async () => {
      const res = await login('owner\u0000@clinic.test', 'Sup3rSecret', '192.0.2.1')
      expectError(res, 422, 'validation.nul_character')
      expect(errorFields(res.body)).toEqual(['email'])
      const pw = await login('owner@clinic.test', 'Sup3r\u0000Secret', '192.0.2.1')
      expectError(pw, 422, 'validation.nul_character')
      expect(errorFields(pw.body)).toEqual(['password'])
    })

    it('answers 422 naming the query parameter on patient search', async () => {
      const res = await c.admin.get('/api/v1/patients?search=a%00b')
      expectError(res, 422, 'validation.nul_character')
      expect(errorFields(res.body)).toEqual(['search'])
    })

    it('answers 422 naming the field on patient create and nested fields, and saves nothing', async () => {
      const before = (await c.admin.get('/api/v1/patients?status=all&page_size=1')).body.total
      const res = await c.admin.post('/api/v1/patients', { first_name: 'A\u0000na', last_name: 'Nul' })
      expectError(res, 422, 'validation.nul_character')
      expect(errorFields(res.body)).toEqual(['first_name'])
      const id = await createPatient(c.admin, { first_name: 'Medical', last_name: 'Nul' })
      const medical = await c.admin.request('PUT', `/api/v1/patients/${id}/medical`, { body: { allergies: ['ok', 'b\u0000ad'] } })
      expectError(medical, 422, 'validation.nul_character')
      expect(errorFields(medical.body)).toEqual(['allergies[1]'])
      expect((await c.admin.get('/api/v1/patients?status=all&page_size=1')).body.total).toBe(before + 1)
    })

    it('answers 422 naming a route parameter with U+0000', async () => {
      const res = await c.admin.get('/api/v1/patients/abc%00def')
      expectError(res, 422, 'validation.nul_character')
      expect(errorFields(res.body)).toEqual(['id'])
    })
  })

  describe('dates outside 1900–2200', () => {
    it.each(['0000-01-01', '1899-12-31', '9999-12-31'])('refuses birth date %s with 422 and saves nothing', async (date) => {
      const before = (await c.admin.get('/api/v1/patients?status=all&page_size=1')).body.total
      const res = await c.admin.post('/api/v1/patients', { first_name: 'Old', last_name: 'Date', date_of_birth: date })
      expect(res.status, JSON.stringify(res.body)).toBe(422)
      expect(new Set(errorFields(res.body))).toEqual(new Set(['date_of_birth']))
      expect((await c.admin.get('/api/v1/patients?status=all&page_size=1')).body.total).toBe(before)
    })

    it('accepts 1900-01-01 as a birth date', async () => {
      const res = await c.admin.post('/api/v1/patients', { first_name: 'Very', last_name: 'Old', date_of_birth: '1900-01-01' })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.data.date_of_birth).toBe('1900-01-01')
    })

    it.each([
      ['0000-01-01T10:00:00Z', '0000-01-01T11:00:00Z'],
      ['9999-01-01T10:00:00Z', '9999-01-01T11:00:00Z'],
      ['2201-01-01T10:00:00Z', '2201-01-01T11:00:00Z'],
    ])('refuses an appointment starting %s with 422 naming the times', async (start_time, end_time) => {
      const res = await c.admin.post(`${BASE}/appointments`, { professional_id: c.members.dentist.id, start_time, end_time })
      expect(res.status, JSON.stringify(res.body)).toBe(422)
      expect(new Set(errorFields(res.body))).toEqual(new Set(['start_time', 'end_time']))
    })

    it('accepts an appointment in 2200 and refuses a list range from year 0000', async () => {
      const ok = await c.admin.post(`${BASE}/appointments`, { professional_id: c.members.dentist.id, start_time: '2200-06-01T10:00:00Z', end_time: '2200-06-01T11:00:00Z' })
      expect(ok.status, JSON.stringify(ok.body)).toBe(201)
      const res = await c.admin.get(`${BASE}/appointments?start=0000-01-01T00:00:00Z&end=${encodeURIComponent(slot().end_time)}`)
      expect(res.status, JSON.stringify(res.body)).toBe(422)
      expect(errorFields(res.body)).toEqual(['start'])
    })
  })

  describe('deeply nested JSON', () => {
    it('answers a 100000-deep array 400, and the server keeps serving', async () => {
      const res = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', { raw: `${'['.repeat(100_000)}${']'.repeat(100_000)}` })
      expectError(res, 400, 'http.json_too_deep')
      expect(res.body.errors[0].params).toEqual({ limit: 32 })
      expect((await new ApiClient(server.url).get('/api/health')).status).toBe(200)
    })

    it('answers 33 levels of objects 400 and reads 32 levels', async () => {
      const nest = (depth: number) => `${'{"a":'.repeat(depth - 1)}{"a":1}${'}'.repeat(depth - 1)}`
      expectError(await new ApiClient(server.url).request('POST', '/api/v1/auth/login', { raw: nest(33) }), 400, 'http.json_too_deep')
      // Brackets inside strings do not count.
      const inString = JSON.stringify({ email: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', password: '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\\"' })
      expect((await new ApiClient(server.url).request('POST', '/api/v1/auth/login', { raw: inString, headers: { 'x-forwarded-for': '192.0.2.2' } })).status).toBe(401)
      const deepOk = await new ApiClient(server.url).request('POST', '/api/v1/auth/login', { raw: nest(32) })
      expect(deepOk.status).toBe(422)
      expect(new Set(errorFields(deepOk.body))).toEqual(new Set(['email', 'password']))
    })
  })
})
