import type { IncomingMessage } from 'node:http'
import { hasBody, isMultipart, MAX_JSON_DEPTH, maxBodyBytes, uploadRoute } from '../http/body-policy'
import { jsonDepthExceeds } from '../http/json-depth'
import { DomainError } from '../utils/errors'

// Request bodies are read here, before any handler, and never past the limit:
// a Content-Length over it is refused before a byte is read, and a chunked
// body is counted while it streams in and refused as soon as it passes the
// limit (what was read is dropped; the rest is discarded unbuffered). The
// bytes are handed to h3, so readBody() in the handler does not read again.
// Runs after the cheap header checks (readiness, same-origin, module routes).
const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const H3_RAW_BODY = Symbol.for('h3RawBody')

function tooLarge(limit: number): DomainError {
  return new DomainError('too_large', 'http.body_too_large', 'Request body too large', { params: { limit } })
}

function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
    }
    function onData(chunk: Buffer) {
      size += chunk.length
      if (size > limit) {
        done()
        chunks.length = 0
        // Keep the stream flowing with no listener: the rest is discarded, not kept.
        req.resume()
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    }
    function onEnd() {
      done()
      resolve(Buffer.concat(chunks))
    }
    function onError(error: Error) {
      done()
      reject(error)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}

export default defineEventHandler(async (event) => {
  if (!PAYLOAD_METHODS.has(event.method) || !hasBody(event)) return
  const contentType = getRequestHeader(event, 'content-type')
  // Upload routes stream multipart bodies under their own limit (server/http/body-policy.ts).
  if (uploadRoute(event.path) && isMultipart(contentType)) return
  const limit = maxBodyBytes()
  const declared = Number.parseInt(getRequestHeader(event, 'content-length') ?? '', 10)
  if (declared > limit) throw tooLarge(limit)
  const body = await readLimited(event.node.req, limit)
  ;(event.node.req as unknown as Record<symbol, unknown>)[H3_RAW_BODY] = Promise.resolve(body)
  if (!isMultipart(contentType) && jsonDepthExceeds(body.toString('utf8'), MAX_JSON_DEPTH)) {
    throw new DomainError('bad_request', 'http.json_too_deep', 'Request body nested too deeply', { params: { limit: MAX_JSON_DEPTH } })
  }
})
