// What happens to an entry after it is charted: a planned treatment is
// performed once or cancelled, its notes and surfaces may change while it is
// planned, and an entry charted in error is deleted (soft, with who and why).
// Performed work is never edited: a correction is a new entry.
import { conflict, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { EntryRow, EntryTooth, OdontogramEntry, entryCancelSchema, entryDeleteSchema, entryPerformSchema, entryUpdateSchema } from '../../models'
import { entryIssues, itemIssues, missingToothConflict } from '../../lib/odontogram-rules'
import type { Actor, OdontogramDb } from '../db'
import * as repo from '../repositories/entries'
import { insertHistory } from '../repositories/history'
import { json } from './dto'
import { canonicalTeeth, entryNotFound, loadEntry, performedAfterRecorded, priceOf } from './entries'
import { assertPatient, pastOrNow, publishEntryEvent, throwIssues, toothMissing } from './guards'
import { missingTeeth, refreshChart } from './projection'

type Db = Kysely<OdontogramDb>

/** The live entry, locked, with its patient's chart locked and writable. */
async function lockForChange(trx: Db, actor: Actor, id: string): Promise<EntryRow> {
  const found = await repo.findEntry(trx, actor.clinicId, id)
  if (!found) throw entryNotFound()
  await assertPatient(trx, actor.clinicId, found.patient_id, true)
  // Chart lock first, then the row: the order every writer takes.
  await repo.lockChart(trx, found.patient_id)
  const row = await repo.lockEntry(trx, actor.clinicId, id)
  if (!row) throw entryNotFound()
  return row
}

/** 409 unless the entry is a planned treatment, naming why. */
function assertPlanned(row: EntryRow) {
  if (row.kind === 'condition') throw conflict('odontogram.not_a_treatment', 'Conditions are not performed or cancelled')
  if (row.status === 'performed') throw conflict('odontogram.already_performed', 'The treatment is already performed')
  if (row.status === 'cancelled') throw conflict('odontogram.already_cancelled', 'The treatment is cancelled')
}

type Action = 'performed' | 'cancelled' | 'updated' | 'deleted'

/** History, projection and the fresh DTO after a change. */
async function finish(trx: Db, actor: Actor, row: EntryRow, action: Action, extra: { changes?: string[], reason?: string | null } = {}) {
  await insertHistory(trx, { clinic_id: actor.clinicId, patient_id: row.patient_id, entry_id: row.id, action, changes: extra.changes ? JSON.stringify(extra.changes) : null, reason: extra.reason ?? null, actor_id: actor.userId })
  await refreshChart(trx, actor.clinicId, row.patient_id, json<EntryTooth[]>(row.teeth).map(t => t.tooth))
}

export async function performEntry(db: Db, actor: Actor, id: string, input: z.output<typeof entryPerformSchema>): Promise<OdontogramEntry> {
  return transaction(db, async (trx) => {
    const row = await lockForChange(trx, actor, id)
    assertPlanned(row)
    const now = new Date()
    throwIssues([...pastOrNow(input.performed_at, 'performed_at', now), ...performedAfterRecorded(input.performed_at, row.recorded_at, false)])
    const teeth = json<EntryTooth[]>(row.teeth)
    const missing = await missingTeeth(trx, actor.clinicId, row.patient_id)
    const gone = missingToothConflict({ clinical_type: row.clinical_type, teeth }, t => missing.has(t))
    if (gone !== null) throw toothMissing(gone)
    await repo.updateEntry(trx, actor.clinicId, id, {
      status: 'performed',
      performed_at: input.performed_at ? new Date(input.performed_at) : now,
      performed_by: actor.userId,
      ...(input.notes !== null ? { notes: input.notes } : {}),
    })
    await finish(trx, actor, row, 'performed')
    publishEntryEvent((await repo.lockEntry(trx, actor.clinicId, id))!, 'performed')
    return loadEntry(trx, actor.clinicId, id)
  })
}

export async function cancelEntry(db: Db, actor: Actor, id: string, input: z.output<typeof entryCancelSchema>): Promise<OdontogramEntry> {
  return transaction(db, async (trx) => {
    const row = await lockForChange(trx, actor, id)
    assertPlanned(row)
    await repo.updateEntry(trx, actor.clinicId, id, { status: 'cancelled', cancelled_at: new Date(), cancelled_by: actor.userId })
    await finish(trx, actor, row, 'cancelled', { reason: input.reason })
    publishEntryEvent(row, 'cancelled')
    return loadEntry(trx, actor.clinicId, id)
  })
}

/** Notes and surfaces of a planned treatment (409 otherwise); a per-surface price follows its surfaces until performed. */
export async function updateEntry(db: Db, actor: Actor, id: string, input: z.output<typeof entryUpdateSchema>): Promise<OdontogramEntry> {
  return transaction(db, async (trx) => {
    const row = await lockForChange(trx, actor, id)
    if (row.status !== 'planned') throw conflict('odontogram.not_editable', 'Only planned treatments change; chart a new entry to correct one')
    const current = json<EntryTooth[]>(row.teeth)
    const changes: string[] = []
    const set: Parameters<typeof repo.updateEntry>[3] = {}
    if (input.notes !== undefined && input.notes !== row.notes) {
      set.notes = input.notes
      changes.push('notes')
    }
    if (input.teeth !== undefined) {
      const same = input.teeth.length === current.length && current.every(t => input.teeth!.some(n => n.tooth === t.tooth))
      if (!same) throwIssues([{ field: 'teeth', code: 'odontogram.teeth_changed', message: 'Send the same teeth; chart a new entry for others' }])
      const teeth = canonicalTeeth(current.map(t => ({ ...t, surfaces: input.teeth!.find(n => n.tooth === t.tooth)!.surfaces })))
      const shape = { kind: row.kind, clinical_type: row.clinical_type, teeth: input.teeth.map(n => ({ ...n, role: current.find(t => t.tooth === n.tooth)!.role })), scope: row.scope, arch: row.arch, existing: false }
      const { issues } = entryIssues(shape)
      const item = row.catalog_item_id ? await repo.findItem(trx, actor.clinicId, row.catalog_item_id) : undefined
      if (item) issues.push(...itemIssues(item, shape, row.scope))
      throwIssues(issues)
      if (JSON.stringify(teeth) !== JSON.stringify(current)) {
        set.teeth = JSON.stringify(teeth)
        if (item) set.price = priceOf(item, teeth)
        changes.push('surfaces')
      }
    }
    if (changes.length === 0) return loadEntry(trx, actor.clinicId, id)
    await repo.updateEntry(trx, actor.clinicId, id, set)
    await finish(trx, actor, row, 'updated', { changes })
    return loadEntry(trx, actor.clinicId, id)
  })
}

/**
 * Soft delete (charted in error): the row stays with who, when and why and
 * never shows on the chart again, on any date. Treatments performed here are
 * not deleted (409): they happened; a correction is a new entry. Deleting a
 * planned treatment publishes `odontogram.treatment_cancelled`.
 */
export async function deleteEntry(db: Db, actor: Actor, id: string, input: z.output<typeof entryDeleteSchema>): Promise<void> {
  await transaction(db, async (trx) => {
    const row = await lockForChange(trx, actor, id)
    if (row.status === 'performed' && !row.existing) throw conflict('odontogram.performed_not_deletable', 'Performed treatments stay on the record; chart a correction instead')
    await repo.updateEntry(trx, actor.clinicId, id, { deleted_at: new Date(), deleted_by: actor.userId, deleted_reason: input.reason })
    await finish(trx, actor, row, 'deleted', { reason: input.reason })
    // A planned treatment charted in error will not be done either: whoever planned it hears it as cancelled.
    if (row.kind === 'treatment' && row.status === 'planned') publishEntryEvent(row, 'cancelled')
  })
}
