// A small HTTP client for API tests: real requests, a cookie jar per client.

export interface ApiResult<T = any> {
  status: number
  headers: Headers
  body: T
  setCookies: string[]
}

export interface RequestOptions {
  body?: unknown
  headers?: Record<string, string>
  /** Send this raw string as the body (for malformed JSON tests). */
  raw?: string
}

export class ApiClient {
  cookies = new Map<string, string>()
  bearer: string | null = null
  clinicId: string | null = null

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json'
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`
    if (this.clinicId) headers['x-clinic-id'] = this.clinicId
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
      redirect: 'manual',
    })
    const setCookies = res.headers.getSetCookie()
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';')
      const [name, ...rest] = pair!.split('=')
      const value = rest.join('=')
      const expired = attrs.some(a => /max-age=0/i.test(a.trim())) || value === ''
      if (expired) this.cookies.delete(name!.trim())
      else this.cookies.set(name!.trim(), value)
    }
    const text = await res.text()
    let body: any = text
    if (text && res.headers.get('content-type')?.includes('application/json')) body = JSON.parse(text)
    return { status: res.status, headers: res.headers, body, setCookies }
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options)
  }

  post<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body })
  }

  put<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, { ...options, body })
  }

  delete<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options)
  }
}

/** A valid setup body; override what a test cares about. */
/** A client of `url` that presents this session cookie (a session kept across a restart, a replayed or forged one). */
export function withSession(url: string, secret: string): ApiClient {
  const api = new ApiClient(url)
  api.cookies.set('dentalpin_session', secret)
  return api
}

export function setupBody(overrides: Record<string, unknown> = {}) {
  return {
    admin_email: 'owner@clinic.test',
    admin_password: 'Sup3rSecret',
    admin_first_name: 'Olga',
    admin_last_name: 'Owner',
    clinic_name: 'Clínica Sonrisa',
    timezone: 'Europe/Madrid',
    currency: 'EUR',
    country: 'ES',
    language: 'es',
    ...overrides,
  }
}

/** Asserts nothing; returns whether a body has the ErrorResponse shape. */
export function isErrorEnvelope(body: any): boolean {
  return body !== null && typeof body === 'object' && body.data === null
    && typeof body.message === 'string' && Array.isArray(body.errors)
}
