import semver from 'semver'
import { z } from 'zod'
import { ROLES } from '#shared/schemas/auth'
import { formatPath } from '#shared/validation'

/** One problem of a manifest, with its path (`frontend.navigation[0].permission`). */
export interface ManifestIssue {
  path: string
  message: string
}

/** A manifest that does not validate; carries every problem at once. */
export class ManifestError extends Error {
  constructor(readonly issues: ManifestIssue[], readonly moduleName?: string) {
    super(`Invalid manifest${moduleName ? ` for ${moduleName}` : ''}: ${issues.map(i => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`)
    this.name = 'ManifestError'
  }
}

export const MODULE_NAME = /^[a-z][a-z0-9_]*$/

const moduleName = z.string().max(50, 'must be at most 50 characters').regex(MODULE_NAME, 'must be snake_case (^[a-z][a-z0-9_]*$)')
const version = z.string().refine(v => semver.valid(v) !== null && /^\d+\.\d+\.\d+/.test(v), 'must be a semver version X.Y.Z')

/** `"patients"` or `"patients@^1.2"`. */
export interface Dependency {
  name: string
  range: string | null
}

export function parseDependency(entry: string): Dependency {
  const at = entry.indexOf('@')
  if (at === -1) return { name: entry, range: null }
  return { name: entry.slice(0, at), range: entry.slice(at + 1) }
}

const dependency = z.string().superRefine((entry, ctx) => {
  const { name, range } = parseDependency(entry)
  if (!MODULE_NAME.test(name) || name.length > 50) ctx.addIssue({ code: 'custom', message: `"${name}" is not a module name` })
  if (range !== null && semver.validRange(range) === null) ctx.addIssue({ code: 'custom', message: `"${range}" is not a semver range` })
})

const relativePath = z.string().min(1).refine(
  p => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'),
  'must be a relative path inside the module (no leading / and no ..)',
)

const navigationItem = z.strictObject({
  label: z.string().min(1),
  to: z.string().startsWith('/', 'must start with /'),
  icon: z.string().min(1).optional(),
  permission: z.string().min(1).optional(),
  order: z.number().int().optional(),
})

const manifestShape = z.strictObject({
  name: moduleName,
  version,
  min_core_version: version.optional(),
  max_core_version: version.optional(),
  summary: z.string().optional(),
  author: z.string().optional(),
  license: z.string().optional(),
  category: z.enum(['official', 'community']),
  depends: z.array(dependency),
  installable: z.boolean(),
  auto_install: z.boolean(),
  removable: z.boolean(),
  data_files: z.array(relativePath).optional(),
  role_permissions: z.record(z.string(), z.array(z.string().min(1))).optional(),
  frontend: z.strictObject({
    layer_path: relativePath.optional(),
    navigation: z.array(navigationItem).optional(),
  }).optional(),
})

export type Manifest = z.output<typeof manifestShape>
export type NavigationItem = z.output<typeof navigationItem>

const KNOWN_ROLES = new Set<string>(ROLES)

// Rules across fields: trust tiers, known roles, version bounds, namespaced navigation permissions.
const manifestSchema = manifestShape.superRefine((m, ctx) => {
  if (m.category === 'community' && m.auto_install) {
    ctx.addIssue({ code: 'custom', path: ['auto_install'], message: 'community modules cannot auto-install' })
  }
  if (m.category === 'community' && !m.removable) {
    ctx.addIssue({ code: 'custom', path: ['removable'], message: 'community modules must be removable' })
  }
  if (m.category === 'official' && m.frontend?.layer_path !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['frontend', 'layer_path'], message: 'layer_path is for community modules only (official modules are their layer)' })
  }
  if (m.min_core_version && m.max_core_version && semver.gt(m.min_core_version, m.max_core_version)) {
    ctx.addIssue({ code: 'custom', path: ['min_core_version'], message: `min_core_version ${m.min_core_version} is greater than max_core_version ${m.max_core_version}` })
  }
  for (const role of Object.keys(m.role_permissions ?? {})) {
    if (!KNOWN_ROLES.has(role)) {
      ctx.addIssue({ code: 'custom', path: ['role_permissions', role], message: `unknown role "${role}" (known: ${ROLES.join(', ')})` })
    }
  }
  m.frontend?.navigation?.forEach((item, i) => {
    if (item.permission && !item.permission.startsWith(`${m.name}.`)) {
      ctx.addIssue({ code: 'custom', path: ['frontend', 'navigation', i, 'permission'], message: `must be namespaced with the module name ("${m.name}.…")` })
    }
  })
  const names = m.depends.map(d => parseDependency(d).name)
  if (names.includes(m.name)) ctx.addIssue({ code: 'custom', path: ['depends'], message: 'a module cannot depend on itself' })
  if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', path: ['depends'], message: 'lists a module twice' })
})

/** Parses and validates a manifest; throws a ManifestError listing every problem with its path. */
export function parseManifest(input: unknown): Manifest {
  const result = manifestSchema.safeParse(input)
  if (result.success) return result.data
  const name = typeof (input as { name?: unknown })?.name === 'string' ? (input as { name: string }).name : undefined
  const issues = result.error.issues.flatMap(issue => issue.code === 'unrecognized_keys'
    // One issue per unknown key, at the key's own path (typos must be easy to find).
    ? issue.keys.map(key => ({ path: formatPath([...issue.path, key]), message: 'unknown key' }))
    : [{ path: formatPath(issue.path), message: issue.message }])
  throw new ManifestError(issues, name)
}

/** Same as parseManifest, as a result instead of an exception. */
export function safeParseManifest(input: unknown): { ok: true, manifest: Manifest } | { ok: false, error: ManifestError } {
  try {
    return { ok: true, manifest: parseManifest(input) }
  }
  catch (error) {
    if (error instanceof ManifestError) return { ok: false, error }
    throw error
  }
}

/**
 * What every official module's manifest says alike: made and licensed by the
 * DentalPin core team, installed with the core on every clinic and never
 * removable. An official module spreads it into its own:
 * `static override manifest = { name, version, summary, ...OFFICIAL_MODULE, depends }`.
 */
export const OFFICIAL_MODULE = {
  author: 'DentalPin Core Team',
  license: 'BSL-1.1',
  category: 'official',
  installable: true,
  auto_install: true,
  removable: false,
} as const

/** The manifest synthesised for a legacy module (name/version/dependencies getters only). */
export function legacyManifest(name: string, moduleVersion: string, dependencies: string[]): Manifest {
  return parseManifest({
    name,
    version: moduleVersion,
    category: 'official',
    depends: dependencies,
    installable: true,
    auto_install: false,
    removable: false,
  })
}
