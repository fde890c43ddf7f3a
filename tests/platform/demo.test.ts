// `npm run demo`'s data: the core's demo clinic and users, then every
// installed official module's seedDemo through its services — so the
// timeline and last visits follow from the events, as in daily use.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDatabase } from '../../server/db'
import { seedDemo } from '../../server/platform/demo'
import { eventBus } from '../../server/platform/events/bus'
import { startPlatform, stopPlatform } from '../../server/platform'
import { openTestDb } from '../support/database'
import type { OpenTestDb } from '../support/database'
import { officialEntries } from '../support/official-modules'
import { useTempStorage } from '../support/platform-fixtures'

let t: OpenTestDb
let storage: { restore: () => void }
const db = () => t.db as any

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  // Event handlers reach the database through useDb(), as in the server.
  setDatabase(t.handle)
  await startPlatform(t.db, officialEntries())
  expect(await seedDemo(t.db)).toBe(true)
  await eventBus.drain()
})

afterAll(async () => {
  await stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('demo data', () => {
  it('gives the demo clinic about thirty patients, some with allergies', async () => {
    const patients = await db().selectFrom('patients').select(['id', 'search_text']).execute()
    expect(patients.length).toBeGreaterThanOrEqual(25)
    expect(patients.every((p: { search_text: string }) => p.search_text.length > 0)).toBe(true)
    const allergic = await db().selectFrom('patients_medical_history').select('allergies')
      .where(sql`jsonb_array_length(allergies)`, '>', 0).execute()
    expect(allergic.length).toBeGreaterThanOrEqual(3)
  })

  it('gives it two cabinets and appointments today and around it in several statuses', async () => {
    expect(await db().selectFrom('agenda_cabinets').select('name').orderBy('display_order').execute()).toHaveLength(2)
    const rows = await db().selectFrom('agenda_appointments').select(['status', 'start_time']).execute() as { status: string, start_time: Date }[]
    const statuses = new Set(rows.map(r => r.status))
    for (const s of ['completed', 'confirmed', 'scheduled']) expect(statuses, s).toContain(s)
    expect(statuses.size).toBeGreaterThanOrEqual(4)
    const day = 24 * 3600_000
    const now = Date.now()
    expect(rows.some(r => Math.abs(r.start_time.getTime() - now) < day)).toBe(true)
    expect(rows.some(r => r.start_time.getTime() < now - day)).toBe(true)
    expect(rows.some(r => r.start_time.getTime() > now + day)).toBe(true)
  })

  it('records what happened on the timeline and the last visits, through the events', async () => {
    const entries = await db().selectFrom('patient_timeline').select(['event_type']).execute() as { event_type: string }[]
    const types = new Set(entries.map(e => e.event_type))
    for (const e of ['patient.created', 'appointment.scheduled', 'appointment.completed', 'clinical_note.created', 'clinical_note.amended']) expect(types, e).toContain(e)
    const visited = await db().selectFrom('patients').select('id').where('last_visit_at', 'is not', null).execute()
    expect(visited.length).toBeGreaterThan(0)
  })

  it('gives every active patient clinical notes of each kind, some edited and some amended', async () => {
    const patients = await db().selectFrom('patients').select('id').where('status', '=', 'active').execute() as { id: string }[]
    const notes = await db().selectFrom('clinical_notes_notes').select(['patient_id', 'type', 'tooth']).execute() as { patient_id: string, type: string, tooth: number | null }[]
    for (const p of patients) expect(notes.filter(n => n.patient_id === p.id).length, p.id).toBeGreaterThanOrEqual(3)
    expect(new Set(notes.map(n => n.type))).toEqual(new Set(['administrative', 'diagnosis', 'treatment', 'progress']))
    expect(notes.some(n => n.tooth !== null)).toBe(true)
    const revisions = await db().selectFrom('clinical_notes_revisions').select(['note_id', 'is_amendment']).where('revision', '=', 2).execute() as { is_amendment: boolean }[]
    expect(revisions.some(r => r.is_amendment)).toBe(true)
    expect(revisions.some(r => !r.is_amendment)).toBe(true)
    expect(await db().selectFrom('clinical_notes_templates').select('name').execute()).toHaveLength(4)
  })

  it('runs once: an existing installation is left alone', async () => {
    expect(await seedDemo(t.db)).toBe(false)
  })
})
