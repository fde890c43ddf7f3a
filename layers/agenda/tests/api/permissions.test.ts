import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, isErrorEnvelope } from '../../../../tests/support/http'
import { BASE, book, ROLES, setupOtherClinic, slot, startAgendaSuite } from './helpers'
import type { AgendaSuite, Role } from './helpers'

type Caller = Role | 'anonymous'
const CALLERS: Caller[] = [...ROLES, 'anonymous']

interface Prepared {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  body?: unknown
}

// Written by hand from module.ts role_permissions: admin holds '*'; dentist,
// hygienist, assistant and receptionist hold appointments.read/write and
// cabinets.read (not cabinets.write); nobody signed out gets anything.
const MATRIX: Record<string, Record<Caller, number>> = {
  'GET /cabinets': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'POST /cabinets': { admin: 201, dentist: 403, hygienist: 403, assistant: 403, receptionist: 403, anonymous: 401 },
  'GET /cabinets/{id}': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'PUT /cabinets/{id}': { admin: 200, dentist: 403, hygienist: 403, assistant: 403, receptionist: 403, anonymous: 401 },
  'DELETE /cabinets/{id}': { admin: 204, dentist: 403, hygienist: 403, assistant: 403, receptionist: 403, anonymous: 401 },
  'GET /professionals': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'GET /appointments': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'POST /appointments': { admin: 201, dentist: 201, hygienist: 201, assistant: 201, receptionist: 201, anonymous: 401 },
  'GET /appointments/{id}': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'PUT /appointments/{id}': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
  'DELETE /appointments/{id}': { admin: 204, dentist: 204, hygienist: 204, assistant: 204, receptionist: 204, anonymous: 401 },
  'POST /appointments/{id}/transitions': { admin: 200, dentist: 200, hygienist: 200, assistant: 200, receptionist: 200, anonymous: 401 },
}

const ROWS = Object.entries(MATRIX).flatMap(([route, byCaller]) => CALLERS.map(caller => [route, caller, byCaller[caller]] as const))

describe('agenda permissions and tenancy', () => {
  let { server, c } = {} as AgendaSuite
  let anonymous: ApiClient
  let other: Awaited<ReturnType<typeof setupOtherClinic>>
  let n = 0

  beforeAll(async () => {
    ({ server, c } = await startAgendaSuite())
    anonymous = new ApiClient(server.url)
    other = await setupOtherClinic(server, c.admin)
  })
  afterAll(async () => server?.close())

  /** A fresh target per call (made by the admin), so every allowed call can succeed. */
  async function prepare(route: string): Promise<Prepared> {
    const [method, path] = route.split(' ') as [Prepared['method'], string]
    const dentist = c.members.dentist.id
    n += 1
    if (path.startsWith('/cabinets/{id}')) {
      const cab = await c.admin.post(`${BASE}/cabinets`, { name: `Matrix ${n}` })
      expect(cab.status).toBe(201)
      return { method, path: `${BASE}/cabinets/${cab.body.data.id}`, body: method === 'PUT' ? { name: `Matrix ${n} renamed` } : undefined }
    }
    if (path.startsWith('/appointments/{id}')) {
      const appt = await book(c.admin, { professional_id: dentist })
      const rest = path.slice('/appointments/{id}'.length)
      const body = method === 'PUT' ? { reason: 'Changed' } : rest === '/transitions' ? { to_status: 'confirmed' } : undefined
      return { method, path: `${BASE}/appointments/${appt.id}${rest}`, body }
    }
    if (route === 'POST /cabinets') return { method, path: `${BASE}/cabinets`, body: { name: `New ${n}` } }
    if (route === 'POST /appointments') return { method, path: `${BASE}/appointments`, body: { professional_id: dentist, ...slot() } }
    return { method, path: `${BASE}${path}` }
  }

  it('the matrix lists every agenda route', () => {
    expect(Object.keys(MATRIX)).toHaveLength(12)
    expect(ROWS).toHaveLength(72)
  })

  it.each(ROWS)('%s as %s → %i', async (route, caller, expected) => {
    const target = await prepare(route)
    const client = caller === 'anonymous' ? anonymous : c.members[caller].api
    const res = await client.request(target.method, target.path, { body: target.body })
    expect(res.status, JSON.stringify(res.body)).toBe(expected)
    if (expected >= 400) {
      expect(isErrorEnvelope(res.body)).toBe(true)
      await expectUnchanged(target)
    }
  })

  /** A refused write left its target as the admin prepared it. */
  async function expectUnchanged(target: Prepared) {
    if (target.method === 'GET') return
    if (target.path === `${BASE}/cabinets`) {
      const list = await c.admin.get(`${BASE}/cabinets`)
      expect(list.body.data.map((x: { name: string }) => x.name)).not.toContain((target.body as { name: string }).name)
      return
    }
    if (target.path === `${BASE}/appointments`) {
      const { start_time } = target.body as { start_time: string }
      const list = await c.admin.get(`${BASE}/appointments?start=${encodeURIComponent(start_time)}&end=${encodeURIComponent(new Date(Date.parse(start_time) + 60_000).toISOString())}`)
      expect(list.body.total).toBe(0)
      return
    }
    const check = await c.admin.get(target.path.replace(/\/transitions$/, ''))
    expect(check.status).toBe(200)
    if (target.path.includes('/cabinets/')) expect(check.body.data.name).toMatch(/^Matrix \d+$/)
    else expect(check.body.data).toMatchObject({ status: 'scheduled', reason: null })
  }

  describe('tenant isolation: another clinic\'s rows are 404 on every route', () => {
    let theirCabinet: string
    let theirAppointment: string

    beforeAll(async () => {
      theirCabinet = other.cabinetId
      const res = await other.api.post(`${BASE}/appointments`, { professional_id: other.dentistId, cabinet_id: theirCabinet, ...slot() })
      expect(res.status).toBe(201)
      theirAppointment = res.body.data.id
    })

    it.each(ROLES)('as %s of the first clinic', async (role) => {
      const api = c.members[role].api
      const calls: [string, Promise<{ status: number, body: any }>][] = []
      const run = (label: string, p: Promise<{ status: number, body: any }>) => calls.push([label, p])
      run('GET cabinet', api.get(`${BASE}/cabinets/${theirCabinet}`))
      run('PUT cabinet', api.put(`${BASE}/cabinets/${theirCabinet}`, { name: 'Stolen' }))
      run('DELETE cabinet', api.delete(`${BASE}/cabinets/${theirCabinet}`))
      run('GET appointment', api.get(`${BASE}/appointments/${theirAppointment}`))
      run('PUT appointment', api.put(`${BASE}/appointments/${theirAppointment}`, { reason: 'Stolen' }))
      run('DELETE appointment', api.delete(`${BASE}/appointments/${theirAppointment}`))
      run('POST transition', api.post(`${BASE}/appointments/${theirAppointment}/transitions`, { to_status: 'confirmed' }))
      for (const [label, p] of calls) {
        const res = await p
        // Cabinet writes are 403 before the lookup for roles without cabinets.write.
        const expected = label.endsWith('cabinet') && label !== 'GET cabinet' && role !== 'admin' ? 403 : 404
        expect(res.status, label).toBe(expected)
        expect(isErrorEnvelope(res.body)).toBe(true)
      }
      // Their lists stay theirs: filtering by their rows finds nothing.
      const list = await api.get(`${BASE}/appointments?cabinet_id=${theirCabinet}&professional_id=${other.dentistId}`)
      expect(list.status).toBe(200)
      expect(list.body.total).toBe(0)
      const cabinets = await api.get(`${BASE}/cabinets`)
      expect(cabinets.body.data.map((x: { id: string }) => x.id)).not.toContain(theirCabinet)
    })

    it('and nothing of theirs changed', async () => {
      const appt = await other.api.get(`${BASE}/appointments/${theirAppointment}`)
      expect(appt.status).toBe(200)
      expect(appt.body.data).toMatchObject({ status: 'scheduled', reason: null, cabinet_id: theirCabinet })
      expect(appt.body.data.status_history).toHaveLength(1)
      const cab = await other.api.get(`${BASE}/cabinets/${theirCabinet}`)
      expect(cab.body.data.name).toBe('Cabinet 1')
    })
  })
})
