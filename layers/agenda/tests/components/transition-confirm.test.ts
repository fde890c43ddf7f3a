// <AgendaTransitionConfirm> seating a patient: a failed cabinets load is not
// "no active cabinets", and it offers a retry.
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import type { Cabinet } from '../../models'
import AppConfirmModal from '../../../../components/app/AppConfirmModal.vue'
import AgendaTransitionConfirm from '../../components/agenda/AgendaTransitionConfirm.vue'
import { mountOptions, t, vueWarnings } from './harness'

afterEach(() => {
  expect(vueWarnings.splice(0)).toEqual([])
})

const UModal = defineComponent({
  name: 'UModal',
  props: { open: Boolean, title: String, description: String, dismissible: Boolean },
  setup: (props, { slots }) => () => (props.open ? h('div', { 'role': 'dialog', 'aria-label': props.title }, [slots.body?.(), slots.footer?.()]) : null),
})
const UFormField = defineComponent({
  name: 'UFormField',
  props: { label: String, name: String, required: Boolean, error: String },
  setup: (props, { slots }) => () => h('div', [h('label', props.label), slots.default?.(), props.error ? h('p', { 'data-error': '' }, props.error) : null]),
})
const UInputStub = defineComponent({ name: 'UStub', props: { modelValue: null, items: Array }, setup: () => () => h('select') })
const UAlert = defineComponent({ name: 'UAlert', props: { title: String }, setup: props => () => h('div', { role: 'alert' }, props.title) })

const cabinet: Cabinet = {
  id: 'k1', clinic_id: 'c1', name: 'Cabinet 1', color: '#3b82f6', display_order: 1, is_active: true,
  created_at: '2026-11-27T08:00:00Z', updated_at: '2026-11-27T08:00:00Z',
}

function seat(extra: { cabinets?: Cabinet[], cabinetsError?: string | null } = {}) {
  const options = mountOptions()
  return mount(AgendaTransitionConfirm, {
    props: { open: true, to: 'in_treatment', who: 'Ana García', needsCabinet: true, loading: false, error: null, cabinets: [], submit: async () => true, ...extra },
    global: { ...options.global, components: { ...options.global.components, AppConfirmModal }, stubs: { ...options.global.stubs, UModal, UFormField, USelect: UInputStub, UTextarea: UInputStub, UAlert } },
  })
}

describe('<AgendaTransitionConfirm> seating', () => {
  it('says there are no active cabinets when the list loaded empty, without a retry', () => {
    const wrapper = seat()
    expect(wrapper.get('[data-error]').text()).toBe(t('agenda.confirm.seat.noCabinets'))
    expect(wrapper.findAll('button').map(b => b.text())).not.toContain(t('agenda.retry'))
  })

  it('says the cabinets could not be loaded when the load failed, and retries on request', async () => {
    const wrapper = seat({ cabinetsError: 'Network error' })
    expect(wrapper.get('[data-error]').text()).toBe(t('agenda.confirm.seat.cabinetsFailed'))
    const retry = wrapper.findAll('button').find(b => b.text() === t('agenda.retry'))!
    await retry.trigger('click')
    expect(wrapper.emitted('retryCabinets')).toHaveLength(1)
  })

  it('offers the cabinets once they are there', () => {
    const wrapper = seat({ cabinets: [cabinet] })
    expect(wrapper.find('[data-error]').exists()).toBe(false)
  })
})
