// The module rules (server/platform/rules.ts), table-driven, and the build's
// use of them: the build, `npm run modules -- validate` and the server judge
// modules with these same functions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { discoverModules, scanRoutes } from '../../modules/dentalpin-platform/discovery'
import { checkBuildRules } from '../../modules/dentalpin-platform/inspect'
import type { InspectedModule } from '../../modules/dentalpin-platform/inspect'
import {
  checkDownMigrations, checkDuplicateNames, checkEntry, checkModels, checkRoutes, checkSharedTables, checkTableOwnership,
  ownerOf, ownsTable, readModuleExport, routeKey, routeOfFile,
} from '../../server/platform/rules'
import type { RouteOwner } from '../../server/platform/rules'

const codes = (issues: { code: string }[]) => issues.map(i => i.code)

describe('routes', () => {
  it.each([
    ['v1/x/index.get.ts', '/api', 'GET /api/v1/x'],
    ['v1/x/[id].put.ts', '/api', 'PUT /api/v1/x/:id'],
    ['v1/x/[id]/transitions.post.ts', '/api', 'POST /api/v1/x/:id/transitions'],
    ['v1/x/(group)/all.ts', '/api', '* /api/v1/x/all'],
    ['v1/x/[...rest].ts', '/api', '* /api/v1/x/**:rest'],
    ['feed.xml.get.ts', '', 'GET /feed.xml'],
  ] as const)('file %s under %j serves %s', (file, base, expected) => {
    const r = routeOfFile(file, base)
    expect(`${r.method} ${r.path}`).toBe(expected)
  })

  it.each([
    ['/api/v1/x/:id/notes/:noteId', '/api/v1/x/:/notes/:'],
    ['/api/v1/x/[id]/', '/api/v1/x/:'],
    ['/api/v1/x/[...all]', '/api/v1/x/**'],
    ['/api/v1/x/**:all', '/api/v1/x/**'],
  ])('%s has the shape %s', (path, key) => expect(routeKey(path)).toBe(key))

  const billing = (...routes: [string, string][]): RouteOwner => ({ name: 'billing', routes: routes.map(([method, path], i) => ({ method, path, file: `f${i}.ts` })) })
  it.each<[string, RouteOwner[], string[][]]>([
    ['under the prefix', [billing(['GET', '/api/v1/billing'], ['GET', '/api/v1/billing/x/'], ['POST', '/api/v1/billing/invoices/:id'])], [[]]],
    ['outside the prefix', [billing(['GET', '/api/v1/billing_extra/x'], ['GET', '/api/v1/patients/x'], ['GET', '/billing'])], [['modules.route_outside_prefix', 'modules.route_outside_prefix', 'modules.route_outside_prefix']]],
    ['unknown method', [billing(['FETCH', '/api/v1/billing/x'])], [['modules.route_method']]],
    ['one path twice, param names differ', [billing(['GET', '/api/v1/billing/:id'], ['GET', '/api/v1/billing/[invoiceId]'])], [['modules.route_claimed', 'modules.route_claimed']]],
    ['any-method file against GET', [billing(['*', '/api/v1/billing/x'], ['GET', '/api/v1/billing/x'])], [['modules.route_claimed', 'modules.route_claimed']]],
    ['different methods', [billing(['GET', '/api/v1/billing/x'], ['POST', '/api/v1/billing/x'])], [[]]],
    ['a core route claimed again', [{ name: 'core', core: true, routes: [{ method: 'GET', path: '/api/v1/billing/x', file: 'core.ts' }] }, billing(['GET', '/api/v1/billing/x'])], [['modules.route_claimed'], ['modules.route_claimed']]],
    ['the core catch-all yields', [{ name: 'core', core: true, routes: [{ method: '*', path: '/api/**:path', file: 'core.ts' }] }, billing(['GET', '/api/v1/billing/x'])], [[], []]],
  ])('%s', (_label, owners, expected) => {
    expect(checkRoutes(owners).map(codes)).toEqual(expected)
  })
})

describe('names, tables, models, migrations', () => {
  it.each([
    [[['a', 'layers/a'], ['a', 'vendor/a'], ['b', 'layers/b']], [['modules.duplicate_name'], ['modules.duplicate_name'], []]],
    [[['a', 'layers/a'], ['b', 'layers/b']], [[], []]],
  ])('duplicate names %j', (modules, expected) => {
    expect(checkDuplicateNames(modules.map(([name, source]) => ({ name: name!, source: source! }))).map(codes)).toEqual(expected)
  })

  it.each([
    ['billing', 'billing', true],
    ['billing', 'billing_invoices', true],
    ['billing', 'billingx', false],
    ['billing', 'patients', false],
  ])('%s owns %s: %s', (module, table, owned) => {
    expect(ownsTable(module, table)).toBe(owned)
    expect(codes(checkTableOwnership(module, [table]))).toEqual(owned ? [] : ['modules.table_not_owned'])
  })

  it.each([
    ['foo_bar_x', ['foo', 'foo_bar'], 'foo_bar'],
    ['foo_x', ['foo', 'foo_bar'], 'foo'],
    ['bar', ['foo'], null],
  ])('the owner of %s among %j is %s', (table, modules, owner) => expect(ownerOf(table, modules)).toBe(owner))

  it('reports a table two modules create, to each', () => {
    expect(checkSharedTables([{ name: 'foo', tables: ['foo_bar_x'] }, { name: 'foo_bar', tables: ['foo_bar_x'] }, { name: 'z', tables: ['z'] }]).map(codes))
      .toEqual([['modules.table_shared'], ['modules.table_shared'], []])
  })

  it.each([
    [['a_x'], ['a_x'], null],
    [[], [], null],
    [['a_x', 'a_gone'], ['a_x'], { missing: ['a_gone'], undeclared: [] }],
    [['a_x'], ['a_x', 'a_y'], { missing: [], undeclared: ['a_y'] }],
  ])('models %j against tables %j', (declared, tables, params) => {
    const problem = checkModels('a', declared, tables)
    if (params === null) expect(problem).toBeNull()
    else expect(problem).toMatchObject({ code: 'modules.models_mismatch', params: { module: 'a', ...params } })
  })

  it.each([
    [true, [{ name: '001', hasDown: true }, { name: '002', hasDown: false }], ['migrations.002']],
    [true, [{ name: '001', hasDown: true }], []],
    [false, [{ name: '001', hasDown: false }], []],
  ])('removable %s with migrations %j -> %j', (removable, migrations, paths) => {
    expect(checkDownMigrations('a', removable, migrations).map(i => i.path)).toEqual(paths)
  })
})

describe('loading', () => {
  /* eslint-disable @typescript-eslint/no-extraneous-class -- module classes as module.ts files export them */
  class Static {
    static manifest = { name: 'a' }
  }
  class Both {
    static manifest = { name: 'static' }
    manifest = { name: 'own' }
  }
  class Legacy {
    get name() { return 'old' }
    get version() { return '0.1.0' }
  }
  class Empty {}
  class Throws {
    constructor() { throw new Error('boom') }
  }
  /* eslint-enable @typescript-eslint/no-extraneous-class */
  it.each<[string, unknown, string | null]>([
    ['a class with a static manifest', Static, 'a'],
    ['an instance manifest first', Both, 'own'],
    ['a legacy class', Legacy, 'old'],
    ['no manifest, no legacy getters', Empty, null],
    ['no default export', undefined, null],
    ['a constructor that throws', Throws, null],
    ['an object', { manifest: { name: 'obj' } }, 'obj'],
  ])('%s', (_label, exported, name) => {
    const read = readModuleExport(exported)
    expect(read.ok ? (read.manifest as { name: string }).name : null).toBe(name)
  })

  it.each<[string, Parameters<typeof checkEntry>[0], Parameters<typeof checkEntry>[1], string[]]>([
    ['fine', { id: 'notes', category: 'official', dataFiles: ['data/a.yaml'] }, { name: 'notes', category: 'official', data_files: ['data/a.yaml'] }, []],
    ['a reserved name', { id: 'auth' }, { name: 'auth' }, ['modules.name_reserved']],
    ['official found through configuration', { id: 'x', category: 'community' }, { name: 'x', category: 'official' }, ['modules.category_mismatch']],
    ['folder and name differ', { id: 'x', category: 'official' }, { name: 'y', category: 'official' }, ['modules.folder_mismatch']],
    ['a data file it does not ship', { id: 'x', dataFiles: [] }, { name: 'x', data_files: ['data/a.yaml'] }, ['modules.data_file_missing']],
  ])('entry: %s', (_label, found, manifest, expected) => expect(codes(checkEntry(found, manifest))).toEqual(expected))
})

// ---------------------------------------------------------------- the build

const roots: string[] = []
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true })
})

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dentalpin-build-'))
  roots.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

function official(root: string, id: string, name = id): InspectedModule {
  const dir = join(root, 'layers', id)
  return { id, category: 'official', dir, moduleFile: join(dir, 'module.ts'), migrationFiles: [], dataFiles: [], name, layerPath: null, loadError: null }
}

const handler = 'export default defineEventHandler(() => null)\n'

describe('the build applies the same rules to the files', () => {
  it('scans routes by Nitro file naming', () => {
    const root = project({ 'server/api/v1/x/[id].put.ts': handler, 'server/routes/feed.xml.get.ts': handler })
    expect(scanRoutes(join(root, 'server')).map(r => `${r.method} ${r.path}`)).toEqual(['PUT /api/v1/x/:id', 'GET /feed.xml'])
  })

  it.each<[string, Record<string, string>, [string, string][], string[]]>([
    ['routes under the prefix', { 'layers/billing/server/api/v1/billing/invoices/index.get.ts': handler }, [['billing', 'billing']], []],
    ['a route outside the prefix', { 'layers/billing/server/api/v1/patients/hack.get.ts': handler }, [['billing', 'billing']], ['billing: layers/billing/server/api/v1/patients/hack.get.ts: GET /api/v1/patients/hack is outside the module prefix /api/v1/billing/']],
    ['a core route claimed again', { 'server/api/v1/auth/me.get.ts': handler, 'layers/auth/server/api/v1/auth/me.get.ts': handler }, [['auth', 'auth']], [
      'core: server/api/v1/auth/me.get.ts: GET /api/v1/auth/me is also claimed by auth layers/auth/server/api/v1/auth/me.get.ts',
      'auth: layers/auth/server/api/v1/auth/me.get.ts: GET /api/v1/auth/me is also claimed by core server/api/v1/auth/me.get.ts',
    ]],
    ['two modules with one name', { 'layers/a/module.ts': '', 'layers/b/module.ts': '' }, [['a', 'notes'], ['b', 'notes']], [
      'notes: duplicate module name "notes" (also in layers/b)',
      'notes: duplicate module name "notes" (also in layers/a)',
    ]],
  ])('%s', (_label, files, modules, expected) => {
    const root = project(files)
    expect(checkBuildRules(root, modules.map(([id, name]) => official(root, id, name))).map(p => `${p.module}: ${p.message}`)).toEqual(expected)
  })

  it('discovers official layers and configured community folders, and reports what it cannot use', () => {
    const root = project({
      'package.json': JSON.stringify({ dentalpin: { modules: ['./vendor/extra'] } }),
      'layers/patients/module.ts': '',
      'layers/patients/migrations/20260101_a.ts': '',
      'layers/patients/migrations/index.ts': '',
      'layers/patients/data/defaults.yaml': '[]',
      'layers/notamodule/README.md': '',
      'vendor/extra/module.ts': '',
    })
    const result = discoverModules(root, { DENTALPIN_MODULES: 'missing-package' })
    expect(result.modules.map(m => `${m.category} ${m.id}`)).toEqual(['official patients', 'community ./vendor/extra'])
    expect(result.modules[0]!.migrationFiles.map(f => f.slice(f.lastIndexOf('/') + 1))).toEqual(['20260101_a.ts'])
    expect(result.modules[0]!.dataFiles).toHaveLength(1)
    expect(result.problems.map(p => p.id)).toEqual(['layers/notamodule', 'missing-package'])
  })
})
