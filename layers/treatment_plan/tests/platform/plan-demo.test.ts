// The demo plans (`npm run demo`): a plan in every status on the demo
// patients, items booked on upcoming visits, items done at past visits.
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
import type { TreatmentPlanDb } from '../../server/db'

let t: OpenTestDb
let storage: { restore: () => void }
let db: Kysely<TreatmentPlanDb>

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  setDatabase(t.handle)
  db = t.db as unknown as Kysely<TreatmentPlanDb>
  await startPlatform(t.db, officialEntries())
  expect(await seedDemo(t.db)).toBe(true)
  await eventBus.drain()
})

afterAll(async () => {
  await stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('treatment plan demo data', () => {
  it('has a plan in every status, numbered, each with items', async () => {
    const plans = await db.selectFrom('treatment_plan_plans').select(['id', 'status', 'number']).execute()
    expect([...new Set(plans.map(p => p.status))].sort()).toEqual(['accepted', 'closed', 'completed', 'draft', 'proposed'])
    expect(plans.every(p => /^PLAN-\d{4}-\d{4}$/.test(p.number))).toBe(true)
    for (const plan of plans) {
      const items = await db.selectFrom('treatment_plan_items').select('status').where('plan_id', '=', plan.id).execute()
      expect(items.length, plan.number).toBeGreaterThan(0)
      if (plan.status === 'completed') expect(items.every(i => i.status === 'completed')).toBe(true)
    }
  })

  it('books items on upcoming visits and shows items done at past visits', async () => {
    const rows = await db.selectFrom('treatment_plan_visit_items as v').innerJoin('agenda_appointments as a', 'a.id', 'v.appointment_id')
      .innerJoin('treatment_plan_items as i', 'i.id', 'v.item_id').innerJoin('odontogram_entries as e', 'e.id', 'i.treatment_id')
      .select(['a.status', 'a.start_time', 'a.end_time', 'v.done', 'i.status as item_status', 'e.status as treatment_status', 'e.performed_at']).execute()
    const now = Date.now()
    const upcoming = rows.filter(r => r.start_time.getTime() > now)
    expect(upcoming.length).toBeGreaterThan(0)
    expect(upcoming.every(r => !r.done && r.item_status === 'pending' && r.treatment_status === 'planned')).toBe(true)
    const done = rows.filter(r => r.done)
    expect(done.length).toBeGreaterThanOrEqual(2)
    for (const r of done) {
      expect(r).toMatchObject({ status: 'completed', item_status: 'completed', treatment_status: 'performed' })
      expect(r.performed_at!.getTime()).toBe(r.end_time.getTime())
    }
  })
})
