import { describe, expect, it } from 'vitest'
import { validateModules, type ModuleUnderValidation } from '../../server/platform/validator'

function manifest(name: string, extra: Record<string, unknown> = {}) {
  return { name, version: '1.0.0', category: 'official', depends: [], installable: true, auto_install: false, removable: false, ...extra }
}

function mod(name: string, extra: Record<string, unknown> = {}, rest: Partial<ModuleUnderValidation> = {}): ModuleUnderValidation {
  return { source: `layers/${name}`, manifest: manifest(name, extra), permissions: [], migrations: [], ...rest }
}

/** The issues of one module, as `path: message` strings. */
function issuesOf(input: ModuleUnderValidation[], name: string): { path: string, message: string }[] {
  const found = validateModules(input).modules.find(m => m.name === name)
  expect(found, `module ${name} in the report`).toBeDefined()
  return found!.issues
}

const paths = (issues: { path: string }[]) => issues.map(i => i.path)

describe('validateModules', () => {
  it('passes a consistent set of modules', () => {
    const report = validateModules([
      mod('patients', { version: '1.4.0', role_permissions: { admin: ['*'], dentist: ['records.*'], receptionist: ['records.read'] }, frontend: { navigation: [{ label: 'nav.patients', to: '/patients', permission: 'patients.records.read' }] } }, {
        permissions: ['records.read', 'records.write'],
        tables: ['patients', 'patients_notes'],
        routes: [{ method: 'GET', path: '/api/v1/patients', file: 'server/api/v1/patients/index.get.ts' }, { method: 'GET', path: '/api/v1/patients/:id', file: 'server/api/v1/patients/[id].get.ts' }],
      }),
      mod('billing', { depends: ['patients@^1.2'], removable: true }, {
        permissions: ['invoices.read'],
        migrations: [{ name: '001_init', hasDown: true }],
        tables: ['billing_invoices'],
        routes: [{ method: 'POST', path: '/api/v1/billing/invoices', file: 'x.post.ts' }, { method: 'GET', path: '/api/v1/billing/invoices', file: 'x.get.ts' }],
      }),
    ])
    expect(report).toEqual({
      ok: true,
      modules: [{ name: 'patients', source: 'layers/patients', issues: [] }, { name: 'billing', source: 'layers/billing', issues: [] }],
    })
  })

  it('keeps the paths of manifest errors, every one of them', () => {
    const report = validateModules([mod('foo', { version: '1.0', colour: 'blue', frontend: { navigation: [{ label: 'x', to: 'x' }] } })])
    expect(report.ok).toBe(false)
    expect(paths(report.modules[0]!.issues)).toEqual(expect.arrayContaining(['version', 'colour', 'frontend.navigation[0].to']))
  })

  it('names a module whose manifest has no usable name after the input name, then the source', () => {
    const report = validateModules([
      { name: 'fallback', source: 'layers/x', manifest: { name: 'Bad Name' }, permissions: [], migrations: [] },
      { source: 'layers/y', manifest: 42, permissions: [], migrations: [] },
    ])
    expect(report.modules.map(m => m.name)).toEqual(['fallback', 'layers/y'])
    expect(report.modules.every(m => m.issues.length > 0)).toBe(true)
  })

  it.each([
    ['unknown dependency', [mod('a', { depends: ['ghost'] })], 'a', 'depends[0]', /unknown module "ghost"/],
    ['unknown dependency with a range', [mod('a', { depends: ['b', 'ghost@^1'] }), mod('b')], 'a', 'depends[1]', /unknown module "ghost"/],
    ['range not satisfied', [mod('a', { depends: ['b@^2'] }), mod('b', { version: '1.3.0' })], 'a', 'depends[0]', /"b@\^2".*1\.3\.0/],
    ['range above', [mod('a', { depends: ['b@<1.0.0'] }), mod('b')], 'a', 'depends[0]', /b@<1\.0\.0/],
  ])('%s', (_label, input, name, path, message) => {
    const issues = issuesOf(input, name)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.path).toBe(path)
    expect(issues[0]!.message).toMatch(message)
  })

  it('reports a cycle with its full path on every member, at the entry that continues it', () => {
    const input = [mod('c', { depends: ['a'] }), mod('a', { depends: ['b'] }), mod('b', { depends: ['x', 'c'] }), mod('x')]
    const report = validateModules(input)
    expect(report.ok).toBe(false)
    const byName = Object.fromEntries(report.modules.map(m => [m.name, m.issues]))
    const message = 'dependency cycle: a -> b -> c -> a'
    expect(byName.a).toEqual([{ path: 'depends[0]', message }])
    expect(byName.b).toEqual([{ path: 'depends[1]', message }])
    expect(byName.c).toEqual([{ path: 'depends[0]', message }])
    expect(byName.x).toEqual([])
  })

  it('counts a module with a broken manifest as present (no "unknown" for its dependents)', () => {
    const input = [mod('a', { depends: ['b@^1'] }), mod('b', { removable: 'no' })]
    expect(issuesOf(input, 'a')).toEqual([])
    expect(paths(issuesOf(input, 'b'))).toEqual(['removable'])
  })

  it('counts a module that failed to load as present, reporting its load error', () => {
    const input: ModuleUnderValidation[] = [
      mod('a', { depends: ['b@^3'] }),
      { name: 'b', source: 'layers/b', manifest: undefined, permissions: [], migrations: [], loadError: 'failed to import: boom' },
    ]
    expect(issuesOf(input, 'a')).toEqual([])
    expect(issuesOf(input, 'b')).toEqual([{ path: 'module.ts', message: 'failed to import: boom' }])
  })

  it('reports duplicate module names on each copy', () => {
    const report = validateModules([mod('a'), { ...mod('a'), source: 'vendor/a' }, mod('b')])
    expect(report.modules.map(m => m.issues.map(i => `${i.path}: ${i.message}`))).toEqual([
      ['name: duplicate module name "a" (also in vendor/a)'],
      ['name: duplicate module name "a" (also in layers/a)'],
      [],
    ])
  })

  describe('role_permissions grants', () => {
    const declared = ['invoices.read', 'invoices.write', 'reports.view', 'export']
    it.each([
      ['*', true],
      ['invoices.read', true],
      ['export', true],
      ['invoices.*', true],
      ['reports.*', true],
      ['invoices.delete', false],
      ['payments.*', false],
      ['export.*', false], // `x.*` matches what starts with `x.`, and nothing is under export.
      ['invoices', false],
      ['billing.invoices.read', false], // grants are module-local
    ])('%s declared: %s', (grant, ok) => {
      const issues = issuesOf([mod('billing', { role_permissions: { admin: ['*'], dentist: ['invoices.read', grant] } }, { permissions: declared })], 'billing')
      if (ok) {
        expect(issues).toEqual([])
      }
      else {
        expect(paths(issues)).toEqual(['role_permissions.dentist[1]'])
        expect(issues[0]!.message).toContain(grant)
      }
    })

    it('hints at the module-local form of an already namespaced grant', () => {
      const issues = issuesOf([mod('billing', { role_permissions: { hygienist: ['billing.export'] } }, { permissions: declared })], 'billing')
      expect(issues[0]!.message).toContain('write "export"')
    })

    it('still checks the grants of a manifest with other errors', () => {
      const issues = issuesOf([mod('billing', { version: 'x', role_permissions: { admin: ['nope'] } }, { permissions: declared })], 'billing')
      expect(paths(issues)).toEqual(['version', 'role_permissions.admin[0]'])
    })
  })

  it.each([
    ['declared', 'patients.records.read', []],
    ['undeclared', 'patients.records.delete', ['frontend.navigation[1].permission']],
    // Not namespaced: the manifest parse reports it once, at the same path.
    ['not namespaced', 'other.read', ['frontend.navigation[1].permission']],
  ])('navigation permission %s', (_label, permission, expected) => {
    const navigation = [{ label: 'a', to: '/a' }, { label: 'b', to: '/b', permission }]
    const issues = issuesOf([mod('patients', { frontend: { navigation } }, { permissions: ['records.read'] })], 'patients')
    expect(paths(issues)).toEqual(expected)
  })

  describe('routes', () => {
    it.each([
      ['/api/v1/billing', true],
      ['/api/v1/billing/', true],
      ['/api/v1/billing/invoices/:id', true],
      ['/api/v1/billing_extra/x', false],
      ['/api/v1/patients/x', false],
      ['/api/billing/x', false],
      ['/billing', false],
    ])('%s inside the prefix: %s', (path, ok) => {
      const issues = issuesOf([mod('billing', {}, { routes: [{ method: 'GET', path, file: 'server/routes/x.get.ts' }] })], 'billing')
      expect(paths(issues)).toEqual(ok ? [] : ['routes[0]'])
      if (!ok) expect(issues[0]!.message).toMatch(/server\/routes\/x\.get\.ts.*outside the module prefix \/api\/v1\/billing\//)
    })

    it('rejects an unknown HTTP method', () => {
      const issues = issuesOf([mod('billing', {}, { routes: [{ method: 'FETCH', path: '/api/v1/billing/x', file: 'x.fetch.ts' }] })], 'billing')
      expect(issues[0]!.message).toContain('FETCH')
    })

    it.each([
      ['same method and path, two modules', [['a', 'GET', '/api/v1/a/x'], ['b', 'GET', '/api/v1/a/x']], 2],
      ['same method and path, one module', [['a', 'GET', '/api/v1/a/x'], ['a', 'get', '/api/v1/a/x/']], 2],
      ['param names differ', [['a', 'GET', '/api/v1/a/:id'], ['a', 'GET', '/api/v1/a/[patientId]']], 2],
      ['any-method file against GET', [['a', '*', '/api/v1/a/x'], ['a', 'GET', '/api/v1/a/x']], 2],
      ['different methods', [['a', 'GET', '/api/v1/a/x'], ['a', 'POST', '/api/v1/a/x']], 0],
      ['different paths', [['a', 'GET', '/api/v1/a/x'], ['a', 'GET', '/api/v1/a/y']], 0],
    ] as const)('duplicate claims: %s', (_label, claims, expected) => {
      const byModule = new Map<string, { method: string, path: string, file: string }[]>()
      claims.forEach(([name, method, path], i) => byModule.set(name, [...(byModule.get(name) ?? []), { method, path, file: `f${i}.ts` }]))
      const report = validateModules([...byModule].map(([name, routes]) => mod(name, {}, { routes })))
      const duplicates = report.modules.flatMap(m => m.issues).filter(i => i.message.includes('also claimed by'))
      expect(duplicates).toHaveLength(expected)
    })

    it('names the other claimant', () => {
      const report = validateModules([
        mod('a', {}, { routes: [{ method: 'GET', path: '/api/v1/a/x', file: 'server/api/v1/a/x.get.ts' }] }),
        mod('b', {}, { routes: [{ method: 'GET', path: '/api/v1/a/x', file: 'server/api/v1/a/x.ts' }] }),
      ])
      expect(report.modules[0]!.issues).toEqual([{ path: 'routes[0]', code: 'modules.route_claimed', message: 'server/api/v1/a/x.get.ts: GET /api/v1/a/x is also claimed by b server/api/v1/a/x.ts' }])
      expect(paths(report.modules[1]!.issues)).toEqual(['routes[0]', 'routes[0]'])
    })
  })

  it.each([
    ['billing', true],
    ['billing_invoices', true],
    ['billingx', false],
    ['invoices', false],
    ['patients', false],
  ])('table %s owned by billing: %s', (table, ok) => {
    const issues = issuesOf([mod('billing', {}, { tables: ['billing_items', table] })], 'billing')
    expect(paths(issues)).toEqual(ok ? [] : ['tables[1]'])
  })

  it('reports a table two modules create', () => {
    const report = validateModules([mod('foo', {}, { tables: ['foo_bar_x'] }), mod('foo_bar', {}, { tables: ['foo_bar_x'] })])
    expect(report.modules.map(m => m.issues.map(i => i.message))).toEqual([
      ['table "foo_bar_x" is also created by foo_bar'],
      ['table "foo_bar_x" is also created by foo'],
    ])
  })

  it.each([
    [true, [{ name: '001', hasDown: true }, { name: '002', hasDown: false }], ['migrations.002']],
    [true, [{ name: '001', hasDown: true }], []],
    [false, [{ name: '001', hasDown: false }], []],
  ])('removable %s with migrations %j -> %j', (removable, migrations, expected) => {
    expect(paths(issuesOf([mod('foo', { removable }, { migrations })], 'foo'))).toEqual(expected)
  })
})
