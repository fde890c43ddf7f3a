import type { H3Event } from 'h3'
import { hasBody, isJsonContentType, isMultipart, uploadRoute } from '../http/body-policy'
import { DomainError, forbidden } from '../utils/errors'

// Defence in depth against CSRF on top of SameSite=Lax cookies. An API write
// (POST/PUT/PATCH/DELETE under /api/) is refused when
// - its Origin is not this site (`Origin: null` included: sandboxed frames,
//   file: pages and some redirects send it), 403;
// - it has no Origin but a Referer that is not this site (or not a URL), 403;
// - its body is not JSON (the form and text/plain types are what a cross-site
//   form or "simple" fetch can send without a preflight), 415. Upload routes
//   listed in server/http/body-policy.ts take multipart/form-data.
// Calls with neither Origin nor Referer (scripts, curl, bearer tokens) pass.
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

function refused(): DomainError {
  return forbidden('http.bad_origin', 'Cross-site request refused')
}

/** The host of a URL-ish header value; null when it is not a URL (`null`, garbage). */
function hostOf(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null
  }
  catch {
    return null
  }
}

function ownHost(event: H3Event): string | undefined {
  const forwarded = getRequestHeader(event, 'x-forwarded-host')
  return forwarded && useRuntimeConfig().trustProxy ? forwarded : getRequestHeader(event, 'host')
}

export default defineEventHandler((event) => {
  if (SAFE.has(event.method) || !event.path.startsWith('/api/')) return
  const host = ownHost(event)
  const origin = getRequestHeader(event, 'origin')
  if (origin !== undefined) {
    if (hostOf(origin) !== host) throw refused()
  }
  else {
    const referer = getRequestHeader(event, 'referer')
    if (referer !== undefined && hostOf(referer) !== host) throw refused()
  }
  if (!hasBody(event)) return
  const contentType = getRequestHeader(event, 'content-type')
  if (isJsonContentType(contentType)) return
  if (isMultipart(contentType) && uploadRoute(event.path)) return
  throw new DomainError('unsupported_media_type', 'http.unsupported_media_type', 'Send the request body as JSON (Content-Type: application/json)')
})
