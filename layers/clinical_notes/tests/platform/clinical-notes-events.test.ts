// clinical_notes' events in-process on a real database: created and amended
// are published once, after the commit, with exactly their catalog keys; an
// edit inside the 24-hour window, a refused write and a rolled-back unit of
// work publish nothing.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { EVENT_KEYS, eventBus, transaction } from '#dentalpin'
import { moduleWorld, recordEvents } from '../../../../tests/support/module-world'
import type { ClinicalNotesDb, NotesActor } from '../../server/db'
import { createNote, updateNote } from '../../server/services/notes'

const world = moduleWorld<ClinicalNotesDb>({ clinic: 'Notes clinic', modules: ['patients', 'clinical_notes'], user: { email: 'dentist@notes.test', first_name: 'Dora', last_name: 'Dent' } })
const { seen } = recordEvents(['clinical_note.created', 'clinical_note.amended'] as const, 'clinical-notes-events-test')
let db: Kysely<ClinicalNotesDb>
let actor: NotesActor
let patientId: string

const note = (extra: Record<string, unknown> = {}) =>
  createNote(db, actor, { owner_type: 'patient', owner_id: patientId, type: 'diagnosis', tooth: null, body: '<p>Caries on 16.</p>', ...extra } as Parameters<typeof createNote>[2])

beforeAll(() => {
  const all = ['administrative', 'diagnosis', 'treatment', 'progress'] as const
  db = world.db
  patientId = world.patientId
  actor = { clinicId: world.clinicId, userId: world.userId, readTypes: all, writeTypes: all }
})

describe('clinical_notes events', () => {
  it('clinical_note.created: once, after the commit, with exactly its keys', async () => {
    const created = await note()
    expect(seen.map(s => s.event)).toEqual(['clinical_note.created'])
    const payload = seen[0]!.payload
    expect(Object.keys(payload).sort()).toEqual([...EVENT_KEYS['clinical_note.created']].sort())
    expect(payload).toEqual({ note_id: created.id, patient_id: patientId, clinic_id: actor.clinicId, type: 'diagnosis' })
  })

  it('an edit within 24 hours publishes nothing; one after is clinical_note.amended, once', async () => {
    const created = await note({ type: 'progress' })
    seen.length = 0
    await updateNote(db, actor, created.id, { body: '<p>Corrected.</p>', reason: null })
    expect(seen).toEqual([])
    await db.updateTable('clinical_notes_notes').set({ created_at: sql`created_at - interval '25 hours'` }).where('id', '=', created.id).execute()
    await updateNote(db, actor, created.id, { body: '<p>Amended.</p>', reason: 'Second look' })
    expect(seen).toEqual([{ event: 'clinical_note.amended', payload: { note_id: created.id, patient_id: patientId, clinic_id: actor.clinicId, type: 'progress' } }])
    expect(Object.keys(seen[0]!.payload).sort()).toEqual([...EVENT_KEYS['clinical_note.amended']].sort())
  })

  it('a refused note publishes nothing and saves nothing', async () => {
    const before = await db.selectFrom('clinical_notes_notes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    await expect(note({ owner_id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'clinical_notes.owner_not_found' })
    await expect(note({ body: '<script>x</script>' })).rejects.toMatchObject({ code: 'clinical_notes.empty_body' })
    const receptionist = { ...actor, readTypes: ['administrative'] as const, writeTypes: ['administrative'] as const }
    await expect(createNote(db, receptionist, { owner_type: 'patient', owner_id: patientId, type: 'diagnosis', tooth: null, body: '<p>x</p>' }))
      .rejects.toMatchObject({ code: 'clinical_notes.forbidden_type' })
    await eventBus.drain()
    expect(seen).toEqual([])
    const after = await db.selectFrom('clinical_notes_notes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('a rolled-back unit of work publishes nothing and leaves no note', async () => {
    const before = await db.selectFrom('clinical_notes_notes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    await expect(transaction(db, async (trx) => {
      await createNote(trx, actor, { owner_type: 'patient', owner_id: patientId, type: 'treatment', tooth: null, body: '<p>Rolled back.</p>' })
      throw new Error('the rest of the operation failed')
    })).rejects.toThrow('the rest of the operation failed')
    await eventBus.drain()
    expect(seen).toEqual([])
    const after = await db.selectFrom('clinical_notes_notes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })
})
