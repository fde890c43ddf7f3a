import { platformStarted, usePlatform } from '../platform'
import { CORE_API_SEGMENTS } from '../platform/rules'
import { notFound } from '../utils/errors'

// Every /api/v1/<segment> outside the core belongs to a module (the build
// enforces it): it is served only while that module is installed.
export default defineEventHandler((event) => {
  const match = event.path.match(/^\/api\/v1\/([^/?]+)/)
  if (!match || CORE_API_SEGMENTS.has(match[1]!)) return
  if (!platformStarted() || !usePlatform().runtime.isInstalled(match[1]!)) {
    throw notFound('http.route_not_found', 'Route not found')
  }
})
