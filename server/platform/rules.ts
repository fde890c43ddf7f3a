// The module rules, written once: the build (modules/dentalpin-platform),
// `npm run modules -- validate` (scripts/modules.ts) and the server
// (registry, applier) all judge modules with these functions, so they cannot
// disagree. Pure: every input is plain data, nothing here reads a file or the
// database. Each problem is a RuleIssue: a stable code, the path it concerns,
// its params and the English message made from them.
import type { ErrorParams } from '#shared/types/envelope'

export interface RuleIssue {
  code: string
  /** Where the problem is (`name`, `routes[2]`, `tables[0]`, `getModels`). */
  path: string
  message: string
  params: ErrorParams
}

const issue = (code: string, path: string, message: string, params: ErrorParams): RuleIssue => ({ code, path, message, params })

/** `/api/v1/<segment>` prefixes of the core: no module may take these names. */
export const CORE_API_SEGMENTS: ReadonlySet<string> = new Set(['auth', 'modules'])

// ---------------------------------------------------------------- loading

/** What a module's `module.ts` default export yields, read the one way every caller reads it. */
export type ModuleExport
  = | { ok: true, instance: Record<string, unknown>, manifest: unknown, legacy: boolean }
    | { ok: false, message: string }

/**
 * Reads a module's default export: a class (constructed without arguments)
 * or an object; the manifest is the instance's `manifest`, else the class's
 * static one; a module without one is legacy when its `name` and `version`
 * getters answer (it then gets the documented legacy defaults).
 */
export function readModuleExport(exported: unknown): ModuleExport {
  let instance: Record<string, unknown>
  if (typeof exported === 'function') {
    try {
      instance = new (exported as new () => Record<string, unknown>)()
    }
    catch (error) {
      return { ok: false, message: `failed to construct the module class: ${firstLine(error)}` }
    }
  }
  else if (exported && typeof exported === 'object') {
    instance = exported as Record<string, unknown>
  }
  else {
    return { ok: false, message: 'module.ts has no default export (the module class)' }
  }
  let manifest: unknown
  let legacy: { name: unknown, version: unknown, depends: unknown }
  try {
    manifest = instance.manifest ?? (exported as { manifest?: unknown }).manifest
    if (manifest !== undefined && manifest !== null) return { ok: true, instance, manifest, legacy: false }
    legacy = { name: instance.name, version: instance.version, depends: instance.dependencies }
  }
  catch (error) {
    return { ok: false, message: `reading the manifest failed: ${firstLine(error)}` }
  }
  if (typeof legacy.name !== 'string' || typeof legacy.version !== 'string') {
    return { ok: false, message: 'the module class declares no manifest (static or instance) and no legacy name/version' }
  }
  // The documented legacy defaults (BaseModule's legacyManifest() gives the same).
  const depends = Array.isArray(legacy.depends) ? legacy.depends : []
  return { ok: true, instance, legacy: true, manifest: { name: legacy.name, version: legacy.version, category: 'official', depends, installable: true, auto_install: false, removable: false } }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!
}

/**
 * Where a module was found against what its manifest says: a name the core
 * reserves, a category that does not match where it was found, an official
 * module whose name is not its folder's, a data file it does not ship.
 */
export function checkEntry(
  found: { id: string, category?: 'official' | 'community', dataFiles?: readonly string[] },
  manifest: { name: string, category?: string, data_files?: readonly string[] },
): RuleIssue[] {
  const out: RuleIssue[] = []
  const { name } = manifest
  if (CORE_API_SEGMENTS.has(name)) out.push(issue('modules.name_reserved', 'name', `"${name}" is reserved by the core`, { module: name }))
  if (found.category && manifest.category !== found.category) {
    const where = found.category === 'official' ? 'in layers/' : 'through configuration'
    out.push(issue('modules.category_mismatch', 'category', `must be "${found.category}" for a module found ${where}`, { module: name, category: found.category }))
  }
  if (found.category === 'official' && found.id !== name) {
    out.push(issue('modules.folder_mismatch', 'name', `must match its folder name layers/${found.id}`, { module: name, folder: found.id }))
  }
  if (found.dataFiles) {
    for (const file of manifest.data_files ?? []) {
      if (!found.dataFiles.includes(file)) out.push(issue('modules.data_file_missing', 'data_files', `${file} is not in the module's data/ folder`, { module: name, file }))
    }
  }
  return out
}

/** Modules that share a name: every copy is told, naming the others. */
export function checkDuplicateNames(modules: readonly { name: string, source: string }[]): RuleIssue[][] {
  return modules.map((m) => {
    const others = modules.filter(o => o !== m && o.name === m.name).map(o => o.source)
    return others.length
      ? [issue('modules.duplicate_name', 'name', `duplicate module name "${m.name}" (also in ${others.join(', ')})`, { module: m.name, sources: others })]
      : []
  })
}

// ---------------------------------------------------------------- tables

/** A module owns the table named after it and every `<module>_*` table. */
export function ownsTable(module: string, table: string): boolean {
  return table === module || table.startsWith(`${module}_`)
}

/**
 * The owner of a table among these modules: the one with the longest name
 * that owns it (`foo_bar_x` belongs to `foo_bar`, not `foo`), or null.
 */
export function ownerOf(table: string, modules: Iterable<string>): string | null {
  let owner: string | null = null
  for (const m of modules) if (ownsTable(m, table) && (!owner || m.length > owner.length)) owner = m
  return owner
}

/** Tables a module's migrations create that are not its own. */
export function checkTableOwnership(module: string, tables: readonly string[]): RuleIssue[] {
  return tables.flatMap((table, i) => ownsTable(module, table)
    ? []
    : [issue('modules.table_not_owned', `tables[${i}]`, `table "${table}" is not owned by module ${module} (must be "${module}" or start with "${module}_")`, { module, table })])
}

/** A table that two modules create: each is told. */
export function checkSharedTables(modules: readonly { name: string, tables: readonly string[] }[]): RuleIssue[][] {
  return modules.map(m => m.tables.flatMap((table, i) => {
    if (m.tables.indexOf(table) !== i) return []
    const others = modules.filter(o => o !== m && o.tables.includes(table)).map(o => o.name)
    return others.length ? [issue('modules.table_shared', `tables[${i}]`, `table "${table}" is also created by ${others.join(', ')}`, { module: m.name, table, modules: others })] : []
  }))
}

/**
 * `getModels()` must name exactly the tables the module's migrations leave
 * behind: the platform backs up what it declares before an uninstall.
 */
export function checkModels(module: string, declared: readonly string[], tables: readonly string[]): RuleIssue | null {
  const missing = [...new Set(declared)].filter(t => !tables.includes(t)).sort()
  const undeclared = [...new Set(tables)].filter(t => !declared.includes(t)).sort()
  if (missing.length === 0 && undeclared.length === 0) return null
  const parts = [
    ...(missing.length ? [`declares ${missing.join(', ')}, which no migration creates`] : []),
    ...(undeclared.length ? [`does not declare ${undeclared.join(', ')}, which its migrations create`] : []),
  ]
  return issue('modules.models_mismatch', 'getModels', `getModels() ${parts.join('; ')}`, { module, missing, undeclared })
}

/** Removable modules must be able to undo every migration. */
export function checkDownMigrations(module: string, removable: boolean | undefined, migrations: readonly { name: string, hasDown: boolean }[]): RuleIssue[] {
  if (removable !== true) return []
  return migrations.filter(m => !m.hasDown).map(m => issue('modules.down_missing', `migrations.${m.name}`, 'removable modules need a down migration for every migration', { module, migration: m.name }))
}

// ---------------------------------------------------------------- routes

/** One route a file serves: `method` is `GET`… or `*` (a file without a method suffix answers any). */
export interface RouteFile {
  method: string
  path: string
  file: string
}

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE'])

/**
 * The route of a file under `server/api` (`base` `/api`) or `server/routes`
 * (`base` ''), by Nitro's file naming: `[id].get.ts` → GET `/…/:id`,
 * `[...rest]` → `**:rest`, `(group)` folders and `index` vanish.
 */
export function routeOfFile(relative: string, base: '/api' | ''): { method: string, path: string } {
  let rel = relative.split('\\').join('/').replace(/\.(ts|mts|js|mjs)$/, '')
  let method = '*'
  const m = rel.match(/\.(get|post|put|patch|delete|head|options)$/)
  if (m) {
    method = m[1]!.toUpperCase()
    rel = rel.slice(0, -m[0].length)
  }
  const segments = rel.split('/')
    .filter(seg => !/^\(.*\)$/.test(seg))
    .map(seg => seg.replace(/^\[\.\.\.(.*)\]$/, '**:$1').replace(/\[([^\]]+)\]/g, ':$1'))
  if (segments.at(-1) === 'index') segments.pop()
  return { method, path: `${base}/${segments.join('/')}`.replace(/\/+$/, '') || '/' }
}

/** The shape two claims are compared by: `/api/v1/x/[id]/`, `/api/v1/x/:other` → `/api/v1/x/:`. */
export function routeKey(path: string): string {
  const segments = path.split('/').filter(Boolean).map((s) => {
    if (/^\[\.\.\..*\]$/.test(s) || s.startsWith('**')) return '**'
    if (/^\[.*\]$/.test(s) || s.startsWith(':')) return ':'
    return s
  })
  return `/${segments.join('/')}`
}

function normaliseMethod(method: string): string {
  const m = method.trim().toUpperCase()
  return m === '' || m === 'ALL' ? '*' : m
}

/** The routes of one owner: a module (under `/api/v1/<name>/`) or the core (`core: true`, no prefix). */
export interface RouteOwner {
  name: string
  core?: boolean
  routes: readonly RouteFile[]
}

/**
 * Route rules, across every owner at once: a module's route stays under
 * `/api/v1/<name>/` and uses a known method; no two files (of any owners,
 * the core's included) claim one method and path — a file without a method
 * claims them all. The core's catch-all routes (`**`) yield to every real
 * route. Returns the issues of each owner, in input order.
 */
export function checkRoutes(owners: readonly RouteOwner[]): RuleIssue[][] {
  const out = owners.map((): RuleIssue[] => [])
  const claims: { owner: number, index: number, method: string, key: string, path: string, file: string }[] = []
  owners.forEach((o, owner) => {
    const prefix = `/api/v1/${o.name}`
    o.routes.forEach((route, index) => {
      const method = normaliseMethod(route.method)
      const key = routeKey(route.path)
      const path = `routes[${index}]`
      if (o.core) {
        if (!key.includes('**')) claims.push({ owner, index, method, key, path: route.path, file: route.file })
        return
      }
      if (method !== '*' && !HTTP_METHODS.has(method)) {
        out[owner]!.push(issue('modules.route_method', path, `${route.file}: unknown HTTP method "${route.method}"`, { module: o.name, file: route.file, method: route.method }))
      }
      const clean = route.path.replace(/\/+$/, '')
      if (clean !== prefix && !clean.startsWith(`${prefix}/`)) {
        out[owner]!.push(issue('modules.route_outside_prefix', path, `${route.file}: ${method} ${route.path} is outside the module prefix ${prefix}/`, { module: o.name, file: route.file, route: `${method} ${route.path}`, prefix: `${prefix}/` }))
      }
      claims.push({ owner, index, method, key, path: route.path, file: route.file })
    })
  })
  for (const c of claims) {
    const others = claims.filter(o => o !== c && o.key === c.key && (o.method === c.method || o.method === '*' || c.method === '*'))
    if (!others.length) continue
    const named = others.map(o => `${owners[o.owner]!.name} ${o.file}`)
    out[c.owner]!.push(issue('modules.route_claimed', `routes[${c.index}]`, `${c.file}: ${c.method} ${c.path} is also claimed by ${named.join(', ')}`, { module: owners[c.owner]!.name, file: c.file, route: `${c.method} ${c.path}`, claimants: named }))
  }
  return out
}
