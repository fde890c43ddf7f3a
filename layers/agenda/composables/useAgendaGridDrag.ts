import type { ShallowRef } from 'vue'
import type { Appointment } from '../models'
import type { AgendaColumn, Placement } from '../lib/agenda-columns'
import { cardBox, layoutLanes, moveSpan, pixelsToMinutes, resizeSpan } from '../lib/agenda-layout'
import type { Span } from '../lib/agenda-layout'

interface Drag {
  appointment: Appointment
  mode: 'move' | 'resize'
  pointerId: number
  startX: number
  startY: number
  /** The grid body's top in the viewport when the drag began (it moves when the grid scrolls). */
  startTop: number
  origin: { columnId: string, span: Span }
  target: { columnId: string, span: Span }
  moved: boolean
}

export interface AgendaGridDragOptions {
  placements: () => Placement[]
  columns: () => AgendaColumn[]
  range: () => Span
  slotPx: () => number
  /** Whether this card may be dragged (write permission, whole card, active status). */
  canMove: (placement: Placement) => boolean
  /** The hours gutter (its top is the grid's time origin) and the scrolling box. */
  body: Readonly<ShallowRef<HTMLElement | null>>
  scroller: Readonly<ShallowRef<HTMLElement | null>>
  /** A drop that changed the time or column. */
  onMove: (appointment: Appointment, column: AgendaColumn, span: Span) => void
}

/**
 * Dragging cards on the time grid: a card grabbed by its body moves (to
 * another time or column, snapping to 15 minutes), grabbed by its bottom edge
 * it resizes. While dragging, the card is drawn at its target; the grid
 * scrolls near its edges. A drop reports the move (the host saves it) and is
 * not also a click on the card.
 */
export function useAgendaGridDrag(options: AgendaGridDragOptions) {
  const drag = shallowRef<Drag | null>(null)
  let swallowClick = false

  /** Cards per column, side by side where they overlap; the card being dragged at its target. */
  const cardsByColumn = computed(() => {
    const d = drag.value
    const range = options.range()
    const slotPx = options.slotPx()
    const byColumn = new Map<string, { item: Placement, span: Span }[]>()
    for (const p of options.placements()) {
      if (d?.moved && p.appointment.id === d.appointment.id) continue
      const list = byColumn.get(p.columnId) ?? []
      list.push({ item: p, span: p.span })
      byColumn.set(p.columnId, list)
    }
    const out = new Map<string, { placement: Placement, box: ReturnType<typeof cardBox>, dragging: boolean }[]>()
    for (const [columnId, items] of byColumn) {
      out.set(columnId, layoutLanes(items).map(l => ({ placement: l.item, box: cardBox(l, range, slotPx), dragging: false })))
    }
    const original = d?.moved ? options.placements().find(p => p.appointment.id === d.appointment.id && p.columnId === d.origin.columnId) : undefined
    if (d && original) {
      const list = out.get(d.target.columnId) ?? []
      list.push({
        placement: { ...original, columnId: d.target.columnId, span: d.target.span },
        box: cardBox({ span: d.target.span, lane: 0, lanes: 1 }, range, slotPx),
        dragging: true,
      })
      out.set(d.target.columnId, list)
    }
    return out
  })

  function columnAt(x: number, y: number): string | null {
    const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-column-id]')
    return el?.dataset.columnId ?? null
  }

  function autoScroll(y: number) {
    const el = options.scroller.value
    if (!el) return
    const r = el.getBoundingClientRect()
    if (y < r.top + 32) el.scrollTop -= 12
    else if (y > r.bottom - 32) el.scrollTop += 12
  }

  function onPointerMove(event: PointerEvent) {
    const d = drag.value
    if (!d || event.pointerId !== d.pointerId) return
    if (!d.moved && Math.hypot(event.clientX - d.startX, event.clientY - d.startY) < 5) return
    autoScroll(event.clientY)
    const top = options.body.value?.getBoundingClientRect().top ?? d.startTop
    const delta = pixelsToMinutes((event.clientY - top) - (d.startY - d.startTop), options.slotPx())
    const columnId = d.mode === 'move' ? (columnAt(event.clientX, event.clientY) ?? d.target.columnId) : d.origin.columnId
    const span = d.mode === 'move' ? moveSpan(d.origin.span, delta) : resizeSpan(d.origin.span, delta)
    drag.value = { ...d, moved: true, target: { columnId, span } }
  }

  function stopListening() {
    window.removeEventListener('pointermove', onPointerMove)
    window.removeEventListener('pointerup', onPointerUp)
    window.removeEventListener('pointercancel', onPointerCancel)
  }

  function onPointerUp(event: PointerEvent) {
    const d = drag.value
    if (!d || event.pointerId !== d.pointerId) return
    stopListening()
    drag.value = null
    if (!d.moved) return
    swallowClick = true
    setTimeout(() => {
      swallowClick = false
    }, 0)
    const changed = d.target.columnId !== d.origin.columnId || d.target.span.start !== d.origin.span.start || d.target.span.end !== d.origin.span.end
    const column = options.columns().find(c => c.id === d.target.columnId)
    if (changed && column) options.onMove(d.appointment, column, d.target.span)
  }

  function onPointerCancel() {
    stopListening()
    drag.value = null
  }

  onBeforeUnmount(stopListening)

  /** A pointer went down on a card (`mode` by where). */
  function grab(placement: Placement, event: PointerEvent, mode: 'move' | 'resize') {
    if (!options.canMove(placement) || drag.value) return
    event.preventDefault()
    drag.value = {
      appointment: placement.appointment,
      mode,
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      startTop: options.body.value?.getBoundingClientRect().top ?? 0,
      origin: { columnId: placement.columnId, span: placement.span },
      target: { columnId: placement.columnId, span: placement.span },
      moved: false,
    }
    window.addEventListener('pointermove', onPointerMove)
    window.addEventListener('pointerup', onPointerUp)
    window.addEventListener('pointercancel', onPointerCancel)
  }

  /** Whether a click on a card is the end of a drop (and not a request to open it). */
  const justDropped = () => swallowClick

  return { cardsByColumn, grab, justDropped }
}
