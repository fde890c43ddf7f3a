// <AgendaStatusActions>: the buttons each status offers, and what a click reports.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { APPOINTMENT_STATUSES } from '../../models'
import type { AppointmentStatus } from '../../models'
import AgendaStatusActions from '../../components/agenda/AgendaStatusActions.vue'
import { mountOptions, vueWarnings } from './harness'

afterEach(() => {
  expect(vueWarnings.splice(0)).toEqual([])
})

const buttons = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('button').map(b => b.text())

describe('<AgendaStatusActions>', () => {
  // Written out (not derived from TRANSITIONS) so a change to the machine shows up here.
  const expected: Record<AppointmentStatus, string[]> = {
    scheduled: ['Confirm', 'Check in', 'Cancel appointment', 'No-show'],
    confirmed: ['Check in', 'Cancel appointment', 'No-show'],
    checked_in: ['Start treatment', 'Cancel appointment'],
    in_treatment: ['Complete', 'Cancel appointment'],
    completed: [],
    cancelled: [],
    no_show: [],
  }

  it.each(APPOINTMENT_STATUSES)('offers the allowed moves from %s', (status) => {
    const wrapper = mount(AgendaStatusActions, { props: { status }, ...mountOptions() })
    expect(buttons(wrapper)).toEqual(expected[status])
    // Final statuses render no (empty) action group at all.
    expect(wrapper.find('[role="group"]').exists()).toBe(expected[status].length > 0)
  })

  it('follows the server\'s allowed_transitions when given', () => {
    const wrapper = mount(AgendaStatusActions, { props: { status: 'scheduled', allowed: ['cancelled'] }, ...mountOptions() })
    expect(buttons(wrapper)).toEqual(['Cancel appointment'])
  })

  it('reports the target status of the clicked button', async () => {
    const wrapper = mount(AgendaStatusActions, { props: { status: 'checked_in' }, ...mountOptions() })
    await wrapper.get('[data-transition="in_treatment"]').trigger('click')
    await wrapper.get('[data-transition="cancelled"]').trigger('click')
    expect(wrapper.emitted('transition')).toEqual([['in_treatment'], ['cancelled']])
  })

  it('blocks the other buttons while one change is in flight (no double submit)', () => {
    const wrapper = mount(AgendaStatusActions, { props: { status: 'scheduled', busy: 'confirmed' }, ...mountOptions() })
    const states = Object.fromEntries(wrapper.findAll('button').map(b => [b.attributes('data-transition'), { disabled: b.attributes('disabled') !== undefined, busy: b.attributes('aria-busy') === 'true' }]))
    expect(states).toEqual({
      confirmed: { disabled: true, busy: true },
      checked_in: { disabled: true, busy: false },
      cancelled: { disabled: true, busy: false },
      no_show: { disabled: true, busy: false },
    })
  })
})
