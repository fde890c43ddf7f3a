import { bootStatus, isReady } from '../platform/boot'

// Until start-up (database, migrations) has finished, nothing but liveness is served.
export default defineEventHandler((event) => {
  if (isReady() || event.path === '/api/health') return
  setResponseHeader(event, 'Retry-After', 2)
  setResponseStatus(event, 503)
  const state = bootStatus().state
  if (event.path.startsWith('/api/')) {
    setResponseHeader(event, 'Content-Type', 'application/json')
    const message = state === 'stopping' ? 'DentalPin is restarting' : 'DentalPin is starting'
    return JSON.stringify({ data: null, message, errors: [{ code: 'not_ready', message }] })
  }
  setResponseHeader(event, 'Content-Type', 'text/html; charset=utf-8')
  return '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>DentalPin</title>'
    + '<p style="font-family:sans-serif;margin:3rem">DentalPin is starting&hellip;</p>'
})
