// Rows → the DTOs the API returns (ids and times as strings, times with the clinic's offset, money "0.00").
import { clinicDate, clinicToday, isoInZone, normalizeMoney } from '#dentalpin'
import { hasPermission } from '#shared/permissions'
import type { EntryTooth } from '#layers/odontogram/models'
import { allowedActions, itemsLocked } from '../../models'
import type { PlanItem, PlanItemTreatment, PlanSession, TreatmentPlan, TreatmentPlanDetail } from '../../models'
import type { ItemWithTreatment } from '../repositories/items'
import type { PlanWithDetails } from '../repositories/plans'

/** JSON columns come back parsed from PostgreSQL and PGlite alike; a string is parsed once more. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

export const money = (value: unknown) => normalizeMoney(String(value ?? '0'))

const person = (id: string | null, first: string | null, last: string | null) =>
  (id ? { id, name: `${first ?? ''} ${last ?? ''}`.trim() } : null)

const DAY_MS = 86_400_000

/** Whole days between two clinic dates (`YYYY-MM-DD`). */
function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS))
}

export function toPlanDto(row: PlanWithDetails, timeZone: string, grants: readonly string[]): TreatmentPlan {
  const at = (d: Date | null) => (d ? isoInZone(d, timeZone) : null)
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    patient_id: row.patient_id,
    patient: { id: row.patient_id, full_name: `${row.patient_first_name} ${row.patient_last_name}`.trim() },
    professional_id: row.professional_id,
    professional: person(row.professional_id, row.professional_first_name, row.professional_last_name),
    status: row.status,
    diagnosis: row.diagnosis,
    internal_notes: row.internal_notes,
    closure_reason: row.closure_reason,
    closure_note: row.closure_note,
    closed_at: at(row.closed_at),
    status_changed_at: at(row.status_changed_at)!,
    days_in_status: daysBetween(clinicDate(row.status_changed_at, timeZone), clinicToday(timeZone)),
    item_count: Number(row.item_count),
    completed_count: Number(row.completed_count),
    cancelled_count: Number(row.cancelled_count),
    pending_count: Number(row.pending_count),
    booked_count: Number(row.booked_count),
    total: money(row.total),
    items_locked: itemsLocked(row.status),
    allowed_actions: allowedActions(row.status, p => hasPermission(grants, p)),
    created_by: person(row.created_by, row.creator_first_name, row.creator_last_name),
    created_at: at(row.created_at)!,
    updated_at: at(row.updated_at)!,
  }
}

export function toTreatmentDto(row: ItemWithTreatment, timeZone: string): PlanItemTreatment {
  return {
    id: row.treatment_id,
    clinical_type: row.clinical_type,
    status: row.treatment_status!,
    teeth: json<EntryTooth[]>(row.teeth),
    scope: row.scope,
    arch: row.arch,
    catalog_item_id: row.catalog_item_id,
    catalog_item: row.catalog_item_id && row.item_code !== null
      ? { id: row.catalog_item_id, code: row.item_code, names: json<Record<string, string>>(row.item_names) }
      : null,
    price: row.treatment_price === null ? null : money(row.treatment_price),
    performed_at: row.performed_at ? isoInZone(row.performed_at, timeZone) : null,
  }
}

export type Booked = Map<string, { id: string, start_time: Date, status: string }>

export function toItemDto(row: ItemWithTreatment, timeZone: string, booked: Booked): PlanItem {
  const at = (d: Date | null) => (d ? isoInZone(d, timeZone) : null)
  const next = booked.get(row.id)
  return {
    id: row.id,
    plan_id: row.plan_id,
    treatment_id: row.treatment_id,
    treatment: toTreatmentDto(row, timeZone),
    position: row.position,
    phase: row.phase,
    professional_id: row.professional_id,
    professional: person(row.professional_id, row.professional_first_name, row.professional_last_name),
    status: row.status,
    price: money(row.price),
    sessions: json<PlanSession[]>(row.sessions),
    completed_at: at(row.completed_at),
    cancelled_at: at(row.cancelled_at),
    booked_appointment: next ? { id: next.id, start_time: isoInZone(next.start_time, timeZone), status: next.status } : null,
    created_at: at(row.created_at)!,
  }
}

export function toDetailDto(plan: TreatmentPlan, items: PlanItem[]): TreatmentPlanDetail {
  return { ...plan, items }
}
