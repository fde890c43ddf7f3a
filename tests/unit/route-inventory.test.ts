import { describe, expect, it } from 'vitest'
import { OFFICIAL_MODULES } from '../support/official-modules'
import { parseAccess, parseRoutePath, routeFiles, routeInventory } from '../support/route-inventory'

describe('route inventory (what the API sweeps run over)', () => {
  it('parses every route file of the core, the official layers and the fixture modules, none left out', () => {
    const files = routeFiles()
    const routes = routeInventory()
    expect(routes).toHaveLength(files.length)
    expect(routes.map(r => r.file)).toEqual(files)
    // Every root is found: the core, each official layer, the fixture community modules with routes.
    expect([...new Set(routes.map(r => r.module))]).toEqual(expect.arrayContaining(['core', ...OFFICIAL_MODULES, 'sample_base', 'sample_module']))
    expect(new Set(routes.map(r => r.key)).size).toBe(routes.length)
  })

  it.each([
    ['v1/patients/index.get.ts', 'GET', '/api/v1/patients', []],
    ['v1/patients/[id].put.ts', 'PUT', '/api/v1/patients/:id', ['id']],
    ['v1/patients/[id]/medical.get.ts', 'GET', '/api/v1/patients/:id/medical', ['id']],
    ['v1/modules/[name]/-/operations.get.ts', 'GET', '/api/v1/modules/:name/-/operations', ['name']],
    ['v1/modules/-/restart.post.ts', 'POST', '/api/v1/modules/-/restart', []],
    ['v1/auth/setup/index.post.ts', 'POST', '/api/v1/auth/setup', []],
    ['[...path].ts', 'ALL', '/api/**', ['path']],
    ['health.get.ts', 'GET', '/api/health', []],
    ['v1/x/[id].patch.ts', 'PATCH', '/api/v1/x/:id', ['id']],
  ])('%s → %s %s', (file, method, path, params) => {
    expect(parseRoutePath(file)).toEqual({ method, path, params })
  })

  it('reads the guard each handler calls', () => {
    expect(parseAccess(`await requirePermission(event, 'patients.read')`, 'f')).toEqual({ kind: 'permission', permission: 'patients.read' })
    expect(parseAccess(`await requireModuleAdmin(event, 'admin.clinic.write')`, 'f')).toEqual({ kind: 'module-admin', permission: 'admin.clinic.write' })
    expect(parseAccess(`const auth = await requireAuth(event)`, 'f')).toEqual({ kind: 'member' })
    expect(parseAccess(`export default defineEventHandler(() => ok(1))`, 'f')).toEqual({ kind: 'public' })
    // A guard it cannot read never passes as public.
    expect(() => parseAccess(`await requirePermission(event, perm)`, 'f')).toThrow(/cannot read/)
    expect(() => parseAccess(`await requireAuth(event); await requirePermission(event, 'a.b')`, 'f')).toThrow(/more than one/)
  })

  it('finds the guard, body and query schema of the real handlers', () => {
    const byKey = Object.fromEntries(routeInventory().map(r => [r.key, r]))
    expect(byKey['POST /api/v1/agenda/appointments']).toMatchObject({
      module: 'agenda',
      origin: 'official',
      access: { kind: 'permission', permission: 'agenda.appointments.write' },
      body: { name: 'appointmentCreateSchema', file: expect.stringMatching(/layers\/agenda\/models\.ts$/) },
    })
    expect(byKey['GET /api/v1/patients']!.query).toMatchObject({ name: 'patientListQuerySchema', file: expect.stringMatching(/layers\/patients\/models\.ts$/) })
    expect(byKey['PUT /api/v1/auth/users/:id']!.body).toMatchObject({ name: 'updateUserSchema', file: expect.stringMatching(/shared\/schemas\/auth\.ts$/) })
    expect(byKey['POST /api/v1/auth/login']!.access).toEqual({ kind: 'public' })
    expect(byKey['GET /api/v1/auth/me']!.access).toEqual({ kind: 'member' })
    expect(byKey['POST /api/v1/modules/:name/install']!.access).toEqual({ kind: 'module-admin', permission: 'admin.clinic.write' })
    expect(byKey['GET /api/v1/sample_module/notes']).toMatchObject({ module: 'sample_module', origin: 'fixture' })
  })
})
