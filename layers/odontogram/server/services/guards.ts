// Checks shared by the entry commands: whose chart, who may write what, the
// shape rules as one 422, the clinical dates, and the events they publish.
import { conflict, DomainError, eventBus, forbidden, normalizeMoney, notFound } from '#dentalpin'
import type { ErrorItem } from '#dentalpin'
import type { Kysely } from 'kysely'
import { hasPermission } from '#shared/permissions'
import { canRecordConditions } from '../../models'
import type { EntryKind, EntryRow, EntryTooth } from '../../models'
import type { RuleIssue } from '../../lib/odontogram-rules'
import type { Actor, OdontogramDb } from '../db'
import * as repo from '../repositories/entries'
import { json } from './dto'

type Db = Kysely<OdontogramDb>

/** The patient of this clinic (404 otherwise); for writes, not archived (409). */
export async function assertPatient(db: Db, clinicId: string, patientId: string, forWrite: boolean) {
  const patient = await repo.findPatient(db, clinicId, patientId)
  if (!patient) throw notFound('odontogram.patient_not_found', 'No such patient in this clinic')
  if (forWrite && patient.status !== 'active') throw conflict('odontogram.patient_archived', 'The patient is archived: the chart is read-only')
  return patient
}

/**
 * Treatments need `odontogram.write`; conditions need it too, or
 * `odontogram.conditions.write` where the clinic lets assistants chart them
 * (`settings.odontogram.assistants_record_conditions`).
 */
export function assertMayChart(actor: Actor, kind: EntryKind, settings: unknown) {
  const can = (permission: string) => hasPermission(actor.grants, permission)
  if (kind === 'treatment' && !can('odontogram.write')) {
    throw forbidden('odontogram.treatments_forbidden', 'Only dentists and hygienists chart treatments')
  }
  if (kind === 'condition' && !canRecordConditions(can, settings)) {
    throw forbidden('odontogram.conditions_not_enabled', 'This clinic does not let assistants chart conditions')
  }
}

/** One 422 with every problem, each named once with its field (the type's rules and the item's may say the same). */
export function throwIssues(issues: readonly RuleIssue[]): void {
  if (issues.length === 0) return
  const unique = [...new Map(issues.map(i => [`${i.field} ${i.code}`, i])).values()]
  const errors: ErrorItem[] = unique.map(i => ({ field: i.field, code: i.code, message: i.message }))
  throw new DomainError('invalid', errors[0]!.code, 'Validation failed', { errors })
}

// A clock a little ahead of ours is not "the future".
const SKEW_MS = 5 * 60_000

/** A clinical date that is not in the future (422 naming the field). */
export function pastOrNow(value: string | undefined, field: string, now: Date): RuleIssue[] {
  if (value === undefined || Date.parse(value) <= now.getTime() + SKEW_MS) return []
  return [{ field, code: 'odontogram.future_date', message: 'Cannot be in the future' }]
}

/** The tooth a 409 names, so the client can point at it. */
export function toothMissing(tooth: number) {
  return conflict('odontogram.tooth_missing', 'The tooth is charted missing', { tooth })
}

/** What every odontogram event carries. */
function entryFacts(row: EntryRow) {
  return {
    entry_id: row.id,
    patient_id: row.patient_id,
    clinic_id: row.clinic_id,
    clinical_type: row.clinical_type,
    teeth: json<EntryTooth[]>(row.teeth),
  }
}

/**
 * Published inside the unit of work (delivered after the commit, dropped on
 * rollback): a condition recorded, a treatment planned, performed
 * (`treatment.completed`, the core catalog event) or cancelled. Existing work
 * recorded as found publishes nothing: nothing was done here.
 */
export function publishEntryEvent(row: EntryRow, what: 'recorded' | 'planned' | 'performed' | 'cancelled') {
  const price = row.price === null ? null : normalizeMoney(String(row.price))
  if (what === 'recorded') eventBus.publish('odontogram.condition_recorded', entryFacts(row))
  else if (what === 'planned') eventBus.publish('odontogram.treatment_planned', { ...entryFacts(row), catalog_item_id: row.catalog_item_id, price })
  else if (what === 'cancelled') eventBus.publish('odontogram.treatment_cancelled', entryFacts(row))
  else {
    eventBus.publish('treatment.completed', {
      treatment_id: row.id,
      patient_id: row.patient_id,
      clinic_id: row.clinic_id,
      catalog_item_id: row.catalog_item_id,
      clinical_type: row.clinical_type,
      teeth: json<EntryTooth[]>(row.teeth),
      price,
    })
  }
}
