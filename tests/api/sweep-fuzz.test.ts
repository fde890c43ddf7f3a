import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MISSING_ID, NO_LOGIN_LIMIT } from '../support/fixtures'
import type { ApiClient } from '../support/http'
import { setupBody } from '../support/http'
import { fillPath, routeInventory } from '../support/route-inventory'
import type { Route, SchemaRef } from '../support/route-inventory'
import { startServer } from '../support/server'
import type { TestServer } from '../support/server'
import { brief, buildWorld, envelopeProblem, inPool, isModuleName, paramValues, POOL, send, validBody } from '../support/sweep'
import type { World } from '../support/sweep'

// Property-based fuzz over every route of the build, as clinic A's admin:
// random bodies for every write route (the route's own keys, filled with
// values of any type: NUL, unicode, huge numbers, long strings, far dates,
// nested arrays; and valid bodies with one or two fields replaced), random
// query strings for every route that reads one, random path params. Whatever
// comes in, the answer is never a 5xx and always the JSON envelope.
// Deterministic: a fixed seed per route and a fixed number of runs.

const RUNS = 25
const SEED = 20260909

/** Routes never fuzzed, and why. */
const NOT_FUZZED: Record<string, string> = {
  'POST /api/v1/modules/-/restart': 'restarts the server under the test',
  'POST /api/v1/auth/logout': 'ends the session the fuzz runs with',
  'GET /api/__test__/error': 'test-only route that always answers 500',
}

/** Bodies the fuzz starts from where the sweeps' valid bodies (tests/support/sweep.ts) have none. */
const FUZZ_BASES: Record<string, Record<string, unknown>> = {
  'POST /api/v1/auth/login': { email: 'nobody@sweep.test', password: 'Wrong-passw0rd' },
  'POST /api/v1/auth/token': { email: 'nobody@sweep.test', password: 'Wrong-passw0rd' },
  'POST /api/v1/auth/invites/accept': { token: 'x'.repeat(40), password: 'Sweep-passw0rd' },
  'POST /api/v1/auth/setup': setupBody(),
}

/** Besides the random runs, each of the route's keys (body and query) gets each of these once, the rest of the body valid. */
const EDGES = ['a\u0000b', '0000-01-01', '9999-12-31', '0000-01-01T00:00:00Z']

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The top-level keys of a zod schema (objects, and pipes/refinements/unions/intersections of objects). */
function zodKeys(schema: any, depth = 0): string[] {
  if (!schema || depth > 10) return []
  if (schema.shape && typeof schema.shape === 'object') return Object.keys(schema.shape)
  const def = schema._zod?.def ?? schema.def
  if (!def) return []
  switch (def.type) {
    case 'pipe': return zodKeys(def.in, depth + 1)
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'catch': case 'readonly':
      return zodKeys(def.innerType, depth + 1)
    case 'union': return [...new Set((def.options as unknown[]).flatMap(o => zodKeys(o, depth + 1)))]
    case 'intersection': return [...zodKeys(def.left, depth + 1), ...zodKeys(def.right, depth + 1)]
    default: return []
  }
}

async function keysOf(ref: SchemaRef | null): Promise<string[]> {
  if (!ref?.file) return []
  const mod = await import(ref.file)
  return zodKeys(mod[ref.name])
}

const deep = (depth: number): unknown => {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { n: v }
  return v
}

/** Values of every type, with the edge cases that broke servers before. */
function values(ids: string[]) {
  const nasty = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', 'Ana\u0000', '\u0000\u0000\u0000') },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map(x => `${x}\u0000${x}`) },
    { weight: 3, arbitrary: fc.constantFrom(
      '0000-01-01', '99999-01-01', '0000-01-01T00:00:00Z', '-000001-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z',
      '9999-12-31T23:59:59Z', '2026-02-30', '2026-13-45T25:61:00Z', '1899-12-31', '2026-03-12T10:00:00+14:00', '99999-01-01T10:00:00Z',
    ) },
    { weight: 2, arbitrary: fc.constantFrom(
      '\uD800', '\uDFFF', '💥🦷', 'Ñúñez Ç', '\u202Eevil', '  ', '', 'NaN', 'Infinity', '-1', '1e400', 'null', 'true', '[]', '{}',
      '<script>alert(1)</script>', '\' or 1=1 --', '%00', '../../etc/passwd', '#zzzzzz', 'admin', 'receptionist', 'confirmed',
      'in_treatment', 'es', 'XX', 'Europe/Nowhere', 'not-a-uuid',
    ) },
    { weight: 1, arbitrary: fc.nat({ max: 40_000 }).map(n => 'x'.repeat(n)) },
  )
  const strings = fc.oneof(
    { weight: 4, arbitrary: nasty },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(MISSING_ID, ...ids) },
  )
  const numbers = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 2 ** 31, -1, 0, 0.5, 1e21),
  )
  const leaves = fc.oneof({ weight: 4, arbitrary: strings }, { weight: 2, arbitrary: numbers }, { weight: 1, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(null) })
  const any = fc.oneof(
    { weight: 6, arbitrary: leaves },
    { weight: 1, arbitrary: fc.array(fc.array(leaves, { maxLength: 3 }), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), leaves, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 3000 }).map(deep) },
  )
  return { strings, nasty, any }
}

/** Random bodies for a route: its own keys with any values, a valid body with fields replaced, random objects, non-objects. */
function bodies(keys: string[], valid: Record<string, unknown>, v: ReturnType<typeof values>) {
  const own = keys.length ? fc.record(Object.fromEntries(keys.map(k => [k, v.any])), { requiredKeys: [] }) : fc.constant({})
  const all = [...new Set([...Object.keys(valid), ...keys])]
  const mutated = all.length
    ? fc.tuple(fc.subarray(all, { minLength: 1, maxLength: Math.min(2, all.length) }), fc.array(v.any, { minLength: 2, maxLength: 2 }))
        .map(([ks, vals]) => ({ ...valid, ...Object.fromEntries(ks.map((k, i) => [k, vals[i]])) }))
    : own
  // The valid body with one or two of the route's fields (sent or not) made nasty: NUL, far dates, long text.
  const typed = all.length
    ? fc.tuple(fc.subarray(all, { minLength: 1, maxLength: Math.min(2, all.length) }), fc.array(v.nasty, { minLength: 2, maxLength: 2 }))
        .map(([ks, vals]) => ({ ...valid, ...Object.fromEntries(ks.map((k, i) => [k, vals[i]])) }))
    : own
  const textual = keys.length ? fc.record(Object.fromEntries(keys.map(k => [k, fc.oneof(v.strings, v.any)])), { requiredKeys: [] }) : own
  return fc.oneof(
    { weight: 4, arbitrary: typed },
    { weight: 2, arbitrary: mutated },
    { weight: 2, arbitrary: textual },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), v.any, { maxKeys: 5 }) },
    { weight: 1, arbitrary: v.any },
  )
}

/** Random query strings over a route's query keys (and a few common ones), values as text, sometimes repeated. */
function queries(keys: string[], v: ReturnType<typeof values>) {
  const names = [...new Set([...keys, 'page', 'page_size', 'search', 'status'])]
  const text = fc.oneof(v.strings.map(s => s.slice(0, 2000)), v.any.map(x => (typeof x === 'string' ? x : JSON.stringify(x) ?? '').slice(0, 2000)))
  const one = fc.tuple(fc.constantFrom(...names), text).map(pair => [pair])
  const many = fc.array(fc.tuple(fc.constantFrom(...names), text), { maxLength: 5 })
  return fc.oneof({ weight: 2, arbitrary: one }, { weight: 1, arbitrary: many }).map((pairs) => {
    const q = new URLSearchParams()
    for (const [k, val] of pairs) q.append(k, val)
    const s = q.toString()
    return s ? `?${s}` : ''
  })
}

/** A path param must be well-formed UTF-16 to be percent-encoded: a lone surrogate (a pair cut by the slice) becomes U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

function seedOf(key: string): number {
  return SEED ^ createHash('sha256').update(key).digest().readUInt32LE(0)
}

interface Failure {
  route: string
  status: number
  problem: string
  request: string
  body: string
}

describe('fuzz sweep: random input never gets a 5xx or leaves the envelope', () => {
  let server: TestServer
  let world: World
  let admin: ApiClient
  const routes = routeInventory().filter(r => !NOT_FUZZED[r.key])
  const fuzzed = routes

  beforeAll(async () => {
    server = await startServer({ env: NO_LOGIN_LIMIT })
    world = await buildWorld(server)
    // A session of its own, so whatever the fuzz changes about a session stays in it.
    admin = await world.callers.admin.fresh()
  })
  afterAll(async () => server?.close())

  it('lists only routes that exist as not fuzzed', () => {
    const keys = new Set(routeInventory().map(r => r.key))
    for (const key of Object.keys(NOT_FUZZED)) expect(keys, key).toContain(key)
    expect(fuzzed.length).toBeGreaterThan(20)
  })

  it(`${RUNS} random requests and the edge cases on every route: no 5xx, always the envelope`, { timeout: 480_000 }, async () => {
    const ids = Object.values(world.rows)
    const v = values(ids)
    const cases: { route: Route, method: string, path: string, body: unknown }[] = []
    for (const route of fuzzed) {
      const { values: realistic } = await paramValues(world, route, WRITE.has(route.method))
      const bodyKeys = await keysOf(route.body)
      const queryKeys = await keysOf(route.query)
      const valid = FUZZ_BASES[route.key] ?? validBody(world, route, world.callers.admin)
      const param = (p: string): fc.Arbitrary<string> => fc.oneof(
        { weight: 3, arbitrary: fc.constant(realistic[p]!) },
        { weight: 1, arbitrary: isModuleName(route, p) ? fc.constantFrom('sample_broken', 'nope', 'patients\u0000', '..', 'Sample Base') : v.strings.map(s => wellFormed(s.slice(0, 200)) || 'x') },
      )
      const base = valid && typeof valid === 'object' ? valid as Record<string, unknown> : {}
      const withBody = WRITE.has(route.method) && route.method !== 'DELETE'
      const arb = fc.record({
        params: fc.record(Object.fromEntries(route.params.map(p => [p, param(p)]))) as fc.Arbitrary<Record<string, string>>,
        body: withBody ? bodies(bodyKeys, base, v) : fc.constant(undefined),
        query: route.query ? queries(queryKeys, v) : fc.constant(''),
      })
      const edgeBodies = withBody ? [...new Set([...Object.keys(base), ...bodyKeys])].flatMap(k => EDGES.map(e => ({ ...base, [k]: e }))) : []
      const edgeQueries = queryKeys.flatMap(k => EDGES.map(e => `?${new URLSearchParams({ [k]: e })}`))
      for (const body of edgeBodies) cases.push({ route, method: route.method, path: fillPath(route, realistic), body })
      for (const query of edgeQueries) cases.push({ route, method: route.method, path: fillPath(route, realistic) + query, body: withBody ? base : undefined })
      for (const sample of fc.sample(arb, { seed: seedOf(route.key), numRuns: RUNS })) {
        // Module lifecycle writes with a real module would change the installation: only the invalid fixture module or unknown names.
        const params = Object.fromEntries(Object.entries(sample.params).map(([k, val]) => [k, isModuleName(route, k) && route.method !== 'GET' && val === 'patients' ? 'sample_broken' : val]))
        cases.push({ route, method: route.method, path: fillPath(route, params) + sample.query, body: sample.body })
      }
    }

    const failures: Failure[] = []
    await inPool(cases, POOL, async ({ route, method, path, body }) => {
      let res
      try {
        res = await send(admin, method, path, body)
      }
      catch (error) {
        failures.push({ route: route.key, status: 0, problem: `request failed: ${(error as Error).message}`, request: `${method} ${path.slice(0, 200)}`, body: '' })
        return
      }
      const problem = res.status >= 500 ? `${res.status}` : envelopeProblem(res)
      if (problem) failures.push({ route: route.key, status: res.status, problem, request: `${method} ${brief(path, 200)} ${brief(body, 200)}`, body: brief(res.body) })
    })

    console.info(`fuzz sweep: ${fuzzed.length} routes, ${cases.length} requests, ${failures.length} failures (5xx or non-envelope)`)
    const byRoute = new Map<string, Failure[]>()
    for (const f of failures) byRoute.set(f.route, [...(byRoute.get(f.route) ?? []), f])
    const report = [...byRoute].map(([route, fs]) => [
      `${route}: ${fs.length} of ${cases.filter(c => c.route.key === route).length}, e.g. ${fs[0]!.body}`,
      ...fs.map(f => `  ${f.problem} ← ${f.request}`),
    ].join('\n'))
    expect(failures.length, report.join('\n')).toBe(0)
  })
})
