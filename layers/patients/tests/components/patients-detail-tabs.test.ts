// The patient page's tabs are the `patient.detail.tabs` slot: real slot
// registry, stores and error boundary (ModuleSlotEntry); @nuxt/ui stubbed.
import { defineComponent, h } from 'vue'
import { flushPromises } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MockInstance } from 'vitest'
import PatientsDetailTabs from '../../components/patients/PatientsDetailTabs.vue'
import { activateModules, entry, knownKeys, mountWith, patient, signIn, vueWarnings } from './harness'

const TABS = 'patient.detail.tabs'

const tabIds = (wrapper: VueWrapper) => wrapper.findAll('[role="tab"]').map(tab => tab.attributes('data-tab'))
const tabLabels = (wrapper: VueWrapper) => wrapper.findAll('[role="tab"]').map(tab => tab.text())
const selected = (wrapper: VueWrapper) => wrapper.find('[role="tab"][aria-selected="true"]').attributes('data-tab')
const panel = (wrapper: VueWrapper) => wrapper.get('[role="tabpanel"]')

function mountTabs(tab?: string) {
  return mountWith(PatientsDetailTabs, { 'patient': patient(), tab, 'onUpdate:tab': vi.fn() })
}

let consoleError: MockInstance<typeof console.error>

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
  knownKeys.clear()
  signIn(['patients.read', 'billing.read'])
  activateModules('patients', 'patient_timeline', 'billing')
})

afterEach(() => {
  consoleError.mockRestore()
  expect(vueWarnings.splice(0)).toEqual([])
})

describe('<PatientsDetailTabs>', () => {
  it('shows one tab per entry, in slot order, labelled by its translated key', () => {
    knownKeys.add('patients.tabs.summary').add('patient_timeline.tab')
    useModuleSlots('patient_timeline').register(TABS, { id: 'timeline', label: 'patient_timeline.tab', component: entry('timeline'), order: 30 })
    useModuleSlots('patients').register(TABS, { id: 'patients.info', label: 'patients.tabs.info_untranslated', component: entry('info'), order: 20 })
    useModuleSlots('patients').register(TABS, { id: 'patients.summary', label: 'patients.tabs.summary', component: entry('summary'), order: 10 })

    const wrapper = mountTabs()

    expect(tabIds(wrapper)).toEqual(['patients.summary', 'patients.info', 'timeline'])
    // A label without a translation never shows a raw key.
    expect(tabLabels(wrapper)).toEqual(['patients.tabs.summary', 'Info untranslated', 'patient_timeline.tab'])
    expect(selected(wrapper)).toBe('patients.summary')
    expect(panel(wrapper).find('[data-entry-content="summary"]').exists()).toBe(true)
  })

  it('leaves out a tab whose permission the user lacks', () => {
    useModuleSlots('patients').register(TABS, { id: 'summary', component: entry('summary'), order: 10, permission: 'patients.read' })
    useModuleSlots('billing').register(TABS, { id: 'invoices', component: entry('invoices'), order: 20, permission: 'billing.read' })
    useModuleSlots('patients').register(TABS, { id: 'medical', component: entry('medical'), order: 30, permission: 'patients.medical.read' })

    expect(tabIds(mountTabs())).toEqual(['summary', 'invoices'])
  })

  it('leaves out the tab of a module that is not active', () => {
    useModuleSlots('patients').register(TABS, { id: 'summary', component: entry('summary'), order: 10 })
    useModuleSlots('agenda').register(TABS, { id: 'appointments', component: entry('appointments'), order: 20 })
    useModuleSlots('patient_timeline').register(TABS, { id: 'timeline', component: entry('timeline'), order: 30 })

    const wrapper = mountTabs('appointments')

    expect(tabIds(wrapper)).toEqual(['summary', 'timeline'])
    // Its id in the URL falls back to the first tab.
    expect(selected(wrapper)).toBe('summary')
  })

  it('leaves out a tab whose condition refuses the patient', () => {
    useModuleSlots('patients').register(TABS, { id: 'summary', component: entry('summary'), order: 10 })
    useModuleSlots('patients').register(TABS, { id: 'archived-only', component: entry('archived'), order: 20, condition: ctx => ctx.patient.status === 'archived' })

    expect(tabIds(mountTabs())).toEqual(['summary'])
  })

  it('shows an inline error in a tab that throws while the other tabs keep working', async () => {
    const Broken = defineComponent({
      name: 'Broken',
      setup() {
        throw new Error('boom')
      },
      render: () => h('p'),
    })
    useModuleSlots('patients').register(TABS, { id: 'summary', component: entry('summary'), order: 10 })
    useModuleSlots('billing').register(TABS, { id: 'broken', component: Broken, order: 20 })
    useModuleSlots('patient_timeline').register(TABS, { id: 'timeline', component: entry('timeline'), order: 30 })

    const wrapper = mountTabs('broken')
    await flushPromises()

    expect(tabIds(wrapper)).toEqual(['summary', 'broken', 'timeline'])
    expect(panel(wrapper).find('[data-slot-error="broken"]').exists()).toBe(true)
    expect(panel(wrapper).get('[role="alert"]').text()).toBe('slots.entryFailed')

    await wrapper.setProps({ tab: 'timeline' })
    expect(panel(wrapper).find('[data-entry-content="timeline"]').exists()).toBe(true)
    expect(wrapper.find('[data-slot-error]').exists()).toBe(false)
    expect(consoleError).toHaveBeenCalled()
  })

  it('passes the patient to the tab as ctx', () => {
    const Name = defineComponent({
      name: 'Name',
      props: { ctx: { type: Object, required: true } },
      setup: props => () => h('p', { 'data-name': '' }, (props.ctx as { patient: { full_name: string } }).patient.full_name),
    })
    useModuleSlots('patients').register(TABS, { id: 'name', component: Name })

    expect(mountTabs().get('[data-name]').text()).toBe('Ana López')
  })

  it('selects the tab named by `tab`, and reports a change (the first tab as no tab)', async () => {
    useModuleSlots('patients').register(TABS, { id: 'summary', component: entry('summary'), order: 10 })
    useModuleSlots('patients').register(TABS, { id: 'info', component: entry('info'), order: 20 })
    const wrapper = mountTabs('info')
    expect(selected(wrapper)).toBe('info')
    expect(panel(wrapper).find('[data-entry-content="info"]').exists()).toBe(true)

    await wrapper.get('[data-tab="summary"]').trigger('click')
    expect(wrapper.emitted('update:tab')).toEqual([[undefined]])

    await wrapper.setProps({ tab: undefined })
    await wrapper.get('[data-tab="info"]').trigger('click')
    expect(wrapper.emitted('update:tab')).toEqual([[undefined], ['info']])
  })

  it('says so when no tab is visible', () => {
    useModuleSlots('patients').register(TABS, { id: 'medical', component: entry('medical'), permission: 'patients.medical.read' })

    const wrapper = mountTabs()
    expect(wrapper.find('[role="tablist"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('patients.detail.noTabs')
  })
})
