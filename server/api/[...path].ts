import { notFound } from '../utils/errors'

// Any /api/** path no route claims: 404 in the envelope.
export default defineEventHandler(() => {
  throw notFound('http.route_not_found', 'Route not found')
})
