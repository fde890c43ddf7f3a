// The calendar's columns (days of the week, or one day's professionals or
// cabinets) and which appointments fall in each.
import type { Appointment, Cabinet, Professional } from '../models'
import { spanOnDate } from './agenda-layout'
import type { Span } from './agenda-layout'

export interface AgendaColumn {
  /** Unique among the columns on screen. */
  id: string
  kind: 'day' | 'professional' | 'cabinet'
  /** The clinic date the column shows. */
  date: string
  /** Visible header. */
  label: string
  /** Long form for accessible names ("Monday 27 November", "Ana García"). */
  fullLabel: string
  /** Header colour (cabinet columns). */
  color?: string
  /** Set on professional columns: booking or dropping here assigns this professional. */
  professionalId?: string
  /** Set on cabinet columns: booking or dropping here assigns this cabinet (null = the "No cabinet" column). */
  cabinetId?: string | null
}

export interface Placement {
  columnId: string
  appointment: Appointment
  span: Span
  /** The whole appointment is in this column (not clipped at midnight): it may be dragged. */
  whole: boolean
}

const NO_CABINET = 'cabinet:none'

/** Day view by professional: every bookable professional, plus anyone else who has appointments that day (a former member). */
export function professionalColumns(date: string, professionals: Professional[], appointments: Appointment[]): AgendaColumn[] {
  const columns: AgendaColumn[] = professionals.map(p => ({ id: `professional:${p.id}`, kind: 'professional', date, label: p.name, fullLabel: p.name, professionalId: p.id }))
  const known = new Set(professionals.map(p => p.id))
  for (const a of appointments) {
    if (known.has(a.professional_id)) continue
    known.add(a.professional_id)
    const name = a.professional?.name ?? a.professional_id
    columns.push({ id: `professional:${a.professional_id}`, kind: 'professional', date, label: name, fullLabel: name, professionalId: a.professional_id })
  }
  return columns
}

/** Day view by cabinet: the active cabinets, inactive ones that still hold appointments, and "No cabinet" for the unseated. */
export function cabinetColumns(date: string, cabinets: Cabinet[], appointments: Appointment[], noCabinetLabel: string): AgendaColumn[] {
  const used = new Set(appointments.map(a => a.cabinet_id))
  const columns: AgendaColumn[] = cabinets
    .filter(c => c.is_active || used.has(c.id))
    .map(c => ({ id: `cabinet:${c.id}`, kind: 'cabinet', date, label: c.name, fullLabel: c.name, color: c.color, cabinetId: c.id }))
  const known = new Set(cabinets.map(c => c.id))
  for (const a of appointments) {
    if (!a.cabinet_id || known.has(a.cabinet_id)) continue
    known.add(a.cabinet_id)
    const name = a.cabinet?.name ?? a.cabinet_id
    columns.push({ id: `cabinet:${a.cabinet_id}`, kind: 'cabinet', date, label: name, fullLabel: name, color: a.cabinet?.color, cabinetId: a.cabinet_id })
  }
  columns.push({ id: NO_CABINET, kind: 'cabinet', date, label: noCabinetLabel, fullLabel: noCabinetLabel, cabinetId: null })
  return columns
}

function belongs(a: Appointment, column: AgendaColumn): boolean {
  if (column.kind === 'professional') return a.professional_id === column.professionalId
  if (column.kind === 'cabinet') return (a.cabinet_id ?? null) === (column.cabinetId ?? null)
  return true
}

/** Every (column, appointment) pair with the minutes the appointment covers in that column. */
export function placeAppointments(appointments: Appointment[], columns: AgendaColumn[], timeZone: string): Placement[] {
  const out: Placement[] = []
  for (const a of appointments) {
    const duration = (Date.parse(a.end_time) - Date.parse(a.start_time)) / 60_000
    for (const column of columns) {
      if (!belongs(a, column)) continue
      const span = spanOnDate(a.start_time, a.end_time, column.date, timeZone)
      if (span) out.push({ columnId: column.id, appointment: a, span, whole: span.end - span.start === duration })
    }
  }
  return out
}
