import { describe, expect, it } from 'vitest'
import { NO_LOGIN_LIMIT, OWNER } from '../support/fixtures'
import { ApiClient, isErrorEnvelope } from '../support/http'
import type { ApiResult } from '../support/http'
import { startServer } from '../support/server'
import { ownerSuite } from '../support/suite'

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const part of csp.split(';').map(p => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/)
    out.set(name!.toLowerCase(), values)
  }
  return out
}

// Response headers of the HTML pages and the API (CSP with a per-response
// nonce, framing, sniffing, referrer, permissions, no X-Powered-By) and the
// CSRF checks on API writes (Origin null, cross-site Referer, form content types).
describe('security headers and CSRF', () => {
  const suite = ownerSuite()

  describe('HTML pages', () => {
    it('serve /login with a nonce-based CSP that matches every inline script, and the other headers', async () => {
      const res = await fetch(`${suite.server.url}/login`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      const html = await res.text()
      const csp = res.headers.get('content-security-policy')
      expect(csp).toBeTruthy()
      const d = directives(csp!)
      const nonce = d.get('script-src')?.find(v => v.startsWith('\'nonce-'))?.slice(7, -1)
      expect(nonce, csp!).toMatch(/^[\w+/=-]{16,}$/)
      expect(d.get('script-src')).toEqual(expect.arrayContaining(['\'strict-dynamic\'', `'nonce-${nonce}'`]))
      expect(csp).not.toContain('unsafe-eval')
      expect(d.get('script-src')).not.toContain('\'unsafe-inline\'')
      expect(d.get('frame-ancestors')).toEqual(['\'none\''])
      expect(d.get('object-src')).toEqual(['\'none\''])
      expect(d.get('base-uri')).toEqual(['\'none\''])
      expect(d.get('default-src')).toEqual(['\'self\''])
      // Every script tag carries the nonce (inline payload and module entry alike).
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(m => m[0])
      expect(scripts.length).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`)
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
      const permissions = res.headers.get('permissions-policy')
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) expect(permissions).toContain(feature)
      // Not in production (NODE_ENV=test): HSTS would pin plain-HTTP test servers.
      expect(res.headers.get('strict-transport-security')).toBeNull()
      expect(res.headers.get('x-powered-by')).toBeNull()
    })

    it('uses a fresh nonce for every response', async () => {
      const nonceOf = async () => (await fetch(`${suite.server.url}/login`)).headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]
      expect(await nonceOf()).not.toBe(await nonceOf())
    })

    it('sends HSTS when the server runs in production', { timeout: 120_000 }, async () => {
      const prod = await startServer({ env: { ...NO_LOGIN_LIMIT, NODE_ENV: 'production' } })
      try {
        const res = await fetch(`${prod.url}/login`)
        expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}; includeSubDomains$/)
        const api = await fetch(`${prod.url}/api/health`)
        expect(api.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/)
      }
      finally {
        await prod.close()
      }
    })
  })

  describe('API responses', () => {
    it('carry nosniff and no X-Powered-By, success and error alike', async () => {
      const responses = [
        await fetch(`${suite.server.url}/api/health`),
        await fetch(`${suite.server.url}/api/v1/auth/me`),
        await fetch(`${suite.server.url}/api/v1/nope`),
        await fetch(`${suite.server.url}/login`),
        await fetch(`${suite.server.url}/no-such-page`),
      ]
      for (const res of responses) {
        expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff')
        expect(res.headers.get('x-powered-by'), res.url).toBeNull()
      }
      // The API envelope is unchanged by the headers module.
      const me = await new ApiClient(suite.server.url).get('/api/v1/auth/me')
      expect(me.status).toBe(401)
      expect(isErrorEnvelope(me.body)).toBe(true)
    })
  })

  describe('CSRF', () => {
    async function memberCount(): Promise<number> {
      const res = await suite.owner.get('/api/v1/auth/users?page_size=1')
      expect(res.status).toBe(200)
      return res.body.total
    }

    function expectRefused(res: ApiResult, status: number, code: string) {
      expect(res.status, JSON.stringify(res.body)).toBe(status)
      expect(isErrorEnvelope(res.body)).toBe(true)
      expect(res.body.errors[0].code).toBe(code)
      expect(res.setCookies.filter(c => c.startsWith('dentalpin_session='))).toEqual([])
    }

    const newMember = (email: string) => ({ email, first_name: 'C', last_name: 'Srf', role: 'receptionist' })

    it('refuses a write with Origin: null (403) and saves nothing', async () => {
      const before = await memberCount()
      expectRefused(await suite.owner.post('/api/v1/auth/users', newMember('null-origin@csrf.test'), { headers: { origin: 'null' } }), 403, 'http.bad_origin')
      expectRefused(await new ApiClient(suite.server.url).post('/api/v1/auth/login', OWNER, { headers: { origin: 'null' } }), 403, 'http.bad_origin')
      expect(await memberCount()).toBe(before)
    })

    it('refuses a write without Origin but with a cross-site Referer (403) and saves nothing', async () => {
      const before = await memberCount()
      expectRefused(await suite.owner.post('/api/v1/auth/users', newMember('referer@csrf.test'), { headers: { referer: 'https://evil.example/page' } }), 403, 'http.bad_origin')
      expectRefused(await suite.owner.post('/api/v1/auth/users', newMember('referer@csrf.test'), { headers: { referer: 'not a url' } }), 403, 'http.bad_origin')
      expect(await memberCount()).toBe(before)
    })

    it('accepts a same-origin Referer, and a same-origin Origin', async () => {
      expect((await new ApiClient(suite.server.url).post('/api/v1/auth/login', OWNER, { headers: { referer: `${suite.server.url}/login` } })).status).toBe(200)
      expect((await new ApiClient(suite.server.url).post('/api/v1/auth/login', OWNER, { headers: { origin: suite.server.url } })).status).toBe(200)
    })

    it.each([
      ['application/x-www-form-urlencoded', 'email=x%40y.test&first_name=C&last_name=S&role=receptionist&password=Csrf-passw0rd'],
      ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nx@y.test\r\n--xyz--\r\n'],
      ['text/plain', JSON.stringify(newMember('plain@csrf.test'))],
      ['text/plain;charset=UTF-8', JSON.stringify(newMember('plain2@csrf.test'))],
    ])('refuses a %s body on a JSON route with 415 and saves nothing', async (type, raw) => {
      const before = await memberCount()
      expectRefused(await suite.owner.request('POST', '/api/v1/auth/users', { raw, headers: { 'content-type': type } }), 415, 'http.unsupported_media_type')
      expect(await memberCount()).toBe(before)
    })

    it('refuses a form-encoded anonymous login with 415', async () => {
      const res = await new ApiClient(suite.server.url).request('POST', '/api/v1/auth/login', {
        raw: `email=${encodeURIComponent(OWNER.email)}&password=${OWNER.password}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expectRefused(res, 415, 'http.unsupported_media_type')
    })

    it('keeps bearer-token calls without a cookie or Origin working (scripts, curl)', async () => {
      const token = await new ApiClient(suite.server.url).post('/api/v1/auth/token', OWNER)
      expect(token.status).toBe(201)
      const script = new ApiClient(suite.server.url)
      script.bearer = token.body.data.token
      const res = await script.post('/api/v1/auth/users', newMember('script@csrf.test'))
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      // A write without a body needs no content type.
      expect((await script.request('POST', '/api/v1/auth/logout')).status).toBeLessThan(300)
    })
  })
})
