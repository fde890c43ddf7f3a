// The demo charts (`npm run demo`): every demo patient has a chart, charted
// over past visits through the services, with the stories the demo promises
// (a bridge, a missing tooth, a child with mixed dentition, planned and
// performed work) — and every projection equals the replay of its entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { setDatabase } from '../../../../server/db'
import { seedDemo } from '../../../../server/platform/demo'
import { eventBus } from '../../../../server/platform/events/bus'
import { startPlatform, stopPlatform } from '../../../../server/platform'
import { openTestDb } from '../../../../tests/support/database'
import type { OpenTestDb } from '../../../../tests/support/database'
import { officialEntries } from '../../../../tests/support/official-modules'
import { useTempStorage } from '../../../../tests/support/platform-fixtures'
import { deriveToothStates } from '../../models'
import type { OdontogramDb } from '../../server/db'
import { getChart } from '../../server/services/chart'
import { toReplay } from '../../server/services/projection'
import { patientEntries } from '../../server/repositories/entries'

let t: OpenTestDb
let storage: { restore: () => void }
let db: Kysely<OdontogramDb>
let clinicId: string
const actor = () => ({ clinicId, userId: '00000000-0000-4000-8000-000000000000', grants: ['*'] })

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  setDatabase(t.handle)
  db = t.db as unknown as Kysely<OdontogramDb>
  await startPlatform(t.db, officialEntries('patients', 'clinical_notes', 'agenda', 'patient_timeline', 'catalog', 'odontogram'))
  expect(await seedDemo(t.db)).toBe(true)
  await eventBus.drain()
  clinicId = (await db.selectFrom('clinics').select('id').executeTakeFirstOrThrow()).id
})

afterAll(async () => {
  await stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('odontogram demo data', () => {
  it('charts every demo patient, over past visits', async () => {
    const patients = await db.selectFrom('patients').select('id').where('clinic_id', '=', clinicId).execute()
    const charted = await db.selectFrom('odontogram_entries').select('patient_id').distinct().execute()
    expect(patients.length).toBeGreaterThanOrEqual(25)
    expect(charted).toHaveLength(patients.length)
    const rows = await db.selectFrom('odontogram_entries').select(['status', 'existing', 'kind', 'recorded_at']).execute()
    const statuses = new Set(rows.map(r => (r.existing ? 'existing' : r.status ?? r.kind)))
    for (const s of ['condition', 'planned', 'performed', 'existing', 'cancelled']) expect(statuses, s).toContain(s)
    const days = new Set(rows.map(r => new Date(r.recorded_at).toISOString().slice(0, 10)))
    expect(days.size).toBeGreaterThan(10)
    expect(rows.every(r => new Date(r.recorded_at).getTime() <= Date.now())).toBe(true)
  })

  it('tells its stories: a bridge, a missing tooth, a child with mixed dentition', async () => {
    const bridge = await db.selectFrom('odontogram_entries').select(['patient_id', 'price', 'status']).where('clinical_type', '=', 'bridge').executeTakeFirstOrThrow()
    expect(bridge).toMatchObject({ status: 'performed' })
    expect(String(bridge.price)).toBe('1600.00')
    const withBridge = await getChart(db, actor(), bridge.patient_id, {})
    expect(withBridge.teeth.find(x => x.tooth === 46)).toMatchObject({ present: false, whole: { clinical_type: 'bridge', role: 'pontic', state: 'performed' } })
    const paula = await db.selectFrom('patients').select('id').where('last_name', '=', 'Garrido Prieto').executeTakeFirstOrThrow()
    const child = await getChart(db, actor(), paula.id, {})
    expect(child.dentition).toBe('mixed')
    expect(child.teeth.find(x => x.tooth === 75)!.surfaces.O).toMatchObject({ clinical_type: 'filling', state: 'planned' })
    expect(child.teeth.find(x => x.tooth === 16)!.surfaces.O).toMatchObject({ clinical_type: 'sealant', state: 'performed' })
  })

  it('keeps every projection equal to the replay of its entries', async () => {
    const patients = await db.selectFrom('patients').select('id').where('clinic_id', '=', clinicId).execute()
    for (const { id } of patients) {
      const chart = await getChart(db, actor(), id, {})
      const replay = deriveToothStates((await patientEntries(db, clinicId, id)).map(toReplay))
      expect(chart.teeth.filter(x => replay.has(x.tooth)), id).toEqual([...replay.values()])
      expect(chart.teeth.filter(x => !replay.has(x.tooth)).every(x => x.present && x.whole === null && x.conditions.length === 0 && x.treatments.length === 0)).toBe(true)
    }
  })

  it('prices the work done here and leaves existing work unpriced', async () => {
    const done = await db.selectFrom('odontogram_entries').select(['price', 'existing']).where('status', '=', 'performed').execute()
    expect(done.filter(r => !r.existing).length).toBeGreaterThan(20)
    expect(done.filter(r => !r.existing).every(r => r.price !== null)).toBe(true)
    expect(done.filter(r => r.existing).every(r => r.price === null)).toBe(true)
  })
})
