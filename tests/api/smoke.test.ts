import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope } from '../support/http'
import { startServer } from '../support/server'
import type { TestServer } from '../support/server'

describe('server basics', () => {
  let server: TestServer
  let api: ApiClient
  beforeAll(async () => {
    server = await startServer()
    api = new ApiClient(server.url)
  })
  afterAll(async () => server?.close())

  it('answers liveness with the core version and a request id', async () => {
    const res = await api.get('/api/health')
    expect(res.status).toBe(200)
    expect(res.body.data.status).toBe('ok')
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers unknown api routes with a 404 envelope', async () => {
    const res = await api.get('/api/v1/nope')
    expect(res.status).toBe(404)
    expect(isErrorEnvelope(res.body)).toBe(true)
  })
})
