import { hasPermission } from '#shared/permissions'
import type { RoleName } from '#shared/schemas/auth'

export { grantMatches, hasPermission } from '#shared/permissions'

/** The core's own permissions. Modules add theirs, namespaced `<module>.<local>`. */
export const CORE_PERMISSIONS = ['admin.users.read', 'admin.users.write', 'admin.clinic.read', 'admin.clinic.write'] as const

/** Core grants per role: admin holds everything; the other roles get module grants only. */
const CORE_ROLE_GRANTS: Record<RoleName, string[]> = {
  admin: ['*'],
  dentist: [],
  hygienist: [],
  assistant: [],
  receptionist: [],
}

/**
 * A source of extra permissions (the module registry plugs in here): the
 * permissions it declares and the grants it gives each role. Only installed
 * modules should be reported by a source.
 */
export interface PermissionSource {
  declared(): string[]
  grants(role: RoleName): string[]
}

const sources = new Set<PermissionSource>()

export function registerPermissionSource(source: PermissionSource): () => void {
  sources.add(source)
  return () => sources.delete(source)
}

export function declaredPermissions(): string[] {
  const all = new Set<string>(CORE_PERMISSIONS)
  for (const s of sources) for (const p of s.declared()) all.add(p)
  return [...all].sort()
}

export function roleGrants(role: RoleName): string[] {
  const grants = [...CORE_ROLE_GRANTS[role]]
  for (const s of sources) grants.push(...s.grants(role))
  return grants
}

/** The concrete permission list of a role: grants expanded against every declared permission. */
export function concretePermissions(role: RoleName): string[] {
  const grants = roleGrants(role)
  return declaredPermissions().filter(p => hasPermission(grants, p))
}
