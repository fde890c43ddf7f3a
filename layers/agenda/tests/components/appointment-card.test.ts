// <AgendaAppointmentCard>: its accessible name, look per status, and the grab/open events.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import AgendaAppointmentCard from '../../components/agenda/AgendaAppointmentCard.vue'
import { appointment, mountOptions, vueWarnings } from './harness'

afterEach(() => {
  expect(vueWarnings.splice(0)).toEqual([])
})

const box = { top: 96, height: 48, left: 0, width: 100 }

function card(props: Partial<InstanceType<typeof AgendaAppointmentCard>['$props']> = {}) {
  return mount(AgendaAppointmentCard, { props: { appointment: appointment(), timeZone: 'Europe/Madrid', box, ...props }, ...mountOptions() })
}

describe('<AgendaAppointmentCard>', () => {
  it('is a button named by time, patient, reason and status on the clinic\'s clock', () => {
    const button = card().get('button')
    expect(button.attributes('aria-label')).toBe('10:00–10:30 Ana García, Cleaning (Scheduled)')
  })

  it('uses the clinic timezone, not the browser\'s', () => {
    expect(card({ timeZone: 'America/New_York' }).get('button').attributes('aria-label')).toBe('04:00–04:30 Ana García, Cleaning (Scheduled)')
  })

  it('names a slot without patient or reason', () => {
    const a = appointment({ patient_id: null, patient: null, reason: null, status: 'confirmed' })
    expect(card({ appointment: a }).get('button').attributes('aria-label')).toBe('10:00–10:30 Blocked time (Confirmed)')
  })

  it('sits where the grid puts it, in its cabinet\'s colour', () => {
    const style = card().get('button').attributes('style')!
    expect(style).toContain('top: 96px')
    expect(style).toContain('height: 46px')
    expect(style).toContain('border-left-color: #3b82f6')
  })

  it('fades cancelled and no-show appointments by colour and a dashed edge (never opacity: the text keeps its contrast)', () => {
    expect(card({ appointment: appointment({ status: 'cancelled' }) }).get('button').classes()).toEqual(expect.arrayContaining(['border-dashed', 'text-(--ui-text-muted)']))
    expect(card({ appointment: appointment({ status: 'no_show' }) }).get('button').classes()).toContain('border-dashed')
    expect(card({ appointment: appointment({ status: 'confirmed' }) }).get('button').classes()).not.toContain('border-dashed')
    expect(card({ appointment: appointment({ status: 'cancelled' }) }).get('button').classes().join(' ')).not.toMatch(/opacity/)
  })

  it('opens on click and reports a grab (move or resize) only when movable', async () => {
    const fixed = card()
    await fixed.get('button').trigger('pointerdown', { button: 0 })
    await fixed.get('button').trigger('click')
    expect(fixed.emitted('grab')).toBeUndefined()
    expect(fixed.emitted('open')).toHaveLength(1)
    expect(fixed.find('[data-resize-handle]').exists()).toBe(false)

    const movable = card({ movable: true })
    await movable.get('button').trigger('pointerdown', { button: 0 })
    await movable.get('[data-resize-handle]').trigger('pointerdown', { button: 0 })
    await movable.get('button').trigger('pointerdown', { button: 2 }) // right button: no drag
    expect(movable.emitted('grab')!.map(([, mode]) => mode)).toEqual(['move', 'resize'])
  })

  it('shows the patient\'s allergies (red) or that they were never recorded (amber), and says so in its name', () => {
    const allergic = card({ appointment: appointment({ patient: { id: 'p1', first_name: 'Ana', last_name: 'García', full_name: 'Ana García', allergies: ['Penicillin', 'Latex'], allergies_status: 'recorded' } }) })
    expect(allergic.get('[data-allergies="danger"]').text()).toBe('Penicillin, Latex')
    expect(allergic.get('button').attributes('title')).toBe('Allergies: Penicillin, Latex')
    // The name holds the visible text in its order (WCAG 2.5.3), then the full note.
    expect(allergic.get('button').attributes('aria-label')).toBe('10:00–10:30 Ana García — Penicillin, Latex, Cleaning (Scheduled). Allergies: Penicillin, Latex')

    const unknown = card({ appointment: appointment({ patient: { id: 'p1', first_name: 'Ana', last_name: 'García', full_name: 'Ana García', allergies: [], allergies_status: 'not_recorded' } }) })
    expect(unknown.get('[data-allergies="unknown"]').text()).toBe('Allergies?')
    expect(unknown.get('button').attributes('aria-label')).toBe('10:00–10:30 Ana García — Allergies?, Cleaning (Scheduled). Allergies not recorded')
    const narrow = card({ box: { ...box, width: 50 }, appointment: appointment({ patient: { id: 'p1', first_name: 'Ana', last_name: 'García', full_name: 'Ana García', allergies: ['Latex'], allergies_status: 'recorded' } }) })
    expect(narrow.get('button').attributes('aria-label')).toBe('10:00–10:30 Ana García, Cleaning (Scheduled). Allergies: Latex')

    // "None known" adds nothing; a short card keeps an icon.
    expect(card().find('[data-allergies]').exists()).toBe(false)
    const short = card({ box: { ...box, height: 24 }, appointment: appointment({ patient: { id: 'p1', first_name: 'Ana', last_name: 'García', full_name: 'Ana García', allergies: [], allergies_status: 'not_recorded' } }) })
    expect(short.find('[data-allergies="unknown"]').exists()).toBe(true)
  })
})
