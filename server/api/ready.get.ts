import { readiness } from '../platform/boot'
import { currentDatabaseKind } from '../db'
import { DomainError } from '../utils/errors'

// Readiness: the database answers and every core migration is applied.
export default defineEventHandler(async (event) => {
  const state = await readiness()
  if (!state.ready) {
    setResponseHeader(event, 'Retry-After', 2)
    throw new DomainError('unavailable', 'not_ready', 'Not ready', { errors: [{ code: 'not_ready', message: state.error ?? 'Not ready' }] })
  }
  return ok({ ready: true, database: currentDatabaseKind(), pending_migrations: state.pending })
})
