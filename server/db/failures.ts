// Which errors mean "the database cannot be reached" (a temporary state), for
// the pool and for the one error mapping (server/error-handler.ts).

/** Errors after which a pooled connection cannot be trusted (timed out mid-query, connection lost). */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: unknown, message?: unknown } | null
  const code = typeof e?.code === 'string' ? e.code : ''
  const message = typeof e?.message === 'string' ? e.message : ''
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)
    || /^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)
    || /Query read timeout|Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|not queryable|PGlite is closed/i.test(message)
}
