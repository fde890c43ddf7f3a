import { isProduction } from '../platform/env'

// Headers for every response, the API's JSON included (the HTML pages get
// their CSP, framing, referrer and permissions headers from nuxt-security,
// configured in nuxt.config.ts). HSTS only when the server runs in production
// (NODE_ENV at run time, not build time): a plain-HTTP test or LAN server must
// not pin browsers to HTTPS.
const HSTS = 'max-age=31536000; includeSubDomains'

export default defineEventHandler((event) => {
  setResponseHeader(event, 'X-Content-Type-Options', 'nosniff')
  if (isProduction()) setResponseHeader(event, 'Strict-Transport-Security', HSTS)
  removeResponseHeader(event, 'X-Powered-By')
})
