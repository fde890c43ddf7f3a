// Chart entries: reading them and charting new facts. Every write runs in one
// unit of work under the patient's chart lock: rules → insert → history →
// projection (same transaction) → events (delivered after the commit).
import { notFound, transaction } from '#dentalpin'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { priceTreatment } from '#layers/catalog/models'
import type { PricingConfig } from '#layers/catalog/models'
import { SURFACES } from '../../models'
import type { EntryStatus, EntryTooth, OdontogramEntry, entryCreateSchema, entryListQuerySchema } from '../../models'
import { entryIssues, itemIssues, missingToothConflict } from '../../lib/odontogram-rules'
import type { EntryShape, RuleIssue } from '../../lib/odontogram-rules'
import type { Actor, OdontogramDb } from '../db'
import * as repo from '../repositories/entries'
import { insertHistory } from '../repositories/history'
import { json, toEntryDto } from './dto'
import { assertMayChart, assertPatient, pastOrNow, publishEntryEvent, throwIssues, toothMissing } from './guards'
import { missingTeeth, refreshChart } from './projection'

type Db = Kysely<OdontogramDb>
export type CatalogItemRow = NonNullable<Awaited<ReturnType<typeof repo.findItem>>>

export const entryNotFound = () => notFound('odontogram.entry_not_found', 'No such chart entry')

export async function loadEntry(db: Db, clinicId: string, id: string, timeZone?: string): Promise<OdontogramEntry> {
  const row = await repo.findEntry(db, clinicId, id)
  if (!row) throw entryNotFound()
  return toEntryDto(row, timeZone ?? (await repo.clinicInfo(db, clinicId)).timeZone)
}

export async function getEntry(db: Db, actor: Actor, id: string): Promise<OdontogramEntry> {
  return loadEntry(db, actor.clinicId, id)
}

/** The patient's live entries, newest clinical date first, filtered (kind, status, tooth, type). */
export async function listEntries(db: Db, actor: Actor, patientId: string, query: z.output<typeof entryListQuerySchema>) {
  await assertPatient(db, actor.clinicId, patientId, false)
  const { timeZone } = await repo.clinicInfo(db, actor.clinicId)
  const { rows, total } = await repo.listEntries(db, actor.clinicId, patientId, query, query.page, query.page_size)
  return { items: rows.map(r => toEntryDto(r, timeZone)), total }
}

/** Surfaces in the stored order (M D O B L), whatever order they were sent in. */
export function canonicalTeeth(teeth: readonly { tooth: number, surfaces: readonly string[], role?: EntryTooth['role'] }[]): EntryTooth[] {
  return teeth.map(t => ({
    tooth: t.tooth,
    surfaces: SURFACES.filter(s => t.surfaces.includes(s)),
    role: t.role ?? null,
  }))
}

/** The price of a treatment from its catalog item, computed once (catalog's priceTreatment). */
export function priceOf(item: CatalogItemRow, teeth: readonly EntryTooth[]): string {
  const pricing = json<PricingConfig | null>(item.pricing)
  return priceTreatment({ default_price: String(item.default_price), pricing_strategy: item.pricing_strategy, pricing }, teeth)
}

/** The catalog item a treatment names: of this clinic, live and active (422 `catalog_item_id` otherwise). */
async function chartedItem(db: Db, clinicId: string, id: string | null, kind: string): Promise<CatalogItemRow | null> {
  if (id === null) return null
  const field = 'catalog_item_id'
  if (kind === 'condition') throwIssues([{ field, code: 'odontogram.item_on_condition', message: 'Conditions are not charted from the catalog' }])
  const item = await repo.findItem(db, clinicId, id)
  if (!item || item.deleted_at) throwIssues([{ field, code: 'odontogram.item_not_found', message: 'No such catalog item in this clinic' }])
  if (!item!.is_active) throwIssues([{ field, code: 'odontogram.item_inactive', message: 'The catalog item is not active' }])
  return item!
}

export async function createEntry(db: Db, actor: Actor, patientId: string, input: z.output<typeof entryCreateSchema>): Promise<OdontogramEntry> {
  return transaction(db, async (trx) => {
    const { timeZone, settings } = await repo.clinicInfo(trx, actor.clinicId)
    assertMayChart(actor, input.kind, settings)
    await assertPatient(trx, actor.clinicId, patientId, true)
    await repo.lockChart(trx, patientId)
    const item = await chartedItem(trx, actor.clinicId, input.catalog_item_id, input.kind)
    const clinicalType = input.clinical_type ?? item?.clinical_type ?? null
    if (clinicalType === null) throwIssues([{ field: 'clinical_type', code: 'odontogram.type_required', message: 'Choose what to chart' }])

    const teeth = canonicalTeeth(input.teeth)
    const shape: EntryShape = { kind: input.kind, clinical_type: clinicalType!, teeth: input.teeth, scope: input.scope, arch: input.arch, status: input.status, existing: input.existing }
    const { issues, scope } = entryIssues(shape)
    const now = new Date()
    issues.push(...pastOrNow(input.recorded_at, 'recorded_at', now), ...pastOrNow(input.performed_at, 'performed_at', now))
    if (item) issues.push(...itemIssues(item, shape, scope))
    const recordedAt = input.recorded_at ? new Date(input.recorded_at) : now
    issues.push(...performedAfterRecorded(input.performed_at, recordedAt, input.existing))
    throwIssues(issues)

    const missing = await missingTeeth(trx, actor.clinicId, patientId)
    const gone = missingToothConflict(shape, t => missing.has(t))
    if (gone !== null) throw toothMissing(gone)

    const status: EntryStatus | null = input.kind === 'condition' ? null : input.existing ? 'performed' : input.status ?? 'planned'
    const doneHere = status === 'performed' && !input.existing
    const { id } = await repo.insertEntry(trx, {
      clinic_id: actor.clinicId,
      patient_id: patientId,
      kind: input.kind,
      clinical_type: clinicalType!,
      status,
      existing: input.existing,
      scope,
      arch: input.arch,
      teeth: JSON.stringify(teeth),
      catalog_item_id: item?.id ?? null,
      // Existing work was not done (nor billed) here.
      price: item && !input.existing ? priceOf(item, teeth) : null,
      notes: input.notes,
      recorded_at: recordedAt,
      recorded_by: actor.userId,
      performed_at: status === 'performed' ? (input.performed_at ? new Date(input.performed_at) : input.existing ? null : recordedAt) : null,
      performed_by: doneHere ? actor.userId : null,
    })
    const action = input.kind === 'condition' || input.existing ? 'recorded' : status as 'planned' | 'performed'
    await insertHistory(trx, { clinic_id: actor.clinicId, patient_id: patientId, entry_id: id, action, changes: null, reason: null, actor_id: actor.userId })
    await refreshChart(trx, actor.clinicId, patientId, teeth.map(t => t.tooth))
    const row = (await repo.lockEntry(trx, actor.clinicId, id))!
    if (!input.existing) publishEntryEvent(row, input.kind === 'condition' ? 'recorded' : doneHere ? 'performed' : 'planned')
    return loadEntry(trx, actor.clinicId, id, timeZone)
  })
}

/** Work done here cannot have been done before it was charted (existing work may). */
export function performedAfterRecorded(performedAt: string | undefined, recordedAt: Date, existing: boolean): RuleIssue[] {
  if (existing || performedAt === undefined || Date.parse(performedAt) >= recordedAt.getTime()) return []
  return [{ field: 'performed_at', code: 'odontogram.performed_before_recorded', message: 'Cannot be before the entry was recorded' }]
}
