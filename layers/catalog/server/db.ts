import type { CatalogTables } from '../models'

/** What the catalog reads and writes: only its own tables (it depends on no module). */
export type CatalogDb = CatalogTables

/** Who acts, in which clinic (from the request's auth context). */
export interface Actor {
  clinicId: string
  userId: string
}
