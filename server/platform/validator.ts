// The cross-module validator of `npm run modules -- validate`: everything
// the manifest parser cannot see on one manifest alone — dependencies against
// the versions on disk, cycles, grants and navigation against the declared
// permissions — plus the shared module rules (rules.ts: names, routes, tables,
// models, down migrations). Pure: the caller (scripts/modules.ts) loads the
// modules; this only judges what it is given.
import semver from 'semver'
import { describeCycle, findCycles, satisfiesRange, type GraphModule } from './graph'
import { MODULE_NAME, parseDependency, safeParseManifest, type Manifest } from './manifest'
import { checkDownMigrations, checkDuplicateNames, checkEntry, checkModels, checkRoutes, checkSharedTables, checkTableOwnership } from './rules'
import type { RouteFile, RuleIssue } from './rules'

export interface ModuleUnderValidation {
  /** Used in messages when the manifest has no usable name. */
  name?: string
  /** The module's folder, for messages. */
  source: string
  /** Where it was found, when known: the category and folder rules then apply. */
  found?: { id: string, category: 'official' | 'community', dataFiles?: string[] }
  /** The raw manifest object, as the module declares it. */
  manifest: unknown
  /** Module-local permissions, as getPermissions() returns them. */
  permissions: string[]
  migrations: { name: string, hasDown: boolean }[]
  /** Tables its migrations create, when known. */
  tables?: string[]
  /** The tables getModels() declares, when it could be read: checked against `tables`. */
  models?: string[]
  /** Its route files: `{ method: 'GET' | '*' (any), path: '/api/v1/foo/:id', file }`. */
  routes?: RouteFile[]
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
  /** The rule's stable code, for the shared module rules. */
  code?: string
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

/** `coreRoutes`: the core's own route files, which no module route may claim again. */
export function validateModules(input: readonly ModuleUnderValidation[], coreRoutes: readonly RouteFile[] = []): ValidationReport {
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
  const add = (e: Entry, issues: readonly RuleIssue[]) => e.issues.push(...issues.map(i => ({ path: i.path, message: i.message, code: i.code })))

  checkDuplicateNames(entries.map(e => ({ name: e.name, source: e.input.source }))).forEach((issues, i) => add(entries[i]!, issues))
  checkDependencies(entries)
  const loaded = entries.filter(e => e.input.loadError === undefined)
  for (const e of loaded) {
    if (e.manifest) add(e, checkEntry(e.input.found ?? { id: e.name }, e.manifest))
    checkGrants(e)
    checkNavigation(e)
    add(e, checkTableOwnership(e.name, e.input.tables ?? []))
    const models = e.input.models && checkModels(e.name, e.input.models, e.input.tables ?? [])
    if (models) add(e, [models])
    add(e, checkDownMigrations(e.name, e.manifest?.removable ?? e.view.removable, e.input.migrations))
  }
  const owners = [{ name: 'core', core: true, routes: coreRoutes }, ...loaded.map(e => ({ name: e.name, routes: e.input.routes ?? [] }))]
  checkRoutes(owners).slice(1).forEach((issues, i) => add(loaded[i]!, issues))
  checkSharedTables(entries.map(e => ({ name: e.name, tables: e.input.tables ?? [] }))).forEach((issues, i) => add(entries[i]!, issues))

  const modules = entries.map(e => ({ name: e.name, source: e.input.source, issues: e.issues }))
  return { ok: modules.every(m => m.issues.length === 0), modules }
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
