// `npm run modules -- validate [folder...]`: the CI-time module validator.
// With folders, validates those module folders; without, every
// `layers/*/module.ts` under the project (or --root). Prints one line per
// issue (`<module> <path>: <message>`), a summary, and exits 1 on any issue.
//
// Modules are loaded the way the build loads them (jiti with the platform's
// aliases) and read with the same loading rule (server/platform/rules.ts) —
// `manifest` (instance or static), legacy getters, `getPermissions?.()`,
// `getModels?.()` — so this does not depend on the BaseModule class. The
// core's own routes are claimed first, as in the build. A module that fails
// to load is reported as an issue of that module, never a crash.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative, resolve, sep } from 'node:path'
import { discoverModules, scanRoutes } from '../modules/dentalpin-platform/discovery'
import { moduleImporter } from '../modules/dentalpin-platform/inspect'
import { readModuleExport } from '../server/platform/rules'
import { validateModules, type ModuleUnderValidation } from '../server/platform/validator'

const USAGE = `usage: npm run modules -- validate [--root <dir>] [folder...]

  validate            validate every layers/*/module.ts under the root (default: the current folder)
  validate <folder>…  validate the given module folders (each with a module.ts)`

type Loaded = ModuleUnderValidation & { loadIssues: { path: string, message: string }[] }

const SOURCE_FILE = /\.(?:ts|mts|js|mjs)$/

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0]!
  return String(error)
}

type Importer = (file: string) => Promise<Record<string, unknown>>

function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap(d => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]))
}

/** Tables created by the module's migrations, read from their source (Kysely `createTable('x')` or SQL `CREATE TABLE x`). */
function tablesOf(folder: string): string[] {
  const tables = new Set<string>()
  for (const file of walk(join(folder, 'migrations'))) {
    if (!SOURCE_FILE.test(file)) continue
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/createTable\(\s*(['"`])([^'"`]+)\1/g)) tables.add(m[2]!)
    for (const m of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?["`]?([a-z_][a-z0-9_]*)/gi)) tables.add(m[1]!)
  }
  return [...tables].sort()
}

function migrationRecord(value: unknown): Record<string, unknown> | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  // A MigrationSet ({ history, migrations }) like the core's, or the record itself.
  if (typeof v.history === 'string' && v.migrations && typeof v.migrations === 'object') return v.migrations as Record<string, unknown>
  return v
}

async function migrationsOf(importFile: Importer, folder: string, issues: Loaded['loadIssues']): Promise<{ name: string, hasDown: boolean }[]> {
  const dir = join(folder, 'migrations')
  if (!existsSync(dir)) return []
  const hasDown = (m: unknown) => typeof (m as { down?: unknown } | null)?.down === 'function'
  const index = ['index.ts', 'index.mts', 'index.js', 'index.mjs'].map(f => join(dir, f)).find(f => existsSync(f))
  if (index) {
    try {
      const mod = await importFile(index)
      const record = migrationRecord(mod.migrations ?? mod.default)
      if (!record) {
        issues.push({ path: 'migrations', message: 'migrations/index does not export `migrations`' })
        return []
      }
      return Object.entries(record).map(([name, m]) => ({ name, hasDown: hasDown(m) }))
    }
    catch (error) {
      issues.push({ path: 'migrations', message: `failed to import migrations/index: ${errorText(error)}` })
      return []
    }
  }
  // No index: each file is one migration exporting up/down.
  const out: { name: string, hasDown: boolean }[] = []
  for (const file of readdirSync(dir).filter(f => SOURCE_FILE.test(f) && !f.endsWith('.d.ts')).sort()) {
    const name = file.replace(SOURCE_FILE, '')
    try {
      out.push({ name, hasDown: hasDown(await importFile(join(dir, file))) })
    }
    catch (error) {
      issues.push({ path: `migrations.${name}`, message: `failed to import: ${errorText(error)}` })
    }
  }
  return out
}

async function loadModule(importFile: Importer, folder: string, found?: ModuleUnderValidation['found']): Promise<Loaded> {
  const source = folder
  const name = basename(folder)
  const moduleFile = ['module.ts', 'module.mts', 'module.js', 'module.mjs'].map(f => join(folder, f)).find(f => existsSync(f))
  const failed = (message: string): Loaded => ({ name, source, manifest: undefined, permissions: [], migrations: [], loadError: message, loadIssues: [] })
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return failed('module folder not found')
  if (!moduleFile) return failed('module.ts not found')

  let exported: unknown
  try {
    exported = (await importFile(moduleFile)).default
  }
  catch (error) {
    return failed(`failed to import: ${errorText(error)}`)
  }
  const read = readModuleExport(exported)
  if (!read.ok) return failed(read.message)
  const { instance, manifest } = read

  const loadIssues: Loaded['loadIssues'] = []
  /** Calls an optional method of the module; a failure is an issue at `key`. */
  const call = async (key: string): Promise<unknown> => {
    try {
      const fn = instance[key]
      return typeof fn === 'function' ? await fn.call(instance) : undefined
    }
    catch (error) {
      loadIssues.push({ path: key, message: `${key}() failed: ${errorText(error)}` })
      return undefined
    }
  }
  const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(p => typeof p === 'string')

  let permissions: string[] = []
  const declared = await call('getPermissions')
  if (isStrings(declared)) permissions = declared
  else if (declared !== undefined) loadIssues.push({ path: 'getPermissions', message: 'getPermissions() must return an array of strings' })

  // No getModels() at all declares no tables, like BaseModule's default.
  let models: string[] | undefined = []
  const declaredModels = await call('getModels')
  if (Array.isArray(declaredModels) && declaredModels.every(m => typeof (m as { table?: unknown })?.table === 'string')) models = declaredModels.map(m => (m as { table: string }).table)
  else if (declaredModels !== undefined) {
    models = undefined
    loadIssues.push({ path: 'getModels', message: 'getModels() must return an array of { table }' })
  }

  return {
    name,
    source,
    found,
    manifest,
    permissions,
    models,
    migrations: await migrationsOf(importFile, folder, loadIssues),
    tables: tablesOf(folder),
    // Official modules are their layer; a community module's routes live in its frontend.layer_path.
    routes: scanRoutes(join(layerFolder(folder, manifest), 'server')).map(r => ({ ...r, file: relative(folder, r.file).split(sep).join('/') })),
    loadIssues,
  }
}

function layerFolder(folder: string, manifest: unknown): string {
  const layerPath = (manifest as { frontend?: { layer_path?: unknown } } | undefined)?.frontend?.layer_path
  return typeof layerPath === 'string' ? join(folder, layerPath) : folder
}

/** Every module the build would include: layers/* and the configured community modules. */
function discover(root: string): { dir: string, found: NonNullable<ModuleUnderValidation['found']> }[] {
  return discoverModules(root).modules.map(m => ({
    dir: m.dir,
    found: { id: m.id, category: m.category, dataFiles: m.dataFiles.map(f => relative(m.dir, f).split(sep).join('/')) },
  }))
}

async function validate(args: string[]): Promise<number> {
  let root = process.cwd()
  const folders: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root') root = resolve(args[++i] ?? '.')
    else folders.push(resolve(args[i]!))
  }
  const targets = folders.length ? folders.map(dir => ({ dir, found: undefined })) : discover(root)
  if (!targets.length) {
    console.log('no modules found')
    return 0
  }

  const importFile = moduleImporter(root)
  const loaded: Loaded[] = []
  for (const target of targets) loaded.push(await loadModule(importFile, target.dir, target.found))
  // The core's routes, as the build sees them: no module may claim one again.
  const coreRoutes = scanRoutes(join(root, 'server')).map(r => ({ ...r, file: relative(root, r.file).split(sep).join('/') }))
  const report = validateModules(loaded, coreRoutes)

  const lines: string[] = []
  let count = 0
  report.modules.forEach((mod, i) => {
    const issues = [...loaded[i]!.loadIssues, ...mod.issues]
    count += issues.length
    for (const issue of issues) lines.push(issue.path ? `${mod.name} ${issue.path}: ${issue.message}` : `${mod.name}: ${issue.message}`)
  })
  const failing = report.modules.filter((m, i) => m.issues.length + loaded[i]!.loadIssues.length > 0).length
  lines.push(count
    ? `${count} issue${count === 1 ? '' : 's'} in ${failing} of ${report.modules.length} module${report.modules.length === 1 ? '' : 's'}`
    : `${report.modules.length} module${report.modules.length === 1 ? '' : 's'} valid`)
  console.log(lines.join('\n'))
  return count ? 1 : 0
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'validate') return validate(rest)
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE)
    return command === undefined ? 2 : 0
  }
  console.error(`unknown command "${command}"\n${USAGE}`)
  return 2
}

const code = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[modules] ${error instanceof Error ? error.stack : String(error)}`)
  return 2
})
// Exit explicitly: an imported module may leave handles open (timers, connections).
process.stdout.write('', () => process.exit(code))
