import { sql } from 'kysely'
import type { Kysely } from 'kysely'

/**
 * Clinic scoping for tenant tables (every table with a `clinic_id`). Every
 * clinic-scoped query starts here so a row of another clinic is simply not
 * found (and answers 404), never read or changed.
 */
export function clinicScoped<DB, TB extends keyof DB & string>(db: Kysely<DB>, table: TB, clinicId: string) {
  const column = sql.ref(`${table}.clinic_id`)
  return {
    select: () => db.selectFrom(table as any).where(column, '=', clinicId),
    update: () => db.updateTable(table as any).where(column, '=', clinicId),
    delete: () => db.deleteFrom(table as any).where(column, '=', clinicId),
  }
}
