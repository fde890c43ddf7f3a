// The chart of a patient: now (from the projection kept by every write) or at
// the end of a past day in the clinic's time zone (replayed from the entries),
// with the active entries and the legend; and the paginated history.
import { addDays, clinicDate, clinicInstant } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { activeEntries, ALL_TEETH, bareTooth, DEFAULT_COLORS, deriveSupersession, deriveToothStates, odontogramSettings, statusAt } from '../../models'
import type { ChartLegendItem, ChartMark, OdontogramChart, OdontogramEntry, ToothState, chartQuerySchema, historyQuerySchema } from '../../models'
import { ageOn, dentitionFor } from '../../lib/odontogram-dentition'
import type { Actor, OdontogramDb } from '../db'
import * as repo from '../repositories/entries'
import { listHistory } from '../repositories/history'
import { readToothStates } from '../repositories/tooth-states'
import { json, toEntryDto, toHistoryDto } from './dto'
import { assertPatient } from './guards'
import { toReplay } from './projection'

type Db = Kysely<OdontogramDb>

export async function getChart(db: Db, actor: Actor, patientId: string, query: z.output<typeof chartQuerySchema>): Promise<OdontogramChart> {
  const patient = await assertPatient(db, actor.clinicId, patientId, false)
  const { timeZone, settings } = await repo.clinicInfo(db, actor.clinicId)
  const rows = await repo.patientEntries(db, actor.clinicId, patientId)
  let states: Map<number, ToothState>
  let entries: OdontogramEntry[]
  if (query.at === undefined) {
    const projected = await readToothStates(db, actor.clinicId, patientId)
    states = new Map(projected.map(r => [r.tooth, {
      tooth: r.tooth, present: r.present, whole: json<ChartMark | null>(r.whole), surfaces: json<ToothState['surfaces']>(r.surfaces),
      conditions: json<ChartMark[]>(r.conditions), treatments: json<ChartMark[]>(r.treatments),
    }]))
    const live = rows.filter(r => r.superseded_by === null && r.status !== 'cancelled').map(r => r.id)
    entries = await entryDtos(db, actor.clinicId, live, timeZone)
  }
  else {
    // The end of that day on the clinic's clock: everything charted that day counts.
    const limit = clinicInstant(addDays(query.at, 1), 0, timeZone) - 1
    const replay = rows.map(toReplay)
    states = deriveToothStates(replay, limit)
    const superseded = deriveSupersession(replay, limit)
    const byId = new Map(replay.map(e => [e.id, e]))
    entries = (await entryDtos(db, actor.clinicId, activeEntries(replay, limit).map(e => e.id), timeZone))
      .map(e => asOf(e, byId.get(e.id)!, limit, superseded.get(e.id) ?? null))
  }
  const day = query.at ?? clinicDate(Date.now(), timeZone)
  const colors = { ...DEFAULT_COLORS, ...odontogramSettings(settings).colors }
  return {
    patient_id: patientId,
    at: query.at ?? null,
    dentition: dentitionFor(ageOn(patient.date_of_birth, day), states.keys()),
    teeth: ALL_TEETH.map(t => states.get(t) ?? bareTooth(t)),
    entries,
    legend: { colors, items: legendItems(states, entries) },
  }
}

/** DTOs of these entries in the order written. */
async function entryDtos(db: Db, clinicId: string, ids: string[], timeZone: string): Promise<OdontogramEntry[]> {
  const order = new Map(ids.map((id, i) => [id, i]))
  const rows = await repo.findEntries(db, clinicId, ids)
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(r => toEntryDto(r, timeZone))
}

/** An entry as it stood at `limit`: its status then, nothing that happened later; read-only (no transitions). */
function asOf(dto: OdontogramEntry, entry: Parameters<typeof statusAt>[0], limit: number, supersededBy: string | null): OdontogramEntry {
  const status = statusAt(entry, limit) ?? null
  const planned = status === 'planned'
  return { ...dto, status, performed_at: planned ? null : dto.performed_at, performed_by: planned ? null : dto.performed_by, cancelled_at: null, superseded_by: supersededBy, allowed_transitions: [] }
}

/** What the chart shows, once each: the marks on the teeth and the arch or mouth entries. */
function legendItems(states: Map<number, ToothState>, entries: OdontogramEntry[]): ChartLegendItem[] {
  const items = new Map<string, ChartLegendItem>()
  const add = (i: ChartLegendItem) => items.set(`${i.kind}:${i.clinical_type}:${i.state}`, i)
  for (const s of states.values()) for (const m of [...s.conditions, ...s.treatments]) add({ kind: m.kind, clinical_type: m.clinical_type, state: m.state, tone: m.tone })
  for (const e of entries.filter(x => x.teeth.length === 0)) {
    const state = e.kind === 'condition' ? 'condition' : e.existing ? 'existing' : e.status === 'performed' ? 'performed' : 'planned'
    add({ kind: e.kind, clinical_type: e.clinical_type, state, tone: state === 'condition' || state === 'planned' ? 'todo' : 'done' })
  }
  return [...items.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.clinical_type.localeCompare(b.clinical_type) || a.state.localeCompare(b.state))
}

/** The patient's chart changes, newest first. */
export async function getHistory(db: Db, actor: Actor, patientId: string, query: z.output<typeof historyQuerySchema>) {
  await assertPatient(db, actor.clinicId, patientId, false)
  const { timeZone } = await repo.clinicInfo(db, actor.clinicId)
  const { rows, total } = await listHistory(db, actor.clinicId, patientId, query.page, query.page_size)
  return { items: rows.map(r => toHistoryDto(r, timeZone)), total }
}
