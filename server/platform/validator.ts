// The CI-time cross-module validator (module-platform.md §1): everything the
// manifest parser cannot see on one manifest alone — dependencies against the
// versions on disk, cycles, duplicate names, grants and navigation against the
// declared permissions, routes under the module prefix, table ownership and
// down migrations of removable modules. Pure: the caller (scripts/modules.ts)
// loads the modules; this only judges what it is given.
import semver from 'semver'
import { describeCycle, findCycles, satisfiesRange, type GraphModule } from './graph'
import { MODULE_NAME, parseDependency, safeParseManifest, type Manifest } from './manifest'

export interface ModuleUnderValidation {
  /** Used in messages when the manifest has no usable name. */
  name?: string
  /** The module's folder, for messages. */
  source: string
  /** The raw manifest object, as the module declares it. */
  manifest: unknown
  /** Module-local permissions, as getPermissions() returns them. */
  permissions: string[]
  migrations: { name: string, hasDown: boolean }[]
  /** Tables its migrations create, when known. */
  tables?: string[]
  /** Its route files: `{ method: 'GET' | '*' (any), path: '/api/v1/foo/:id', file }`. */
  routes?: { method: string, path: string, file: string }[]
  /**
   * Set when the module could not be loaded at all (its module.ts failed to
   * import): reported as its only issue; `name`, when given, still counts as
   * a module on disk so its dependents are not told it is unknown.
   */
  loadError?: string
}

export interface ValidationIssue {
  path: string
  message: string
}

export interface ValidationReport {
  ok: boolean
  modules: { name: string, source: string, issues: ValidationIssue[] }[]
}

interface Entry {
  input: ModuleUnderValidation
  name: string
  /** The parsed manifest; null when it does not parse. */
  manifest: Manifest | null
  /** What the checks can still read from a manifest that does not parse. */
  view: LenientView
  issues: ValidationIssue[]
}

interface LenientView {
  name?: string
  version?: string
  depends: string[]
  removable?: boolean
  rolePermissions: [string, unknown[]][]
  navigation: { index: number, permission: string }[]
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The fields the cross checks use, read leniently so a broken manifest still gets the checks that apply. */
function lenientView(raw: unknown): LenientView {
  const m = isObject(raw) ? raw : {}
  const frontend = isObject(m.frontend) ? m.frontend : {}
  return {
    name: typeof m.name === 'string' ? m.name : undefined,
    version: typeof m.version === 'string' ? m.version : undefined,
    depends: Array.isArray(m.depends) ? m.depends.filter((d): d is string => typeof d === 'string') : [],
    removable: typeof m.removable === 'boolean' ? m.removable : undefined,
    rolePermissions: isObject(m.role_permissions)
      ? Object.entries(m.role_permissions).filter((e): e is [string, unknown[]] => Array.isArray(e[1]))
      : [],
    navigation: Array.isArray(frontend.navigation)
      ? frontend.navigation.flatMap((item, index) => isObject(item) && typeof item.permission === 'string' ? [{ index, permission: item.permission }] : [])
      : [],
  }
}

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE'])

/** `/api/v1/foo/[id]/` and `/api/v1/foo/:patientId` claim the same route: `/api/v1/foo/:`. */
function routeShape(path: string): string {
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

export function validateModules(input: readonly ModuleUnderValidation[]): ValidationReport {
  const entries: Entry[] = input.map((mod) => {
    if (mod.loadError !== undefined) {
      return { input: mod, name: mod.name ?? mod.source, manifest: null, view: { depends: [], rolePermissions: [], navigation: [] }, issues: [{ path: 'module.ts', message: mod.loadError }] }
    }
    const parsed = safeParseManifest(mod.manifest)
    const view = lenientView(mod.manifest)
    const name = parsed.ok ? parsed.manifest.name : (view.name && MODULE_NAME.test(view.name) ? view.name : (mod.name ?? view.name ?? mod.source))
    return {
      input: mod,
      name,
      manifest: parsed.ok ? parsed.manifest : null,
      view,
      issues: parsed.ok ? [] : parsed.error.issues.map(i => ({ path: i.path, message: i.message })),
    }
  })

  checkDuplicateNames(entries)
  checkDependencies(entries)
  for (const entry of entries) {
    if (entry.input.loadError !== undefined) continue
    checkGrants(entry)
    checkNavigation(entry)
    checkTables(entry)
    checkDownMigrations(entry)
  }
  checkRoutes(entries)
  checkSharedTables(entries)

  const modules = entries.map(e => ({ name: e.name, source: e.input.source, issues: e.issues }))
  return { ok: modules.every(m => m.issues.length === 0), modules }
}

function checkDuplicateNames(entries: Entry[]): void {
  const bySame = new Map<string, Entry[]>()
  for (const e of entries) bySame.set(e.name, [...(bySame.get(e.name) ?? []), e])
  for (const [name, same] of bySame) {
    if (same.length < 2) continue
    for (const e of same) {
      const others = same.filter(o => o !== e).map(o => o.input.source)
      e.issues.push({ path: 'name', message: `duplicate module name "${name}" (also in ${others.join(', ')})` })
    }
  }
}

function checkDependencies(entries: Entry[]): void {
  // The modules on disk: the first of each name; a module that failed to load counts by name.
  const onDisk = new Map<string, Entry>()
  for (const e of entries) if (!onDisk.has(e.name)) onDisk.set(e.name, e)
  const versionOf = (e: Entry) => e.manifest?.version ?? e.view.version

  for (const e of entries) {
    const depends = e.manifest?.depends ?? e.view.depends
    depends.forEach((entry, i) => {
      const { name, range } = parseDependency(entry)
      const target = onDisk.get(name)
      if (!target) {
        e.issues.push({ path: `depends[${i}]`, message: `depends on unknown module "${name}"` })
        return
      }
      const found = versionOf(target)
      // A target without a valid version has its own manifest error; nothing to compare against.
      if (range === null || semver.validRange(range) === null || found === undefined || semver.valid(found) === null) return
      if (!satisfiesRange(found, range)) {
        e.issues.push({ path: `depends[${i}]`, message: `requires "${name}@${range}" but ${name} ${found} is on disk` })
      }
    })
  }

  const graph: GraphModule[] = [...onDisk.values()].map(e => ({ name: e.name, version: versionOf(e) ?? '', depends: e.manifest?.depends ?? e.view.depends }))
  for (const cycle of findCycles(graph)) {
    // Each member is told, at the entry of its `depends` that continues the cycle.
    for (let k = 0; k < cycle.length - 1; k++) {
      const member = onDisk.get(cycle[k]!)!
      const depends = member.manifest?.depends ?? member.view.depends
      const i = depends.findIndex(d => parseDependency(d).name === cycle[k + 1])
      member.issues.push({ path: i === -1 ? 'depends' : `depends[${i}]`, message: describeCycle(cycle) })
    }
  }
}

function checkGrants(e: Entry): void {
  const declared = e.input.permissions
  const rolePermissions = e.manifest ? Object.entries(e.manifest.role_permissions ?? {}) : e.view.rolePermissions
  for (const [role, grants] of rolePermissions) {
    grants.forEach((grant, i) => {
      const path = `role_permissions.${role}[${i}]`
      if (typeof grant !== 'string') return // the manifest parse reports it
      if (grant === '*' || declared.includes(grant)) return
      if (grant.endsWith('.*')) {
        const prefix = grant.slice(0, -1) // keeps the dot: `invoices.`
        if (!declared.some(p => p.startsWith(prefix))) {
          e.issues.push({ path, message: `"${grant}" matches no declared permission${declaredList(declared)}` })
        }
        return
      }
      const hint = grant.startsWith(`${e.name}.`) && declared.includes(grant.slice(e.name.length + 1))
        ? ` (grants are module-local: write "${grant.slice(e.name.length + 1)}")`
        : ''
      e.issues.push({ path, message: `"${grant}" is not a declared permission${hint}${declaredList(declared)}` })
    })
  }
}

function declaredList(declared: string[]): string {
  return declared.length ? ` (declared: ${declared.join(', ')})` : ' (the module declares no permissions)'
}

function checkNavigation(e: Entry): void {
  const items = e.manifest
    ? (e.manifest.frontend?.navigation ?? []).flatMap((item, index) => item.permission ? [{ index, permission: item.permission }] : [])
    : e.view.navigation
  for (const { index, permission } of items) {
    // Not namespaced with this module: the manifest parse already says so.
    if (!permission.startsWith(`${e.name}.`)) continue
    const local = permission.slice(e.name.length + 1)
    if (!e.input.permissions.includes(local)) {
      e.issues.push({ path: `frontend.navigation[${index}].permission`, message: `"${permission}" is not a declared permission (no "${local}" in getPermissions())` })
    }
  }
}

function checkTables(e: Entry): void {
  ;(e.input.tables ?? []).forEach((table, i) => {
    if (table !== e.name && !table.startsWith(`${e.name}_`)) {
      e.issues.push({ path: `tables[${i}]`, message: `table "${table}" is not owned by module ${e.name} (must be "${e.name}" or start with "${e.name}_")` })
    }
  })
}

function checkSharedTables(entries: Entry[]): void {
  const owners = new Map<string, Entry[]>()
  for (const e of entries) {
    for (const table of new Set(e.input.tables ?? [])) owners.set(table, [...(owners.get(table) ?? []), e])
  }
  for (const [table, claimed] of owners) {
    if (claimed.length < 2) continue
    for (const e of claimed) {
      const i = e.input.tables!.indexOf(table)
      const others = claimed.filter(o => o !== e).map(o => o.name)
      e.issues.push({ path: `tables[${i}]`, message: `table "${table}" is also created by ${others.join(', ')}` })
    }
  }
}

function checkDownMigrations(e: Entry): void {
  const removable = e.manifest?.removable ?? e.view.removable
  if (removable !== true) return
  for (const migration of e.input.migrations) {
    if (!migration.hasDown) {
      e.issues.push({ path: `migrations.${migration.name}`, message: 'removable modules need a down migration for every migration' })
    }
  }
}

function checkRoutes(entries: Entry[]): void {
  const claims: { entry: Entry, index: number, method: string, shape: string, path: string, file: string }[] = []
  for (const e of entries) {
    if (e.input.loadError !== undefined) continue
    const prefix = `/api/v1/${e.name}`
    ;(e.input.routes ?? []).forEach((route, index) => {
      const method = normaliseMethod(route.method)
      const path = `routes[${index}]`
      if (method !== '*' && !HTTP_METHODS.has(method)) {
        e.issues.push({ path, message: `${route.file}: unknown HTTP method "${route.method}"` })
      }
      const clean = route.path.replace(/\/+$/, '')
      if (clean !== prefix && !clean.startsWith(`${prefix}/`)) {
        e.issues.push({ path, message: `${route.file}: ${method} ${route.path} is outside the module prefix ${prefix}/` })
      }
      claims.push({ entry: e, index, method, shape: routeShape(route.path), path: route.path, file: route.file })
    })
  }
  for (const claim of claims) {
    const others = claims.filter(o => o !== claim && o.shape === claim.shape && (o.method === claim.method || o.method === '*' || claim.method === '*'))
    if (!others.length) continue
    claim.entry.issues.push({
      path: `routes[${claim.index}]`,
      message: `${claim.file}: ${claim.method} ${claim.path} is also claimed by ${others.map(o => `${o.entry.name} ${o.file}`).join(', ')}`,
    })
  }
}
