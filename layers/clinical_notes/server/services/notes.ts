// Clinical notes: who may read and write which type, revisions on every
// edit, amendments after the 24-hour window, soft delete, and the events,
// published inside the unit of work (delivered after commit, dropped on rollback).
import { consola } from 'consola'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { eventBus, forbidden, invalid, isoInZone, notFound, transaction } from '#dentalpin'
import { NOTE_EDIT_WINDOW_HOURS } from '../../models'
import type {
  ClinicalNote, ClinicalNoteRevision, NoteRow, NoteType,
  noteCreateSchema, noteListQuerySchema, noteUpdateSchema, patientNotesQuerySchema,
} from '../../models'
import { noteOwnerType } from '../../owners'
import type { ClinicalNotesDb, NotesActor } from '../db'
import * as repo from '../repositories/notes'
import type { NoteWithPeople } from '../repositories/notes'
import { hasVisibleText, sanitizeNoteBody } from '../sanitize'

type Db = Kysely<ClinicalNotesDb>

const log = consola.withTag('app.modules.clinical_notes')
const WINDOW_MS = NOTE_EDIT_WINDOW_HOURS * 3_600_000

const notFoundError = () => notFound('clinical_notes.note_not_found')
const person = (id: string | null, first: string | null, last: string | null) =>
  id ? { id, name: `${first ?? ''} ${last ?? ''}`.trim() } : null

function toDto(row: NoteWithPeople, timeZone: string): ClinicalNote {
  return {
    id: row.id,
    clinic_id: row.clinic_id,
    patient_id: row.patient_id,
    owner_type: row.owner_type,
    owner_id: row.owner_id,
    type: row.type,
    tooth: row.tooth,
    body: row.body,
    author: person(row.author_id, row.author_first_name, row.author_last_name),
    updated_by: person(row.updated_by, row.editor_first_name, row.editor_last_name),
    revision_count: row.revision_count,
    is_amended: row.is_amended,
    amendable_from: isoInZone(row.created_at.getTime() + WINDOW_MS, timeZone),
    created_at: isoInZone(row.created_at, timeZone),
    updated_at: isoInZone(row.updated_at, timeZone),
  }
}

async function loadDto(db: Db, clinicId: string, id: string): Promise<ClinicalNote> {
  const row = await repo.findNote(db, clinicId, id)
  if (!row) throw notFoundError()
  return toDto(row, await repo.clinicTimeZone(db, clinicId))
}

// ---- access ----------------------------------------------------------------

function assertCan(actor: NotesActor, action: 'read' | 'write', type: NoteType) {
  const types = action === 'read' ? actor.readTypes : actor.writeTypes
  if (!types.includes(type)) throw forbidden('clinical_notes.forbidden_type', `You may not ${action} ${type} notes`, { type })
}

/** The types a list returns: those asked for (all when none), among those the caller may read. */
function readable(actor: NotesActor, asked: NoteType[] | undefined): NoteType[] {
  return actor.readTypes.filter(type => !asked || asked.includes(type))
}

/** A sanitised body with some text in it (422 on `body` otherwise). */
function cleanBody(body: string): string {
  const clean = sanitizeNoteBody(body)
  if (!hasVisibleText(clean)) throw invalid('body', 'clinical_notes.empty_body', 'The note has no text')
  return clean
}

/** The patient the owner belongs to, in the actor's clinic (422 naming the field otherwise). */
async function resolvePatient(db: Db, actor: NotesActor, input: { owner_type: string, owner_id: string, tooth: number | null }): Promise<string> {
  const owner = noteOwnerType(input.owner_type)
  if (!owner) throw invalid('owner_type', 'clinical_notes.unknown_owner_type', 'Notes cannot be attached to that')
  if (owner.requiresTooth && input.tooth === null) throw invalid('tooth', 'clinical_notes.tooth_required', 'Name the tooth')
  let patientId: string | null = null
  try {
    patientId = await owner.patientOf(db, actor.clinicId, input.owner_id)
  }
  catch (error) {
    // A module that registered its type but is not installed (its table is gone): nothing to attach to.
    log.warn(`owner type ${owner.type} (${owner.module}) could not be resolved: ${(error as Error).message}`)
  }
  // The owner's answer is checked against the patients table (patients' published model).
  if (patientId && await repo.patientOfClinic(db, actor.clinicId, patientId)) return patientId
  throw invalid('owner_id', 'clinical_notes.owner_not_found', 'Nothing of this clinic to attach the note to')
}

function publish(event: 'clinical_note.created' | 'clinical_note.amended', note: NoteRow) {
  eventBus.publish(event, { note_id: note.id, patient_id: note.patient_id, clinic_id: note.clinic_id, type: note.type })
}

// ---- queries ---------------------------------------------------------------

export async function getNote(db: Db, actor: NotesActor, id: string): Promise<ClinicalNote> {
  const note = await loadDto(db, actor.clinicId, id)
  assertCan(actor, 'read', note.type)
  return note
}

/** Notes on one owner (a patient, a tooth, an appointment...), newest first. */
export async function listOwnerNotes(db: Db, actor: NotesActor, query: z.output<typeof noteListQuerySchema>) {
  if (!noteOwnerType(query.owner_type)) throw invalid('owner_type', 'clinical_notes.unknown_owner_type', 'Notes cannot be attached to that')
  return list(db, actor, { ownerType: query.owner_type, ownerId: query.owner_id, tooth: query.tooth, types: readable(actor, query.type) }, query)
}

/** Every note of a patient, whatever it is attached to (404 for a patient of another clinic). */
export async function listPatientNotes(db: Db, actor: NotesActor, patientId: string, query: z.output<typeof patientNotesQuerySchema>) {
  if (!(await repo.patientOfClinic(db, actor.clinicId, patientId))) throw notFound('clinical_notes.patient_not_found')
  return list(db, actor, { patientId, types: readable(actor, query.type) }, query)
}

async function list(db: Db, actor: NotesActor, filters: repo.NoteFilters, paging: { page: number, page_size: number }) {
  const { rows, total } = await repo.listNotes(db, actor.clinicId, filters, paging.page, paging.page_size)
  const timeZone = await repo.clinicTimeZone(db, actor.clinicId)
  return { items: rows.map(r => toDto(r, timeZone)), total }
}

/** Every version of a note, the first one included, oldest first. */
export async function listRevisions(db: Db, actor: NotesActor, id: string): Promise<ClinicalNoteRevision[]> {
  await getNote(db, actor, id)
  const timeZone = await repo.clinicTimeZone(db, actor.clinicId)
  return (await repo.listRevisions(db, actor.clinicId, id)).map(r => ({
    revision: r.revision,
    body: r.body,
    is_amendment: r.is_amendment,
    reason: r.reason,
    edited_by: person(r.edited_by, r.first_name, r.last_name),
    edited_at: isoInZone(r.edited_at, timeZone),
  }))
}

// ---- commands --------------------------------------------------------------

export async function createNote(db: Db, actor: NotesActor, input: z.output<typeof noteCreateSchema>): Promise<ClinicalNote> {
  assertCan(actor, 'write', input.type)
  const body = cleanBody(input.body)
  const patientId = await resolvePatient(db, actor, input)
  return transaction(db, async (trx) => {
    const note = await repo.insertNote(trx, {
      clinic_id: actor.clinicId,
      patient_id: patientId,
      owner_type: input.owner_type,
      owner_id: input.owner_id,
      type: input.type,
      tooth: input.tooth,
      body,
      author_id: actor.userId,
      updated_by: actor.userId,
    })
    await repo.insertRevision(trx, { note_id: note.id, clinic_id: actor.clinicId, body, reason: null, edited_by: actor.userId })
    publish('clinical_note.created', note)
    return loadDto(trx, actor.clinicId, note.id)
  })
}

/**
 * A new text for the note. Within 24 hours of writing it, the text is
 * rewritten; afterwards the edit is an amendment (the revision says so, and
 * `clinical_note.amended` is published). Either way the previous text stays
 * in the revisions. The same text again changes nothing.
 */
export async function updateNote(db: Db, actor: NotesActor, id: string, input: z.output<typeof noteUpdateSchema>): Promise<ClinicalNote> {
  return transaction(db, async (trx) => {
    const current = await repo.lockNote(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    assertCan(actor, 'read', current.type)
    assertCan(actor, 'write', current.type)
    const body = cleanBody(input.body)
    if (body === current.body) return loadDto(trx, actor.clinicId, id)
    const isAmendment = Date.now() - current.created_at.getTime() > WINDOW_MS
    await repo.updateBody(trx, actor.clinicId, id, body, actor.userId)
    await repo.insertRevision(trx, { note_id: id, clinic_id: actor.clinicId, body, is_amendment: isAmendment, reason: input.reason, edited_by: actor.userId })
    if (isAmendment) publish('clinical_note.amended', current)
    return loadDto(trx, actor.clinicId, id)
  })
}

/** Soft delete: the note leaves every list and read, the row stays with who deleted it and why. */
export async function deleteNote(db: Db, actor: NotesActor, id: string, reason: string | null): Promise<void> {
  await transaction(db, async (trx) => {
    const current = await repo.lockNote(trx, actor.clinicId, id)
    if (!current) throw notFoundError()
    assertCan(actor, 'read', current.type)
    assertCan(actor, 'write', current.type)
    await repo.softDelete(trx, actor.clinicId, id, actor.userId, reason)
  })
}
