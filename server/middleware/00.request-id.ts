import { randomUUID } from 'node:crypto'

// Every response carries X-Request-Id (the caller's, when it sent a sane one).
const SANE = /^[\w.:-]{1,128}$/

export default defineEventHandler((event) => {
  const incoming = getRequestHeader(event, 'x-request-id')
  const id = incoming && SANE.test(incoming) ? incoming : randomUUID()
  event.context.requestId = id
  setResponseHeader(event, 'X-Request-Id', id)
})
