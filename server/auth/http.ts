// The core's own sign-in plumbing: the session cookie and what the auth
// routes pass to the service. Core routes import it explicitly; it is not
// auto-imported (modules never set or read the session cookie).
import type { H3Event } from 'h3'
import { isProduction } from '../platform/env'
import type { AuthSettings, ClientInfo, IssuedSecret } from './service'

export const SESSION_COOKIE = 'dentalpin_session'

export function authSettings(): AuthSettings {
  const config = useRuntimeConfig()
  return {
    loginMaxFailures: Number(config.loginMaxFailures),
    loginWindowSeconds: Number(config.loginWindowSeconds),
    sessionDays: Number(config.sessionDays),
    tokenDays: Number(config.tokenDays),
  }
}

export function clientInfo(event: H3Event): ClientInfo {
  const trustProxy = Boolean(useRuntimeConfig().trustProxy)
  return {
    ip: getRequestIP(event, { xForwardedFor: trustProxy }) ?? 'unknown',
    userAgent: getRequestHeader(event, 'user-agent') ?? null,
  }
}

export function setSessionCookie(event: H3Event, issued: IssuedSecret): void {
  setCookie(event, SESSION_COOKIE, issued.secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isProduction(),
    path: '/',
    expires: issued.expiresAt,
  })
}

export function clearSessionCookie(event: H3Event): void {
  deleteCookie(event, SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: isProduction(), path: '/' })
}
