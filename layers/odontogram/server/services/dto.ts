// Rows → the DTOs the API returns (ids and times as strings, times with the clinic's offset).
import { isoInZone, normalizeMoney } from '#dentalpin'
import { ENTRY_TRANSITIONS } from '../../models'
import type { EntryTooth, HistoryAction, OdontogramEntry, OdontogramHistoryItem } from '../../models'
import type { EntryWithNames } from '../repositories/entries'
import type { listHistory } from '../repositories/history'

const person = (id: string | null, first: string | null, last: string | null) =>
  (id ? { id, name: `${first ?? ''} ${last ?? ''}`.trim() } : null)

/** JSON columns come back parsed from PostgreSQL and PGlite alike; a string is parsed once more. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

/** numeric(12,2) as the two-decimal string every money field uses. */
const money = (value: unknown) => (value === null || value === undefined ? null : normalizeMoney(String(value)))

export function toEntryDto(row: EntryWithNames, timeZone: string): OdontogramEntry {
  const at = (d: Date | null) => (d ? isoInZone(d, timeZone) : null)
  return {
    id: row.id,
    patient_id: row.patient_id,
    kind: row.kind,
    clinical_type: row.clinical_type,
    status: row.status,
    existing: row.existing,
    teeth: json<EntryTooth[]>(row.teeth),
    scope: row.scope,
    arch: row.arch,
    catalog_item_id: row.catalog_item_id,
    catalog_item: row.catalog_item_id && row.item_code !== null
      ? { id: row.catalog_item_id, code: row.item_code, names: json<Record<string, string>>(row.item_names) }
      : null,
    price: money(row.price),
    notes: row.notes,
    recorded_by: person(row.recorded_by, row.recorded_first_name, row.recorded_last_name),
    recorded_at: at(row.recorded_at)!,
    performed_by: person(row.performed_by, row.performed_first_name, row.performed_last_name),
    performed_at: at(row.performed_at),
    cancelled_at: at(row.cancelled_at),
    superseded_by: row.superseded_by,
    allowed_transitions: row.existing || row.status === null ? [] : [...ENTRY_TRANSITIONS[row.status]],
    created_at: at(row.created_at)!,
    updated_at: at(row.updated_at)!,
  }
}

type HistoryRow = Awaited<ReturnType<typeof listHistory>>['rows'][number]

export function toHistoryDto(row: HistoryRow, timeZone: string): OdontogramHistoryItem {
  return {
    id: row.id,
    entry_id: row.entry_id,
    action: row.action as HistoryAction,
    kind: row.kind,
    clinical_type: row.clinical_type,
    teeth: json<EntryTooth[]>(row.teeth),
    changes: json<string[] | null>(row.changes),
    reason: row.reason,
    actor: person(row.actor_id, row.first_name, row.last_name),
    at: isoInZone(row.at, timeZone),
  }
}
