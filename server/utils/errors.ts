import type { ErrorItem, ErrorParams } from '#shared/types/envelope'

export type DomainErrorKind
  = | 'bad_request'
    | 'unauthorized'
    | 'forbidden'
    | 'not_found'
    | 'conflict'
    | 'invalid'
    | 'too_large'
    | 'unsupported_media_type'
    | 'rate_limited'
    | 'unavailable'

const STATUS: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
}

/**
 * A typed error thrown by services; the edge maps it to the ErrorResponse
 * envelope. `code` is stable (`auth.invalid_credentials`); `message` never
 * echoes raw user input. `params` are the values a client needs to say the
 * same in its own language (`{ module: 'patients' }`); they travel on the item.
 */
export class DomainError extends Error {
  readonly status: number
  readonly errors: ErrorItem[]
  readonly headers: Record<string, string>

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    options: { errors?: ErrorItem[], headers?: Record<string, string>, cause?: unknown, params?: ErrorParams } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'DomainError'
    this.status = STATUS[kind]
    this.errors = options.errors ?? [{ code, message, ...(options.params && Object.keys(options.params).length ? { params: options.params } : {}) }]
    this.headers = options.headers ?? {}
  }
}

export const notFound = (code: string, message = 'Not found', params?: ErrorParams) => new DomainError('not_found', code, message, { params })
export const forbidden = (code: string, message = 'You do not have permission to do this', params?: ErrorParams) => new DomainError('forbidden', code, message, { params })
export const conflict = (code: string, message: string, params?: ErrorParams) => new DomainError('conflict', code, message, { params })
export const badRequest = (code: string, message: string, params?: ErrorParams) => new DomainError('bad_request', code, message, { params })
export const unauthorized = (code = 'auth.unauthenticated', message = 'Authentication required') => new DomainError('unauthorized', code, message)
export const invalid = (field: string, code: string, message: string, params?: ErrorParams) =>
  new DomainError('invalid', code, 'Validation failed', { errors: [{ field, code, message, ...(params ? { params } : {}) }] })
