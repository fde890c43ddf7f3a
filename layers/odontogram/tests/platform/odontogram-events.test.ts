// The odontogram's events, in-process on a real database: each published
// once per operation, after the commit, with exactly the documented keys;
// existing work, refusals and rolled-back operations publish nothing.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { EVENT_KEYS, eventBus, transaction } from '#dentalpin'
import { moduleWorld, recordEvents, refusal } from '../../../../tests/support/module-world'
import { entryCreateSchema } from '../../models'
import type { EntryCreateInput } from '../../models'
import type { Actor, OdontogramDb } from '../../server/db'
import { createEntry } from '../../server/services/entries'
import { cancelEntry, performEntry } from '../../server/services/entry-actions'

// The payload keys the README documents, exactly.
const COMPLETED_KEYS = ['catalog_item_id', 'clinic_id', 'clinical_type', 'patient_id', 'price', 'teeth', 'treatment_id']
const ENTRY_KEYS = ['clinic_id', 'clinical_type', 'entry_id', 'patient_id', 'teeth']
const PLANNED_KEYS = ['catalog_item_id', 'clinic_id', 'clinical_type', 'entry_id', 'patient_id', 'price', 'teeth']

const world = moduleWorld<OdontogramDb>({ clinic: 'Events clinic', modules: ['patients', 'clinical_notes', 'catalog', 'odontogram'], user: { email: 'dentist@odontogram.test', first_name: 'Dora', last_name: 'Dent' } })
const { seen, only } = recordEvents(['treatment.completed', 'odontogram.condition_recorded', 'odontogram.treatment_planned', 'odontogram.treatment_cancelled'] as const, 'odontogram-events-test')
let db: Kysely<OdontogramDb>
let actor: Actor
let patientId: string
let item: Record<string, string>

const chart = (input: EntryCreateInput) => createEntry(db, actor, patientId, entryCreateSchema.parse(input))

beforeAll(async () => {
  db = world.db
  patientId = world.patientId
  actor = { clinicId: world.clinicId, userId: world.userId, grants: ['odontogram.read', 'odontogram.write', 'odontogram.conditions.write'] }
  // The catalog seeded the clinic at install: its items, with their seeded prices.
  const rows = await db.selectFrom('catalog_items').select(['id', 'code']).where('clinic_id', '=', world.clinicId).where('code', 'in', ['RES-COMP', 'PRO-BRZR', 'DIA-EXAM']).execute()
  item = Object.fromEntries(rows.map(r => [r.code, r.id]))
  expect(Object.keys(item).sort()).toEqual(['DIA-EXAM', 'PRO-BRZR', 'RES-COMP'])
})

describe('odontogram events', () => {
  it('treatment.completed: once when performed, with the catalog keys and exactly the documented extras', async () => {
    const planned = await chart({ kind: 'treatment', catalog_item_id: item['RES-COMP'], teeth: [{ tooth: 16, surfaces: ['O', 'M'] }] })
    seen.length = 0
    await performEntry(db, actor, planned.id, { notes: null })
    const payload = only('treatment.completed')
    for (const key of EVENT_KEYS['treatment.completed']) expect(Object.keys(payload)).toContain(key)
    expect(Object.keys(payload).sort()).toEqual(COMPLETED_KEYS)
    expect(payload).toEqual({
      treatment_id: planned.id, patient_id: patientId, clinic_id: actor.clinicId, catalog_item_id: item['RES-COMP'],
      clinical_type: 'filling', teeth: [{ tooth: 16, surfaces: ['M', 'O'], role: null }], price: '70.00',
    })
    // Performing twice is refused and publishes nothing more.
    seen.length = 0
    expect((await refusal(performEntry(db, actor, planned.id, { notes: null }))).code).toBe('odontogram.already_performed')
    expect(seen).toEqual([])
  })

  it('a bridge performed in one step publishes its price once: pillar + pontic + pillar', async () => {
    await chart({ kind: 'treatment', catalog_item_id: item['PRO-BRZR'], status: 'performed', teeth: [{ tooth: 34, role: 'pillar' }, { tooth: 35, role: 'pontic' }, { tooth: 36, role: 'pillar' }] })
    expect(only('treatment.completed')).toMatchObject({ price: '1600.00', clinical_type: 'bridge' })
  })

  it('a condition recorded, a treatment planned and cancelled: one event each, exact keys', async () => {
    const condition = await chart({ kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 26, surfaces: ['D'] }] })
    expect(only('odontogram.condition_recorded')).toEqual({
      entry_id: condition.id, patient_id: patientId, clinic_id: actor.clinicId, clinical_type: 'caries', teeth: [{ tooth: 26, surfaces: ['D'], role: null }],
    })
    seen.length = 0
    const planned = await chart({ kind: 'treatment', catalog_item_id: item['DIA-EXAM'] })
    const payload = only('odontogram.treatment_planned')
    expect(Object.keys(payload).sort()).toEqual(PLANNED_KEYS)
    expect(payload).toEqual({ entry_id: planned.id, patient_id: patientId, clinic_id: actor.clinicId, clinical_type: 'exam', teeth: [], catalog_item_id: item['DIA-EXAM'], price: '30.00' })
    seen.length = 0
    await cancelEntry(db, actor, planned.id, { reason: null })
    const cancelled = only('odontogram.treatment_cancelled')
    expect(Object.keys(cancelled).sort()).toEqual(ENTRY_KEYS)
    expect(cancelled).toMatchObject({ entry_id: planned.id, clinical_type: 'exam' })
  })

  it('existing work publishes nothing: it was not done here', async () => {
    await chart({ kind: 'treatment', clinical_type: 'crown', existing: true, teeth: [{ tooth: 47 }] })
    expect(seen).toEqual([])
  })

  it('nothing is published, nothing saved, when the operation rolls back', async () => {
    const planned = await chart({ kind: 'treatment', catalog_item_id: item['RES-COMP'], teeth: [{ tooth: 17, surfaces: ['O'] }] })
    seen.length = 0
    const before = await db.selectFrom('odontogram_entries').select(['id', 'status', 'superseded_by']).orderBy('id').execute()
    const states = await db.selectFrom('odontogram_tooth_states').selectAll().orderBy('tooth').execute()
    // The perform succeeds inside a larger unit of work that then fails.
    await expect(transaction(db, async (trx) => {
      await performEntry(trx, actor, planned.id, { notes: null })
      await createEntry(trx, actor, patientId, entryCreateSchema.parse({ kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 17, surfaces: ['O'] }] }))
      throw new Error('the visit could not be closed')
    })).rejects.toThrow('the visit could not be closed')
    await eventBus.drain()
    expect(seen).toEqual([])
    expect(await db.selectFrom('odontogram_entries').select(['id', 'status', 'superseded_by']).orderBy('id').execute()).toEqual(before)
    expect(await db.selectFrom('odontogram_tooth_states').selectAll().orderBy('tooth').execute()).toEqual(states)
    // Refusals too: a missing tooth, a bad FDI number.
    await chart({ kind: 'condition', clinical_type: 'missing', teeth: [{ tooth: 38 }] })
    seen.length = 0
    expect((await refusal(chart({ kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 38 }] }))).code).toBe('odontogram.tooth_missing')
    expect((await refusal(chart({ kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 99 }] }))).status).toBe(422)
    expect(seen).toEqual([])
  })
})
