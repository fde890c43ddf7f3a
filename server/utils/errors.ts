import type { ErrorItem } from '#shared/types/envelope'

export type DomainErrorKind
  = | 'bad_request'
    | 'unauthorized'
    | 'forbidden'
    | 'not_found'
    | 'conflict'
    | 'invalid'
    | 'rate_limited'
    | 'unavailable'

const STATUS: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
}

/**
 * A typed error thrown by services; the edge maps it to the ErrorResponse
 * envelope. `code` is stable (`auth.invalid_credentials`); `message` never
 * echoes raw user input.
 */
export class DomainError extends Error {
  readonly status: number
  readonly errors: ErrorItem[]
  readonly headers: Record<string, string>

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    options: { errors?: ErrorItem[], headers?: Record<string, string>, cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'DomainError'
    this.status = STATUS[kind]
    this.errors = options.errors ?? [{ code, message }]
    this.headers = options.headers ?? {}
  }
}

export const notFound = (code: string, message = 'Not found') => new DomainError('not_found', code, message)
export const forbidden = (code: string, message = 'You do not have permission to do this') => new DomainError('forbidden', code, message)
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message)
export const badRequest = (code: string, message: string) => new DomainError('bad_request', code, message)
export const unauthorized = (code = 'auth.unauthenticated', message = 'Authentication required') => new DomainError('unauthorized', code, message)
export const invalid = (field: string, code: string, message: string) =>
  new DomainError('invalid', code, 'Validation failed', { errors: [{ field, code, message }] })
