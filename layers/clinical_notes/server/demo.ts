// Demo notes for `npm run demo` (BaseModule.seedDemo): every active patient
// gets a few notes of each kind over the last weeks — a diagnosis and a
// treatment note by the dentist, a progress note by the hygienist, an
// administrative one from reception — some on a tooth, a couple edited and
// one amended after the 24-hour window; plus the clinic's first templates.
// Everything goes through the services (revisions and events as in daily use);
// only the dates are moved back afterwards.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { DemoContext } from '#dentalpin'
import type { NoteType } from '../models'
import type { ClinicalNotesDb, NotesActor } from './db'
import { createNote, updateNote } from './services/notes'
import { createTemplate } from './services/templates'

type Author = 'dentist' | 'hygienist' | 'receptionist'
interface DemoNote { type: NoteType, by: Author, tooth?: number, body: string, edit?: string, amend?: string }

// Sets of notes handed out to the patients in turn.
const SETS: DemoNote[][] = [
  [
    { type: 'diagnosis', by: 'dentist', tooth: 16, body: '<p>Occlusal caries on <strong>16</strong>, moderate depth on the bitewing. No pain on percussion.</p>' },
    { type: 'treatment', by: 'dentist', tooth: 16, body: '<p>Composite filling 16-O under local anaesthesia (articaine 4%, 1 carpule). Occlusion checked.</p>', edit: '<p>Composite filling 16-O under local anaesthesia (articaine 4%, 1 carpule). Occlusion checked and polished.</p>' },
    { type: 'progress', by: 'hygienist', body: '<p>Scaling and polishing. Mild gingival bleeding in the lower incisors.</p><ul><li>Interdental brushes size 2</li><li>Review in 6 months</li></ul>' },
    { type: 'administrative', by: 'receptionist', body: '<p>Prefers morning appointments. Reminder by SMS.</p>' },
  ],
  [
    { type: 'diagnosis', by: 'dentist', tooth: 36, body: '<p>Deep distal caries on <strong>36</strong> close to the pulp; lingering pain to cold. Suspected irreversible pulpitis.</p>', amend: '<p>Deep distal caries on <strong>36</strong> close to the pulp; lingering pain to cold. Irreversible pulpitis confirmed by the periapical X-ray.</p>' },
    { type: 'treatment', by: 'dentist', tooth: 36, body: '<p>Root canal 36, session 1: access, working length, instrumentation of three canals. Temporary filling.</p>' },
    { type: 'progress', by: 'dentist', body: '<p>Asymptomatic after the first session. Second session booked.</p>' },
    { type: 'administrative', by: 'receptionist', body: '<p>Insurance card photocopied. Quote for the crown sent by email.</p>' },
  ],
  [
    { type: 'diagnosis', by: 'dentist', body: '<p>Generalised gingivitis, plaque index high. No pockets over 4 mm.</p>' },
    { type: 'progress', by: 'hygienist', body: '<p>Oral hygiene instructions given; <em>modified Bass technique</em> shown with the model.</p>', edit: '<p>Oral hygiene instructions given; <em>modified Bass technique</em> shown with the model. Electric toothbrush recommended.</p>' },
    { type: 'treatment', by: 'hygienist', body: '<p>Full-mouth scaling with ultrasound. Fluoride varnish applied.</p>' },
    { type: 'administrative', by: 'receptionist', body: '<p>Asked for an invoice in the company\'s name.</p>' },
  ],
  [
    { type: 'diagnosis', by: 'dentist', tooth: 11, body: '<p>Fracture of the incisal edge of <strong>11</strong> after a fall. Vitality test positive.</p>' },
    { type: 'treatment', by: 'dentist', tooth: 11, body: '<p>Composite build-up of 11 (shade A2). Night guard advised for sports.</p>' },
    { type: 'administrative', by: 'receptionist', body: '<p>Comes with a parent; consent form signed by the mother.</p>' },
  ],
]

const TEMPLATES: { name: string, type: NoteType, body: string }[] = [
  { name: 'Check-up', type: 'diagnosis', body: '<p>Reason for the visit: </p><p>Findings: </p><ul><li>Soft tissues: normal</li><li>Hygiene: </li></ul>' },
  { name: 'Filling', type: 'treatment', body: '<p>Filling on tooth __ (surfaces __) under local anaesthesia. Material: composite. Occlusion checked.</p>' },
  { name: 'Cleaning', type: 'progress', body: '<p>Scaling and polishing. Bleeding on probing: </p><p>Advice given: </p>' },
  { name: 'Payment plan', type: 'administrative', body: '<p>Agreed to pay in __ instalments.</p>' },
]

const DAY = 86_400_000

export async function seedClinicalNotesDemo(ctx: DemoContext): Promise<void> {
  const db = ctx.db as Kysely<ClinicalNotesDb>
  const actor = (role: Author | 'admin'): NotesActor => ({
    clinicId: ctx.clinicId,
    userId: ctx.users[role] ?? ctx.users.admin!,
    readTypes: ['administrative', 'diagnosis', 'treatment', 'progress'],
    writeTypes: ['administrative', 'diagnosis', 'treatment', 'progress'],
  })
  for (const t of TEMPLATES) await createTemplate(db, actor('admin'), t)

  const patients = await db.selectFrom('patients').select('id').where('clinic_id', '=', ctx.clinicId).where('status', '=', 'active').orderBy('last_name').execute()
  for (const [i, patient] of patients.entries()) {
    const set = SETS[i % SETS.length]!
    for (const [j, note] of set.entries()) {
      const owner = note.tooth ? { owner_type: 'tooth', tooth: note.tooth } : { owner_type: 'patient', tooth: null }
      const created = await createNote(db, actor(note.by), { ...owner, owner_id: patient.id, type: note.type, body: note.body })
      // A correction within the day rewrites; then the note moves back over the last weeks, oldest first.
      if (note.edit) await updateNote(db, actor(note.by), created.id, { body: note.edit, reason: null })
      await backdate(db, created.id, ((set.length - j) * 9 + (i % 7)) * DAY)
      // Weeks later, an amendment: the original text stays as a revision.
      if (note.amend) await updateNote(db, actor(note.by), created.id, { body: note.amend, reason: 'X-ray result' })
    }
  }
}

/** Moves a note (and the versions written so far) back in time. */
async function backdate(db: Kysely<ClinicalNotesDb>, noteId: string, ms: number) {
  const interval = `${Math.round(ms / 1000)} seconds`
  await db.updateTable('clinical_notes_notes').set({ created_at: sql`created_at - ${interval}::interval`, updated_at: sql`updated_at - ${interval}::interval` }).where('id', '=', noteId).execute()
  await db.updateTable('clinical_notes_revisions').set({ edited_at: sql`edited_at - ${interval}::interval` }).where('note_id', '=', noteId).execute()
}
