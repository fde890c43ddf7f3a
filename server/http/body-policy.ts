import type { H3Event } from 'h3'

// What a request body may be, per route. Every API write takes JSON up to
// `maxBodyBytes` (runtime config, NUXT_MAX_BODY_BYTES, default 1 MB).
//
// Seam for uploads (TODO(#15): the media upload routes add themselves here): a route
// listed in UPLOAD_ROUTES takes multipart/form-data, with its own size limit,
// and reads its body as a stream itself (the body-limit middleware does not
// buffer it).
export interface UploadRoute {
  /** Matched against the path without the query string. */
  pattern: RegExp
  maxBytes: number
}

export const UPLOAD_ROUTES: UploadRoute[] = []

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** JSON bodies nested deeper than this are refused (400) before they are parsed. */
export const MAX_JSON_DEPTH = 32

export function uploadRoute(path: string): UploadRoute | undefined {
  const bare = path.split('?')[0]!
  return UPLOAD_ROUTES.find(r => r.pattern.test(bare))
}

export function maxBodyBytes(): number {
  const configured = Number(useRuntimeConfig().maxBodyBytes)
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_BODY_BYTES
}

/** Whether the request announces a body (a length above 0, or chunked). */
export function hasBody(event: H3Event): boolean {
  const headers = event.node.req.headers
  return Number.parseInt(headers['content-length'] ?? '', 10) > 0
    || /\bchunked\b/i.test(String(headers['transfer-encoding'] ?? ''))
}

/** `application/json` or a `+json` type such as `application/merge-patch+json`, parameters aside. */
export function isJsonContentType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type)
}

export function isMultipart(contentType: string | undefined): boolean {
  return (contentType ?? '').trim().toLowerCase().startsWith('multipart/form-data')
}
