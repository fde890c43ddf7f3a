import type { H3Event } from 'h3'
import { consola } from 'consola'
import type { ErrorResponse } from '#shared/types/envelope'
import { isConnectionFailure } from './db/failures'
import { DomainError } from './utils/errors'

const log = consola.withTag('dentalpin:http')

interface Mapped {
  status: number
  body: ErrorResponse
  headers: Record<string, string>
}

const GENERIC: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'You do not have permission to do this',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Validation failed',
  429: 'Too many requests',
  503: 'Service unavailable',
}

function codeFor(status: number): string {
  return ({ 400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 409: 'conflict', 422: 'validation_failed', 429: 'rate_limited', 503: 'unavailable' } as Record<number, string>)[status] ?? 'error'
}

const DB_RETRY_AFTER_S = 5

/** A connection-level database failure anywhere in the error's cause chain. */
function databaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    if (isConnectionFailure(current)) return true
    const code = (current as { code?: unknown }).code
    // Statement timeout (57014 query_canceled): the database is too slow to answer now.
    if (code === '57014') return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** The ONE mapping from any thrown error to the ErrorResponse envelope. */
export function mapError(error: unknown): Mapped {
  const cause = (error as { cause?: unknown })?.cause
  const domain = error instanceof DomainError ? error : cause instanceof DomainError ? cause : null
  if (domain) {
    return { status: domain.status, headers: domain.headers, body: { data: null, message: domain.message, errors: domain.errors } }
  }
  // The database cannot be reached or stopped answering: a temporary state, never a 500.
  if (databaseUnavailable(error)) {
    const message = 'The database is unavailable; try again in a moment'
    return { status: 503, headers: { 'Retry-After': String(DB_RETRY_AFTER_S) }, body: { data: null, message, errors: [{ code: 'db.unavailable', message, params: { retry_after: DB_RETRY_AFTER_S } }] } }
  }
  // A unique constraint lost to a concurrent request: the thing already exists.
  const dbCode = (cause as { code?: unknown })?.code ?? (error as { code?: unknown })?.code
  if (dbCode === '23505') {
    const message = 'This already exists'
    return { status: 409, headers: {}, body: { data: null, message, errors: [{ code: 'conflict.duplicate', message }] } }
  }
  const h3 = error as { statusCode?: number, statusMessage?: string, message?: string, unhandled?: boolean }
  const status = typeof h3?.statusCode === 'number' ? h3.statusCode : 500
  if (status >= 500 || h3.unhandled) {
    return { status: status >= 500 ? status : 500, headers: {}, body: { data: null, message: 'Internal server error', errors: [{ code: 'internal_error', message: 'Internal server error' }] } }
  }
  // Framework errors (bad JSON, 405, unknown route...): keep the status, use a safe message.
  const message = status === 400 && h3.statusMessage ? h3.statusMessage : GENERIC[status] ?? 'Request failed'
  return { status, headers: {}, body: { data: null, message, errors: [{ code: codeFor(status), message }] } }
}

/**
 * Nitro error handler (first in the chain): every error under /api/** becomes
 * the envelope; page errors fall through to Nuxt's error page.
 */
export default async function apiErrorHandler(error: unknown, event: H3Event) {
  if (!event.path.startsWith('/api/') && event.path !== '/api') return
  const mapped = mapError(error)
  const requestId = event.context.requestId
  if (mapped.status >= 500) {
    const original = (error as { cause?: unknown }).cause ?? error
    log.error(`[${requestId ?? '-'}] ${event.method} ${event.path.split('?')[0]} failed:`, original)
  }
  else if (mapped.status >= 400) {
    log.debug(`[${requestId ?? '-'}] ${event.method} ${event.path.split('?')[0]} -> ${mapped.status}`)
  }
  if (requestId) setResponseHeader(event, 'X-Request-Id', requestId)
  for (const [k, v] of Object.entries(mapped.headers)) setResponseHeader(event, k, v)
  setResponseHeader(event, 'Content-Type', 'application/json')
  setResponseHeader(event, 'Cache-Control', 'no-store')
  setResponseStatus(event, mapped.status)
  return send(event, JSON.stringify(mapped.body))
}
