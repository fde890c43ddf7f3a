import { forbidden } from '../utils/errors'

// Cookies are SameSite=Lax; this also refuses cross-site API writes from
// browsers that send an Origin header (defence in depth against CSRF).
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

export default defineEventHandler((event) => {
  if (SAFE.has(event.method) || !event.path.startsWith('/api/')) return
  const origin = getRequestHeader(event, 'origin')
  if (!origin || origin === 'null') return
  let originHost: string
  try {
    originHost = new URL(origin).host
  }
  catch {
    throw forbidden('http.bad_origin', 'Cross-site request refused')
  }
  const host = getRequestHeader(event, 'x-forwarded-host') && useRuntimeConfig().trustProxy
    ? getRequestHeader(event, 'x-forwarded-host')
    : getRequestHeader(event, 'host')
  if (originHost !== host) throw forbidden('http.bad_origin', 'Cross-site request refused')
})
