import type { DeleteQueryBuilder, DeleteResult, Kysely, SelectQueryBuilder, UpdateQueryBuilder, UpdateResult } from 'kysely'

/**
 * Clinic scoping for tenant tables (every table with a `clinic_id`). Every
 * clinic-scoped query starts here so a row of another clinic is simply not
 * found (and answers 404), never read or changed.
 */
export function clinicScoped<DB, TB extends keyof DB & string>(db: Kysely<DB>, table: TB, clinicId: string) {
  // Kysely cannot type a column reference built from a generic table name; the casts keep the callers typed.
  const untyped = db as unknown as Kysely<any>
  const name: string = table
  const column = `${name}.clinic_id`
  return {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    select: () => untyped.selectFrom(name).where(column, '=', clinicId) as unknown as SelectQueryBuilder<DB, TB, {}>,
    update: () => untyped.updateTable(name).where(column, '=', clinicId) as unknown as UpdateQueryBuilder<DB, TB, TB, UpdateResult>,
    delete: () => untyped.deleteFrom(name).where(column, '=', clinicId) as unknown as DeleteQueryBuilder<DB, TB, DeleteResult>,
  }
}
