// <AgendaCalendarGrid>: rows over clinic hours, slot buttons named by time,
// cards placed by time and side by side when they overlap, booking events.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import AgendaCalendarGrid from '../../components/agenda/AgendaCalendarGrid.vue'
import type { AgendaColumn } from '../../lib/agenda-columns'
import { placeAppointments, professionalColumns } from '../../lib/agenda-columns'
import type { Appointment } from '../../models'
import { appointment, mountOptions, vueWarnings } from './harness'

afterEach(() => {
  expect(vueWarnings.splice(0)).toEqual([])
})

const TZ = 'Europe/Madrid'
const dayColumn = (date: string): AgendaColumn => ({ id: `day:${date}`, kind: 'day', date, label: date, fullLabel: `Day ${date}` })

function grid(columns: AgendaColumn[], appointments: Appointment[], extra: { canWrite?: boolean, now?: number | null, today?: string } = {}) {
  return mount(AgendaCalendarGrid, {
    props: {
      columns,
      placements: placeAppointments(appointments, columns, TZ),
      timeZone: TZ,
      canWrite: extra.canWrite ?? true,
      now: extra.now ?? null,
      today: extra.today ?? '2026-12-01',
      label: 'Schedule',
    },
    ...mountOptions(),
  })
}

describe('<AgendaCalendarGrid>', () => {
  it('draws 15-minute slots over clinic hours, each a button named by column and time', () => {
    const wrapper = grid([dayColumn('2026-12-07'), dayColumn('2026-12-08')], [])
    const slots = wrapper.findAll('button[data-slot]')
    expect(slots).toHaveLength(2 * 48) // 08:00–20:00
    expect(slots[0]!.attributes('aria-label')).toBe('New appointment: Day 2026-12-07, 08:00')
    expect(slots[47]!.attributes('aria-label')).toBe('New appointment: Day 2026-12-07, 19:45')
  })

  it('widens the hours to fit an early appointment', () => {
    const early = appointment({ start_time: '2026-12-07T07:15:00+01:00', end_time: '2026-12-07T07:45:00+01:00' })
    const wrapper = grid([dayColumn('2026-12-07')], [early])
    expect(wrapper.findAll('button[data-slot]')[0]!.attributes('aria-label')).toBe('New appointment: Day 2026-12-07, 07:00')
    // Its card sits in the second and third rows from 07:00 (24 px each).
    const style = wrapper.get('button[data-appointment-id]').attributes('style')!
    expect(style).toContain('top: 24px')
  })

  it('books the clicked slot', async () => {
    const wrapper = grid([dayColumn('2026-12-07')], [])
    await wrapper.get('button[aria-label="New appointment: Day 2026-12-07, 10:15"]').trigger('click')
    const [column, minutes] = wrapper.emitted('book')![0] as [AgendaColumn, number]
    expect(column.date).toBe('2026-12-07')
    expect(minutes).toBe(10 * 60 + 15)
  })

  it('places cards by time and puts overlapping ones side by side', () => {
    const a = appointment({ id: 'a', start_time: '2026-12-07T10:00:00+01:00', end_time: '2026-12-07T11:00:00+01:00' })
    const b = appointment({ id: 'b', start_time: '2026-12-07T10:30:00+01:00', end_time: '2026-12-07T11:00:00+01:00' })
    const c = appointment({ id: 'c', start_time: '2026-12-08T09:00:00+01:00', end_time: '2026-12-08T09:15:00+01:00' })
    const wrapper = grid([dayColumn('2026-12-07'), dayColumn('2026-12-08')], [a, b, c])
    const style = (id: string) => wrapper.get(`[data-appointment-id="${id}"]`).attributes('style')!
    expect(style('a')).toMatch(/top: 192px.*left: calc\(0% \+ 2px\).*width: calc\(50% - 4px\)/)
    expect(style('b')).toMatch(/top: 240px.*left: calc\(50% \+ 2px\)/)
    expect(style('c')).toMatch(/top: 96px.*width: calc\(100% - 4px\)/)
    expect(wrapper.get('[data-column-id="day:2026-12-08"]').find('[data-appointment-id="c"]').exists()).toBe(true)
  })

  it('in day view offers only free slots of each professional', () => {
    const pros = [{ id: 'u1', name: 'Diego Dentista', role: 'dentist', licence_number: null }, { id: 'u2', name: 'Helena Higienista', role: 'hygienist', licence_number: null }]
    const busy = appointment({ professional_id: 'u1' })
    const cancelled = appointment({ id: 'a2', professional_id: 'u2', status: 'cancelled' })
    const columns = professionalColumns('2026-12-07', pros, [busy, cancelled])
    const wrapper = grid(columns, [busy, cancelled])
    expect(wrapper.find('button[aria-label="New appointment: Diego Dentista, 10:00"]').exists()).toBe(false)
    expect(wrapper.find('button[aria-label="New appointment: Diego Dentista, 10:15"]').exists()).toBe(false)
    expect(wrapper.find('button[aria-label="New appointment: Diego Dentista, 10:30"]').exists()).toBe(true)
    // A cancelled appointment frees its time.
    expect(wrapper.find('button[aria-label="New appointment: Helena Higienista, 10:00"]').exists()).toBe(true)
  })

  it('offers no slots and no dragging without appointments.write', () => {
    const wrapper = grid([dayColumn('2026-12-07')], [appointment()], { canWrite: false })
    expect(wrapper.findAll('button[data-slot]')).toHaveLength(0)
    expect(wrapper.find('[data-resize-handle]').exists()).toBe(false)
  })

  it('draws the now-line only on today\'s column, on the clinic clock', () => {
    const now = Date.parse('2026-12-07T09:30:00Z') // 10:30 in Madrid
    const wrapper = grid([dayColumn('2026-12-07'), dayColumn('2026-12-08')], [], { now, today: '2026-12-07' })
    const lines = wrapper.findAll('[data-testid="agenda-now-line"]')
    expect(lines).toHaveLength(1)
    expect(lines[0]!.attributes('style')).toContain('top: 240px')
    expect(grid([dayColumn('2026-12-07')], [], { now: null }).find('[data-testid="agenda-now-line"]').exists()).toBe(false)
  })
})
