// The one error mapping turns a database that cannot be reached (pg and PGlite
// connection failures, timeouts, shutdowns) into 503 with Retry-After, and
// nothing else: real query errors keep their own answers.
import { describe, expect, it } from 'vitest'
import { mapError } from '../../server/error-handler'
import { coreRangeProblem, storedError } from '../../server/platform/errors'

function pgError(code: string, message = 'driver text') {
  return Object.assign(new Error(message), { code })
}

describe('database unavailable → 503 db.unavailable with Retry-After', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED', address: '10.1.2.3', port: 5432 })],
    ['connect timeout', Object.assign(new Error('connect ETIMEDOUT 10.1.2.3:5432'), { code: 'ETIMEDOUT' })],
    ['pool connection timeout', new Error('timeout exceeded when trying to connect')],
    ['connection lost', new Error('Connection terminated unexpectedly')],
    ['client-side query timeout (silent database)', new Error('Query read timeout')],
    ['admin shutdown (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['database starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['connection exception class 08', pgError('08006', 'connection failure')],
    ['statement timeout (57014)', pgError('57014', 'canceling statement due to statement timeout')],
    ['PGlite closed', new Error('PGlite is closed')],
    ['wrapped in a cause', new Error('request failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) })],
  ])('%s', (_label, error) => {
    const mapped = mapError(error)
    expect(mapped.status).toBe(503)
    expect(Number(mapped.headers['Retry-After'])).toBeGreaterThan(0)
    expect(mapped.body.errors).toEqual([{ code: 'db.unavailable', message: expect.any(String), params: { retry_after: Number(mapped.headers['Retry-After']) } }])
    // The driver's text (hosts, ports) never reaches the client.
    expect(JSON.stringify(mapped.body)).not.toMatch(/5432|10\.1\.2\.3|127\.0\.0\.1|ECONN|driver text|terminating/)
  })

  it('keeps other database errors as they were', () => {
    expect(mapError(pgError('23505')).status).toBe(409)
    expect(mapError(pgError('42P01', 'relation "x" does not exist')).status).toBe(500)
    expect(mapError(new Error('boom')).status).toBe(500)
  })
})

describe('core version range', () => {
  it.each([
    [{ name: 'm' }, '0.1.0', null],
    [{ name: 'm', min_core_version: '0.1.0', max_core_version: '0.9.0' }, '0.1.0', null],
    [{ name: 'm', min_core_version: '0.2.0' }, '0.1.0', 'modules.core_too_old'],
    [{ name: 'm', max_core_version: '0.0.9' }, '0.1.0', 'modules.core_too_new'],
  ])('%j on core %s → %s', (manifest, core, code) => {
    const problem = coreRangeProblem(manifest, core)
    expect(problem?.code ?? null).toBe(code)
    // Stored as code and params on the row, it reads back as the same item.
    if (problem) expect(storedError(problem.code, problem.params)).toEqual(problem)
  })
})
