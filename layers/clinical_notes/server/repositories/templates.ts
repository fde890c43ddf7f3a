// Kysely reads and writes of the clinic's note templates.
import { sql } from 'kysely'
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { ClinicalNotesTemplatesTable, NoteType } from '../../models'
import type { ClinicalNotesDb } from '../db'

type Db = Kysely<ClinicalNotesDb>

export async function listTemplates(db: Db, clinicId: string, types: readonly NoteType[]) {
  if (types.length === 0) return []
  return db.selectFrom('clinical_notes_templates').selectAll()
    .where('clinic_id', '=', clinicId).where('type', 'in', types)
    .orderBy('type').orderBy(sql`lower(name)`).execute()
}

export async function findTemplate(db: Db, clinicId: string, id: string) {
  return db.selectFrom('clinical_notes_templates').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst()
}

export async function findTemplateByName(db: Db, clinicId: string, name: string) {
  return db.selectFrom('clinical_notes_templates').select('id')
    .where('clinic_id', '=', clinicId).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst()
}

export async function insertTemplate(db: Db, values: Insertable<ClinicalNotesTemplatesTable>) {
  return db.insertInto('clinical_notes_templates').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateTemplate(db: Db, clinicId: string, id: string, changes: Updateable<ClinicalNotesTemplatesTable>) {
  return db.updateTable('clinical_notes_templates').set({ ...changes, updated_at: sql`now()` })
    .where('clinic_id', '=', clinicId).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function deleteTemplate(db: Db, clinicId: string, id: string) {
  await db.deleteFrom('clinical_notes_templates').where('clinic_id', '=', clinicId).where('id', '=', id).execute()
}
