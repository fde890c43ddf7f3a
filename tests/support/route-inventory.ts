// Every API route of the build, read from the route files themselves: the
// method and path from Nitro's file naming, the owning module from where the
// file lives, the access rule from the guard the handler calls first, and the
// zod schemas it parses its body and query with. The sweeps (tests/api/sweep-*)
// run over this list, so a route added later is swept without touching them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ALL'

/**
 * Who may call a route, as its handler declares it:
 * - `public`: no guard at all;
 * - `member`: `requireAuth(event)` — any signed-in member;
 * - `permission`: `requirePermission(event, '<perm>')` — the permission in the current clinic;
 * - `module-admin`: `requireModuleAdmin(event, '<perm>')` — the permission AND admin of the owning clinic.
 */
export type Access
  = | { kind: 'public' }
    | { kind: 'member' }
    | { kind: 'permission', permission: string }
    | { kind: 'module-admin', permission: string }

/** A zod schema the handler imports by name: the test process can import it from `file`. */
export interface SchemaRef {
  name: string
  /** Absolute path of the module exporting it, or null when it is declared in the handler itself. */
  file: string | null
}

export interface Route {
  /** Repository-relative path of the route file. */
  file: string
  method: Method
  /** The URL pattern with `:param` for `[param]` and `**` for `[...param]`. */
  path: string
  params: string[]
  /** `core`, or the module (layer or fixture community module) that serves it. */
  module: string
  origin: 'core' | 'official' | 'fixture'
  access: Access
  body: SchemaRef | null
  query: SchemaRef | null
  /** `METHOD path`, the route's name in reports. */
  key: string
}

/** Where route files live: the core, each official layer, each fixture community module of the test build. */
export function routeRoots(): { dir: string, module: string, origin: Route['origin'] }[] {
  const roots: { dir: string, module: string, origin: Route['origin'] }[] = [{ dir: join(ROOT, 'server/api'), module: 'core', origin: 'core' }]
  for (const layer of subdirs(join(ROOT, 'layers'))) {
    const dir = join(ROOT, 'layers', layer, 'server/api')
    if (existsSync(dir)) roots.push({ dir, module: layer, origin: 'official' })
  }
  for (const fixture of subdirs(join(ROOT, 'tests/fixtures'))) {
    for (const dir of findServerApiDirs(join(ROOT, 'tests/fixtures', fixture))) roots.push({ dir, module: fixture, origin: 'fixture' })
  }
  return roots
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort()
}

function findServerApiDirs(dir: string): string[] {
  const found: string[] = []
  for (const name of subdirs(dir)) {
    if (name === 'node_modules') continue
    const child = join(dir, name)
    if (name === 'server' && existsSync(join(child, 'api'))) found.push(join(child, 'api'))
    else found.push(...findServerApiDirs(child))
  }
  return found
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

/** Every file under the route roots (what Nitro would scan), parsed or not. */
export function routeFiles(): string[] {
  return routeRoots().flatMap(r => walk(r.dir)).map(f => relative(ROOT, f))
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete'])

/** Nitro's file naming: `[id].put.ts` → PUT /:id, `index.get.ts` → GET of the folder, `[...path].ts` → every method under it. */
export function parseRoutePath(relToApi: string): { method: Method, path: string, params: string[] } {
  const match = relToApi.match(/^(.*?)(?:\.(get|post|put|patch|delete))?\.ts$/)
  if (!match) throw new Error(`not a route file: ${relToApi}`)
  const [, bare, method] = match
  const segments = bare!.split('/')
  if (segments[segments.length - 1] === 'index') segments.pop()
  const params: string[] = []
  const parts = segments.map((s) => {
    const rest = s.match(/^\[\.\.\.(\w+)\]$/)
    if (rest) {
      params.push(rest[1]!)
      return '**'
    }
    const param = s.match(/^\[(\w+)\]$/)
    if (param) {
      params.push(param[1]!)
      return `:${param[1]}`
    }
    if (/[[\]]/.test(s)) throw new Error(`unsupported segment "${s}" in ${relToApi}`)
    return s
  })
  return { method: method && METHODS.has(method) ? method.toUpperCase() as Method : 'ALL', path: `/api/${parts.join('/')}`.replace(/\/$/, ''), params }
}

/** The guard the handler calls; throws when the handler uses none we know of but is not plainly public. */
export function parseAccess(source: string, file: string): Access {
  const moduleAdmin = [...source.matchAll(/requireModuleAdmin\(\s*event\s*,\s*'([^']+)'\s*\)/g)]
  const permission = [...source.matchAll(/requirePermission\(\s*event\s*,\s*'([^']+)'\s*\)/g)]
  const member = /requireAuth\(\s*event\s*\)/.test(source)
  const guards = moduleAdmin.length + permission.length + (member ? 1 : 0)
  if (guards > 1) throw new Error(`${file}: more than one guard; teach tests/support/route-inventory.ts which one applies`)
  if (moduleAdmin[0]) return { kind: 'module-admin', permission: moduleAdmin[0][1]! }
  if (permission[0]) return { kind: 'permission', permission: permission[0][1]! }
  if (member) return { kind: 'member' }
  // Any other mention of a guard (a helper we do not parse, a permission held in a variable) must not pass as public.
  if (/require[A-Z]\w*\(|optionalAuth\(|hasPermission\(/.test(source)) {
    throw new Error(`${file}: a guard the inventory cannot read; teach tests/support/route-inventory.ts`)
  }
  return { kind: 'public' }
}

/** Resolves an import specifier of a handler to a file the test process can import. */
function resolveSpecifier(spec: string, fromFile: string): string | null {
  let base: string | null = null
  if (spec.startsWith('.')) base = resolve(dirname(fromFile), spec)
  else if (spec.startsWith('#shared/')) base = join(ROOT, 'shared', spec.slice('#shared/'.length))
  else if (spec.startsWith('#layers/')) base = join(ROOT, 'layers', spec.slice('#layers/'.length))
  if (!base) return null
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

function schemaRef(source: string, file: string, call: 'parseBody' | 'parseQuery'): SchemaRef | null {
  const m = source.match(new RegExp(`${call}\\(\\s*event\\s*,\\s*(\\w+)\\s*\\)`))
  if (!m) return null
  const name = m[1]!
  for (const imp of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const names = imp[1]!.split(',').map(n => n.trim().split(/\s+as\s+/).pop()!.trim())
    if (names.includes(name)) return { name, file: resolveSpecifier(imp[2]!, file) }
  }
  return { name, file: null }
}

/** Parses one route file (absolute path) of the given root. */
export function parseRouteFile(absFile: string, root: { dir: string, module: string, origin: Route['origin'] }): Route {
  const source = readFileSync(absFile, 'utf8')
  const file = relative(ROOT, absFile)
  if (!/defineEventHandler\(/.test(source)) throw new Error(`${file}: no defineEventHandler`)
  const { method, path, params } = parseRoutePath(relative(root.dir, absFile))
  return {
    file,
    method,
    path,
    params,
    module: root.module,
    origin: root.origin,
    access: parseAccess(source, file),
    body: schemaRef(source, absFile, 'parseBody'),
    query: schemaRef(source, absFile, 'parseQuery'),
    key: `${method} ${path}`,
  }
}

/** Every route of the test build. */
export function routeInventory(): Route[] {
  return routeRoots().flatMap(root => walk(root.dir).map(f => parseRouteFile(f, root)))
}

/** A concrete URL for a route, with each param taken from `values`. */
export function fillPath(route: Route, values: Record<string, string>): string {
  return route.path.replace(/:(\w+)|\*\*/g, (whole, name: string | undefined) => {
    const key = name ?? route.params[route.params.length - 1]!
    const value = values[key]
    if (value === undefined) throw new Error(`${route.key}: no value for ${whole}`)
    return name ? encodeURIComponent(value) : value
  })
}
