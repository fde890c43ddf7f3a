// Keeps the derived state in step with the facts, inside the writer's
// transaction: the tooth-state rows of the teeth a write touched, and every
// entry's `superseded_by`, both from the pure replay (lib/odontogram-replay.ts).
import type { Kysely } from 'kysely'
import { deriveSupersession, projectTeeth } from '../../models'
import type { EntryRow, EntryTooth, ReplayEntry } from '../../models'
import type { OdontogramDb } from '../db'
import * as repo from '../repositories/entries'
import { readToothStates, replaceToothStates } from '../repositories/tooth-states'
import { json } from './dto'

type Db = Kysely<OdontogramDb>

export function toReplay(row: EntryRow): ReplayEntry {
  return { ...row, teeth: json<EntryTooth[]>(row.teeth) }
}

/** Re-derives `teeth` of the patient's chart and the supersession of every entry (the chart lock is held). */
export async function refreshChart(trx: Db, clinicId: string, patientId: string, teeth: readonly number[]): Promise<void> {
  const rows = await repo.patientEntries(trx, clinicId, patientId)
  const entries = rows.map(toReplay)
  await replaceToothStates(trx, clinicId, patientId, teeth, projectTeeth(entries, teeth))
  const superseded = deriveSupersession(entries)
  for (const row of rows) {
    const by = superseded.get(row.id) ?? null
    if (row.superseded_by !== by) await repo.setSupersededBy(trx, row.id, by)
  }
}

/** The patient's teeth charted missing now (gone and not replaced by an implant). */
export async function missingTeeth(db: Db, clinicId: string, patientId: string): Promise<Set<number>> {
  const rows = await readToothStates(db, clinicId, patientId)
  return new Set(rows.filter(r => !r.present).map(r => r.tooth))
}
