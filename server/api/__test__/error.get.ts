import { notFound } from '../../utils/errors'

// Exists only for the API test suite (DENTALPIN_TEST_ROUTES=1): proves that an
// unexpected error answers a 500 envelope without internals.
export default defineEventHandler(() => {
  if (process.env.DENTALPIN_TEST_ROUTES !== '1') throw notFound('http.route_not_found', 'Route not found')
  throw new Error('boom: secret internal detail at /srv/app/db.ts:42')
})
