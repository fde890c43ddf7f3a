// `npm run modules -- validate`: runs scripts/modules.ts as a child process on
// module folders written to a temporary directory.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
let tmp: string

function manifest(name: string, extra: Record<string, unknown> = {}) {
  return { name, version: '1.0.0', category: 'official', depends: [], installable: true, auto_install: false, removable: false, ...extra }
}

function write(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/**
 * A module folder whose module.ts default-exports a class extending a
 * BaseModule-like class, with the manifest static (default) or on the instance.
 */
function moduleDir(folder: string, options: { manifest?: unknown, permissions?: string[], models?: string[], style?: 'static' | 'instance', files?: Record<string, string>, source?: string }) {
  const dir = join(tmp, folder)
  const permissions = JSON.stringify(options.permissions ?? [])
  const declared = JSON.stringify(options.manifest)
  write(join(dir, 'module.ts'), options.source ?? `
abstract class BaseLike {
  static manifest?: unknown
  getPermissions(): string[] { return [] }
}
export default class Mod extends BaseLike {
  ${options.style === 'instance' ? `manifest = ${declared}` : `static override manifest = ${declared}`}
  override getPermissions() { return ${permissions} }
  getModels() { return ${JSON.stringify((options.models ?? []).map(table => ({ table })))} }
}
`)
  for (const [file, text] of Object.entries(options.files ?? {})) write(join(dir, file), text)
  return dir
}

interface Run { code: number, stdout: string, stderr: string, lines: string[] }

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/modules.ts', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr, lines: stdout.trim().split('\n') })
    })
  })
}

const dirs: Record<string, string> = {}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dentalpin-modules-cli-'))
  dirs.good = moduleDir('good', {
    manifest: manifest('good', {
      version: '1.2.0',
      removable: true,
      role_permissions: { admin: ['*'], dentist: ['items.*'], receptionist: ['items.read'] },
      frontend: { navigation: [{ label: 'nav.good', to: '/good', permission: 'good.items.read', order: 10 }] },
    }),
    permissions: ['items.read', 'items.write'],
    models: ['good_items'],
    files: {
      'migrations/index.ts': `import * as init from './001_init'\nexport const migrations = { '001_init': init }\n`,
      'migrations/001_init.ts': `export async function up(db: any) { await db.schema.createTable('good_items').execute() }\nexport async function down(db: any) { await db.schema.dropTable('good_items').execute() }\n`,
      'server/api/v1/good/index.get.ts': 'export default () => []\n',
      'server/api/v1/good/items/[id].get.ts': 'export default () => ({})\n',
      'server/api/v1/good/items/[id].delete.ts': 'export default () => ({})\n',
      'server/api/v1/good/items/index.ts': 'export default () => ({})\n',
    },
  })
  dirs.instance = moduleDir('instance_style', { manifest: manifest('instance_style', { depends: ['good@^1.2'] }), style: 'instance' })
  dirs.legacy = moduleDir('legacy', {
    source: `export default class Legacy {\n  get name() { return 'legacy' }\n  get version() { return '0.3.0' }\n  get dependencies() { return ['good'] }\n  getPermissions() { return ['read'] }\n}\n`,
  })
  dirs.badManifest = moduleDir('bad_manifest', { manifest: manifest('bad_manifest', { version: '1.0', removable: 'false', colour: 'blue' }) })
  dirs.unknownDep = moduleDir('needs_ghost', { manifest: manifest('needs_ghost', { depends: ['good', 'ghost@^1'] }) })
  dirs.badRange = moduleDir('needs_good2', { manifest: manifest('needs_good2', { depends: ['good@^2'] }) })
  dirs.cycleA = moduleDir('cyc_a', { manifest: manifest('cyc_a', { depends: ['cyc_b'] }) })
  dirs.cycleB = moduleDir('cyc_b', { manifest: manifest('cyc_b', { depends: ['cyc_a'] }) })
  dirs.grant = moduleDir('grants', { manifest: manifest('grants', { role_permissions: { admin: ['*'], dentist: ['items.read', 'items.delete'], hygienist: ['other.*'] } }), permissions: ['items.read'] })
  dirs.broken = moduleDir('broken', { source: `import { nothing } from './does-not-exist'\nexport default nothing\n` })
  dirs.throws = moduleDir('throws', { source: `throw new Error('kaboom at import')\n` })
  dirs.ownership = moduleDir('owner', {
    manifest: manifest('owner', { removable: true }),
    files: {
      // No index: each file is one migration.
      'migrations/001_a.ts': `export async function up(db: any) { await db.schema.createTable('owner_things').execute(); await db.schema.createTable('patients_extra').execute() }\nexport async function down() {}\n`,
      'migrations/002_b.ts': `export async function up(db: any) { await db.executeQuery('CREATE TABLE IF NOT EXISTS "owner_more" (id int)') }\n`,
      'server/api/v1/owner/x.post.ts': 'export default () => 1\n',
      'server/api/v1/patients/steal.get.ts': 'export default () => 1\n',
      'server/routes/hello.ts': 'export default () => 1\n',
    },
  })
  dirs.models = moduleDir('models', {
    manifest: manifest('models'),
    models: ['models_a', 'models_gone'],
    files: { 'migrations/001_a.ts': `export async function up(db: any) { await db.schema.createTable('models_a').execute(); await db.schema.createTable('models_b').execute() }\n` },
  })
  dirs.coreClash = moduleDir('auth', {
    manifest: manifest('auth'),
    files: { 'server/api/v1/auth/me.get.ts': 'export default () => 1\n' },
  })
  dirs.routeClash = moduleDir('clash', {
    manifest: manifest('clash'),
    files: { 'server/api/v1/good/items/[itemId].get.ts': 'export default () => 1\n' },
  })
  // Discovery roots: one with layers/*/module.ts, one without.
  dirs.layersRoot = join(tmp, 'project')
  moduleDir('project/layers/alpha', { manifest: manifest('alpha') })
  moduleDir('project/layers/beta', { manifest: manifest('beta', { depends: ['alpha@^9'] }) })
  mkdirSync(join(tmp, 'project/layers/not_a_module'), { recursive: true })
  dirs.emptyRoot = join(tmp, 'empty')
  mkdirSync(dirs.emptyRoot)
})

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe.concurrent('npm run modules -- validate', { timeout: 60_000 }, () => {
  it('passes valid modules (static, instance and legacy manifests) with exit 0', async () => {
    const result = await run('validate', dirs.good!, dirs.instance!, dirs.legacy!)
    expect(result.stderr).toBe('')
    expect(result.lines).toEqual(['3 modules valid'])
    expect(result.code).toBe(0)
  })

  it.each([
    ['bad manifest', ['badManifest'], ['bad_manifest version: ', 'bad_manifest removable: ', 'bad_manifest colour: unknown key']],
    ['unknown dependency', ['good', 'unknownDep'], ['needs_ghost depends[1]: depends on unknown module "ghost"']],
    ['range not satisfied', ['good', 'badRange'], ['needs_good2 depends[0]: requires "good@^2" but good 1.2.0 is on disk']],
    ['cycle', ['cycleA', 'cycleB'], ['cyc_a depends[0]: dependency cycle: cyc_a -> cyc_b -> cyc_a', 'cyc_b depends[0]: dependency cycle: cyc_a -> cyc_b -> cyc_a']],
    ['undeclared grant', ['grant'], ['grants role_permissions.dentist[1]: "items.delete" is not a declared permission', 'grants role_permissions.hygienist[0]: "other.*" matches no declared permission']],
    ['module.ts that fails to import', ['good', 'broken', 'throws'], ['broken module.ts: failed to import: ', 'throws module.ts: failed to import: kaboom at import']],
    ['missing folder', ['good'], ['nowhere module.ts: module folder not found']],
    ['routes, tables and down migrations from the files', ['ownership'], [
      'owner migrations.002_b: removable modules need a down migration',
      'owner tables[2]: table "patients_extra" is not owned by module owner',
      'owner routes[1]: server/api/v1/patients/steal.get.ts: GET /api/v1/patients/steal is outside the module prefix /api/v1/owner/',
      'owner routes[2]: server/routes/hello.ts: * /hello is outside the module prefix /api/v1/owner/',
    ]],
    ['getModels() against the tables the migrations create', ['models'], [
      'models getModels: getModels() declares models_gone, which no migration creates; does not declare models_b, which its migrations create',
    ]],
    ['a reserved name and a route the core already serves', ['coreClash'], [
      'auth name: "auth" is reserved by the core',
      'auth routes[0]: server/api/v1/auth/me.get.ts: GET /api/v1/auth/me is also claimed by core server/api/v1/auth/me.get.ts',
    ]],
    ['two files claiming one route', ['good', 'routeClash'], [
      'good routes[2]: server/api/v1/good/items/[id].get.ts: GET /api/v1/good/items/:id is also claimed by',
      'clash routes[0]: server/api/v1/good/items/[itemId].get.ts: GET /api/v1/good/items/:itemId is outside the module prefix /api/v1/clash/',
    ]],
  ])('%s: exit 1, one line per issue with its path', async (_label, keys, expected) => {
    const folders = keys.map(k => dirs[k]!)
    if (_label === 'missing folder') folders.push(join(tmp, 'nowhere'))
    const result = await run('validate', ...folders)
    expect(result.code).toBe(1)
    for (const start of expected) expect(result.lines.some(line => line.startsWith(start)), `${start}\nin\n${result.stdout}`).toBe(true)
    // Every line but the summary is `<module> <path>: <message>`.
    const [summary] = result.lines.slice(-1)
    expect(summary).toMatch(/^\d+ issues? in \d+ of \d+ modules?$/)
    for (const line of result.lines.slice(0, -1)) expect(line).toMatch(/^[a-z][a-z0-9_]* \S+: .+/)
    expect(Number(summary!.split(' ')[0])).toBe(result.lines.length - 1)
  })

  it('reads the good module\'s files without complaint (route variants, migration index, tables)', async () => {
    const result = await run('validate', dirs.good!, dirs.ownership!)
    expect(result.code).toBe(1)
    expect(result.lines.filter(l => l.startsWith('good '))).toEqual([])
  })

  it('without folders validates every layers/*/module.ts under the root', async () => {
    const result = await run('validate', '--root', dirs.layersRoot!)
    expect(result.code).toBe(1)
    expect(result.lines).toEqual(['beta depends[0]: requires "alpha@^9" but alpha 1.0.0 is on disk', '1 issue in 1 of 2 modules'])
  })

  it('without folders and without modules says so and exits 0', async () => {
    const result = await run('validate', '--root', dirs.emptyRoot!)
    expect(result.lines).toEqual(['no modules found'])
    expect(result.code).toBe(0)
  })

  it('refuses an unknown command with exit 2', async () => {
    const result = await run('frobnicate')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unknown command "frobnicate"')
  })
})
