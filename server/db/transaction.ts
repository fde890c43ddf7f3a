import type { Kysely, Transaction } from 'kysely'
import { eventBus } from '../platform/events/bus'

/**
 * One unit of work: a database transaction (or the caller's, when `db` is one
 * already) whose published events are delivered after it commits and dropped
 * if it rolls back. Services use this instead of `db.transaction()`.
 */
export function transaction<DB, T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return eventBus.unitOfWork(() => (db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn)))
}
