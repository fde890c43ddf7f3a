// The chart: 52 teeth with their state per surface, the active entries and
// the legend; replayed at the end of a past day in the clinic's time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_TEETH } from '../../models'
import { BASE, chart, createPatient, getChart, perform, startOdontogramSuite, tooth } from './helpers'
import type { OdontogramSuite } from './helpers'

describe('odontogram chart', () => {
  let { server, c, api, items } = {} as OdontogramSuite

  beforeAll(async () => {
    ({ server, c, api, items } = await startOdontogramSuite('hygienist'))
  })
  afterAll(async () => server?.close())

  it('an empty chart: 52 bare teeth in FDI order, no entries, the default colours', async () => {
    const patient = await createPatient(c.admin, { date_of_birth: '1980-04-02' })
    expect(await getChart(api, patient)).toEqual({
      patient_id: patient,
      at: null,
      dentition: 'permanent',
      teeth: ALL_TEETH.map(t => ({ tooth: t, present: true, surfaces: { M: null, D: null, O: null, B: null, L: null }, whole: null, conditions: [], treatments: [] })),
      entries: [],
      legend: { colors: { todo: '#dc2626', done: '#2563eb' }, items: [] },
    })
  })

  it('replays a past day: before the filling the caries, after it the filling', async () => {
    const patient = await createPatient(c.admin)
    // Madrid: 23:30 on 10 January is still the 10th there (22:30 UTC).
    const caries = await chart(api, patient, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 16, surfaces: ['O'] }], recorded_at: '2026-01-10T22:30:00Z' })
    const fill = await chart(api, patient, { kind: 'treatment', catalog_item_id: items.composite, teeth: [{ tooth: 16, surfaces: ['O'] }], recorded_at: '2026-01-20T09:00:00+01:00' })
    await perform(api, fill.id, { performed_at: '2026-02-03T11:00:00+01:00' })

    expect(tooth(await getChart(api, patient, '2026-01-09'), 16)).toMatchObject({ surfaces: { O: null }, conditions: [], treatments: [] })
    const jan10 = await getChart(api, patient, '2026-01-10')
    expect(jan10.at).toBe('2026-01-10')
    expect(tooth(jan10, 16).surfaces.O).toEqual({ entry_id: caries.id, kind: 'condition', clinical_type: 'caries', state: 'condition', tone: 'todo', role: null })
    expect(jan10.entries.map((e: any) => e.id)).toEqual([caries.id])

    const jan25 = await getChart(api, patient, '2026-01-25')
    expect(tooth(jan25, 16).surfaces.O).toMatchObject({ entry_id: fill.id, state: 'planned', tone: 'todo' })
    expect(tooth(jan25, 16).conditions.map((m: any) => m.entry_id)).toEqual([caries.id])
    // The entry as it stood that day: planned, not yet performed, read-only.
    expect(jan25.entries.find((e: any) => e.id === fill.id)).toMatchObject({ status: 'planned', performed_at: null, performed_by: null, allowed_transitions: [] })

    const feb3 = await getChart(api, patient, '2026-02-03')
    expect(tooth(feb3, 16).surfaces.O).toMatchObject({ entry_id: fill.id, state: 'performed', tone: 'done' })
    expect(tooth(feb3, 16).conditions).toEqual([])
    expect(feb3.entries.map((e: any) => e.id)).toEqual([fill.id])
    expect(feb3.legend.items).toEqual([{ kind: 'treatment', clinical_type: 'filling', state: 'performed', tone: 'done' }])
  })

  it('the chart now (projection) equals today\'s replay, and cancelled work leaves both', async () => {
    const patient = await createPatient(c.admin)
    const a = await chart(api, patient, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 36, surfaces: ['M', 'O'] }] })
    const b = await chart(api, patient, { kind: 'treatment', catalog_item_id: items.composite, teeth: [{ tooth: 36, surfaces: ['M', 'O'] }] })
    await perform(api, b.id)
    const cancelled = await chart(api, patient, { kind: 'treatment', clinical_type: 'crown', teeth: [{ tooth: 11 }] })
    expect((await api.post(`${BASE}/entries/${cancelled.id}/cancel`, {})).status).toBe(200)
    await chart(api, patient, { kind: 'treatment', catalog_item_id: items.bridge, teeth: [{ tooth: 44, role: 'pillar' }, { tooth: 45, role: 'pontic' }, { tooth: 46, role: 'pillar' }] })
    await chart(api, patient, { kind: 'treatment', clinical_type: 'denture', arch: 'upper', existing: true })
    const now = await getChart(api, patient)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date())
    const replayed = await getChart(api, patient, today)
    expect(replayed.teeth).toEqual(now.teeth)
    expect(replayed.entries.map((e: any) => e.id)).toEqual(now.entries.map((e: any) => e.id))
    expect(now.entries.map((e: any) => e.id)).not.toContain(a.id)
    expect(now.entries.map((e: any) => e.id)).not.toContain(cancelled.id)
    expect(tooth(now, 11)).toMatchObject({ whole: null, treatments: [] })
    expect(tooth(now, 45).whole).toMatchObject({ clinical_type: 'bridge', role: 'pontic', state: 'planned' })
    expect(tooth(now, 44).whole).toMatchObject({ clinical_type: 'bridge', role: 'pillar' })
    expect(now.legend.items).toEqual([
      { kind: 'treatment', clinical_type: 'bridge', state: 'planned', tone: 'todo' },
      { kind: 'treatment', clinical_type: 'denture', state: 'existing', tone: 'done' },
      { kind: 'treatment', clinical_type: 'filling', state: 'performed', tone: 'done' },
    ])
  })

  it('dentition: a child is mixed, a toddler deciduous, an adult with a milk tooth charted mixed', async () => {
    const child = await createPatient(c.admin, { date_of_birth: '2016-06-01' })
    expect((await getChart(api, child)).dentition).toBe('mixed')
    const toddler = await createPatient(c.admin, { date_of_birth: '2024-01-15' })
    expect((await getChart(api, toddler)).dentition).toBe('deciduous')
    const adult = await createPatient(c.admin, { date_of_birth: '1990-01-01' })
    await chart(api, adult, { kind: 'condition', clinical_type: 'caries', teeth: [{ tooth: 75, surfaces: ['O'] }] })
    expect((await getChart(api, adult)).dentition).toBe('mixed')
  })

  it('the clinic\'s colours come from its settings (some countries swap them)', async () => {
    const patient = await createPatient(c.admin)
    const refused = await api.put('/api/v1/auth/clinic', { settings: { odontogram: { colors: { todo: '#000000' } } } })
    expect(refused.status).toBe(403)
    const set = await c.admin.put('/api/v1/auth/clinic', { settings: { odontogram: { colors: { todo: '#2563eb', done: '#dc2626' } } } })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect((await getChart(api, patient)).legend.colors).toEqual({ todo: '#2563eb', done: '#dc2626' })
    expect((await c.admin.put('/api/v1/auth/clinic', { settings: {} })).status).toBe(200)
    expect((await getChart(api, patient)).legend.colors).toEqual({ todo: '#dc2626', done: '#2563eb' })
  })

  it('a bad date is a 422 naming `at`', async () => {
    const patient = await createPatient(c.admin)
    const res = await api.get(`${BASE}/patients/${patient}/chart?at=2026-13-01`)
    expect(res.status).toBe(422)
    expect(res.body.errors[0]).toMatchObject({ field: 'at', code: 'validation.date' })
  })
})
