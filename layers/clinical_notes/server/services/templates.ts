// The clinic's note templates: a name, the note type they are for and a
// sanitised body to start from. Names are unique per clinic (any case).
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { conflict, forbidden, invalid, iso, notFound, transaction } from '#dentalpin'
import type { ClinicalNoteTemplate, NoteType, TemplateRow, templateCreateSchema, templateListQuerySchema, templateUpdateSchema } from '../../models'
import type { ClinicalNotesDb, NotesActor } from '../db'
import * as repo from '../repositories/templates'
import { hasVisibleText, sanitizeNoteBody } from '../sanitize'

type Db = Kysely<ClinicalNotesDb>

function toDto(row: TemplateRow): ClinicalNoteTemplate {
  return { id: row.id, name: row.name, type: row.type, body: row.body, created_at: iso(row.created_at), updated_at: iso(row.updated_at) }
}

function cleanBody(body: string): string {
  const clean = sanitizeNoteBody(body)
  if (!hasVisibleText(clean)) throw invalid('body', 'clinical_notes.empty_body', 'The template has no text')
  return clean
}

/** A template for a type the caller cannot write is not theirs to change (nor to use). */
function assertWritable(actor: NotesActor, type: NoteType) {
  if (!actor.writeTypes.includes(type)) throw forbidden('clinical_notes.forbidden_type', `You may not write ${type} notes`, { type })
}

const nameTaken = () => conflict('clinical_notes.template_name_taken', 'A template with this name exists')

async function assertNameFree(db: Db, clinicId: string, name: string, exceptId: string | null) {
  const taken = await repo.findTemplateByName(db, clinicId, name)
  if (taken && taken.id !== exceptId) throw nameTaken()
}

/** The unique index (clinic_id, lower(name)) settles a race the pre-check lost. */
async function guardUnique<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  }
  catch (error) {
    if ((error as { code?: string })?.code === '23505') throw nameTaken()
    throw error
  }
}

/** The templates of the types the caller may read, by type and name. */
export async function listTemplates(db: Db, actor: NotesActor, query: z.output<typeof templateListQuerySchema>): Promise<ClinicalNoteTemplate[]> {
  const types = actor.readTypes.filter(t => !query.type || query.type.includes(t))
  return (await repo.listTemplates(db, actor.clinicId, types)).map(toDto)
}

export async function createTemplate(db: Db, actor: NotesActor, input: z.output<typeof templateCreateSchema>): Promise<ClinicalNoteTemplate> {
  assertWritable(actor, input.type)
  const body = cleanBody(input.body)
  return guardUnique(() => transaction(db, async (trx) => {
    await assertNameFree(trx, actor.clinicId, input.name, null)
    return toDto(await repo.insertTemplate(trx, { clinic_id: actor.clinicId, name: input.name, type: input.type, body, created_by: actor.userId }))
  }))
}

export async function updateTemplate(db: Db, actor: NotesActor, id: string, input: z.output<typeof templateUpdateSchema>): Promise<ClinicalNoteTemplate> {
  return guardUnique(() => transaction(db, async (trx) => {
    const current = await repo.findTemplate(trx, actor.clinicId, id)
    if (!current) throw notFound('clinical_notes.template_not_found')
    assertWritable(actor, current.type)
    if (input.type) assertWritable(actor, input.type)
    if (input.name !== undefined) await assertNameFree(trx, actor.clinicId, input.name, id)
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.body !== undefined ? { body: cleanBody(input.body) } : {}),
    }
    if (Object.keys(changes).length === 0) return toDto(current)
    return toDto(await repo.updateTemplate(trx, actor.clinicId, id, changes))
  }))
}

export async function deleteTemplate(db: Db, actor: NotesActor, id: string): Promise<void> {
  const current = await repo.findTemplate(db, actor.clinicId, id)
  if (!current) throw notFound('clinical_notes.template_not_found')
  assertWritable(actor, current.type)
  await repo.deleteTemplate(db, actor.clinicId, id)
}
