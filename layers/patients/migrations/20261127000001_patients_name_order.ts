import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// The list is ordered by names folded to lower case without accents (so
// "Álvarez" sits with "Alvarez" whatever the database collation). These
// indexes serve that order; the expressions must stay exactly those of
// layers/patients/server/repositories/patients.ts (`folded()`).
const FOLD_FROM = 'ÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇÝáàâäãåéèêëíìîïóòôöõúùûüñçýÿ'
const FOLD_TO = 'AAAAAAEEEEIIIIOOOOOUUUUNCYaaaaaaeeeeiiiiooooouuuuncyy'

export async function up(db: Kysely<any>): Promise<void> {
  const fold = (column: string) => sql`lower(translate(${sql.ref(column)}, ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)}))`
  await sql`create index patients_clinic_last_name_folded on patients (clinic_id, ${fold('last_name')}, ${fold('first_name')}, id)`.execute(db)
  await sql`create index patients_clinic_first_name_folded on patients (clinic_id, ${fold('first_name')}, ${fold('last_name')}, id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('patients_clinic_first_name_folded').execute()
  await db.schema.dropIndex('patients_clinic_last_name_folded').execute()
}
