/** `*` matches all, `x.*` matches every permission starting with `x.`, otherwise exact. */
export function grantMatches(grant: string, permission: string): boolean {
  if (grant === '*') return true
  if (grant.endsWith('.*')) return permission.startsWith(grant.slice(0, -1))
  return grant === permission
}

export function hasPermission(grants: readonly string[], permission: string): boolean {
  return grants.some(g => grantMatches(g, permission))
}
