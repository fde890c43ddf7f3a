// The dedupe_key migration on a table that already has entries: the first
// entry of each once-per-source event gets the key the recorder now writes, a
// duplicate written before it keeps none, other events none; down undoes it.
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDb } from '../../../../tests/support/database'
import type { OpenTestDb } from '../../../../tests/support/database'
import * as createPatients from '../../../patients/migrations/20261127000000_create_patients'
import * as createTimeline from '../../migrations/20261127000200_create_patient_timeline'
import * as dedupe from '../../migrations/20261128000000_patient_timeline_dedupe_key'

let t: OpenTestDb
let db: Kysely<any>

beforeAll(async () => {
  t = await openTestDb()
  db = t.db
  await createPatients.up(db)
  await createTimeline.up(db)
})

afterAll(async () => {
  await t?.close()
})

describe('20261128000000_patient_timeline_dedupe_key', () => {
  it('keys the first entry of each once-per-source event and leaves the rest unkeyed', async () => {
    const clinic = (await db.insertInto('clinics').values({ name: 'C', language: 'en', timezone: 'UTC', currency: 'EUR' }).returning('id').executeTakeFirstOrThrow()).id
    const patient = (await db.insertInto('patients').values({ clinic_id: clinic, first_name: 'A', last_name: 'B' }).returning('id').executeTakeFirstOrThrow()).id
    const row = (event_type: string, source_type: string, source_id: string, created_at: string) => ({
      clinic_id: clinic, patient_id: patient, event_type, category: 'note', title: 'x', occurred_at: created_at, source_type, source_id, created_at,
    })
    await db.insertInto('patient_timeline').values([
      row('appointment.completed', 'appointment', 'a1', '2025-01-01T10:00:00Z'),
      row('appointment.completed', 'appointment', 'a1', '2025-01-01T10:00:01Z'),
      row('patient.updated', 'patient', patient, '2025-01-01T10:00:02Z'),
    ]).execute()

    await dedupe.up(db)
    const keys = await db.selectFrom('patient_timeline').select(['event_type', 'dedupe_key']).orderBy('created_at').execute()
    expect(keys).toEqual([
      { event_type: 'appointment.completed', dedupe_key: `${patient}:appointment.completed:appointment:a1` },
      { event_type: 'appointment.completed', dedupe_key: null },
      { event_type: 'patient.updated', dedupe_key: null },
    ])
    // The index refuses a second keyed entry of the same source.
    await expect(db.insertInto('patient_timeline').values({ ...row('appointment.completed', 'appointment', 'a1', '2025-01-02T00:00:00Z'), dedupe_key: keys[0]!.dedupe_key }).execute()).rejects.toThrow()

    await dedupe.down(db)
    const columns = await db.selectFrom('information_schema.columns' as any).select('column_name').where('table_name', '=', 'patient_timeline').execute()
    expect(columns.map((c: any) => c.column_name)).not.toContain('dedupe_key')
  })
})
