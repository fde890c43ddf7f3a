import { hasPermission } from '#shared/permissions'
import { usePlatform } from '../../../../platform'

// Installed modules as the caller may see them: navigation and permissions filtered for their role.
export default defineEventHandler(async (event) => {
  const auth = await requireAuth(event)
  const modules = usePlatform().runtime.active().map(m => ({
    name: m.name,
    version: m.manifest.version,
    category: m.manifest.category,
    summary: m.manifest.summary ?? null,
    navigation: (m.manifest.frontend?.navigation ?? [])
      .filter(item => !item.permission || hasPermission(auth.grants, item.permission))
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    permissions: auth.permissions.filter(p => p.startsWith(`${m.name}.`)),
  }))
  return ok(modules)
})
