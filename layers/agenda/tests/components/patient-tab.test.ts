// <AgendaPatientTab>: an archived patient cannot be booked (no button, a
// hint instead), and a failed cabinets load shows a warning with Retry
// instead of looking like "no cabinets". The agenda composables are stood in
// for, so the tab runs without a network.
import { mount } from '@vue/test-utils'
import { computed, defineComponent, h, ref } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SlotPatient } from '#dentalpin/client'
import AppAsyncState from '../../../../components/app/AppAsyncState.vue'
import AgendaPatientTab from '../../components/agenda/AgendaPatientTab.vue'
import AgendaCabinetsWarning from '../../components/agenda/AgendaCabinetsWarning.vue'
import { mountOptions, t } from './harness'

const globals = globalThis as Record<string, unknown>
const NAMES = ['useToast', 'useAuthStore', 'useAgendaClinicTime', 'useAgendaAppointments', 'useAgendaProfessionals', 'useAgendaCabinets'] as const
const saved: Record<string, unknown> = {}
let cabinetsError: string | null = null
const refreshCabinets = vi.fn()

beforeEach(() => {
  for (const name of NAMES) saved[name] = globals[name]
  cabinetsError = null
  refreshCabinets.mockReset()
  Object.assign(globals, {
    useToast: () => ({ add: vi.fn() }),
    useAuthStore: () => ({ can: () => true, me: null }),
    useAgendaClinicTime: () => ({ timeZone: ref('Europe/Madrid'), today: ref('2026-12-07'), longDate: (d: string) => d }),
    useAgendaAppointments: () => ({
      appointments: ref([]), loading: ref(false), loadError: ref(null), refresh: vi.fn(), upsert: vi.fn(),
      mutations: { create: vi.fn(), isBusy: () => false },
    }),
    useAgendaProfessionals: () => ({ professionals: ref([]) }),
    useAgendaCabinets: () => ({ cabinets: ref([]), loadError: computed(() => cabinetsError), refresh: refreshCabinets }),
  })
})
afterEach(() => {
  Object.assign(globals, saved)
})

const UAlert = defineComponent({
  name: 'UAlert',
  props: { title: String, description: String, actions: Array },
  setup: props => () => h('div', { role: 'alert' }, [
    h('strong', props.title),
    ...((props.actions ?? []) as { label: string, onClick: () => void }[]).map(a => h('button', { type: 'button', onClick: a.onClick }, a.label)),
  ]),
})
const Empty = defineComponent({ name: 'Empty', setup: () => () => null })

function patient(status: 'active' | 'archived'): SlotPatient {
  return { id: 'p1', first_name: 'Ana', last_name: 'García', full_name: 'Ana García', status } as SlotPatient
}

function tab(status: 'active' | 'archived') {
  const options = mountOptions()
  return mount(AgendaPatientTab, {
    props: { ctx: { patient: patient(status) } },
    global: {
      ...options.global,
      components: { ...options.global.components, AppAsyncState, AgendaCabinetsWarning },
      stubs: { ...options.global.stubs, UAlert, UCard: Empty, USkeleton: Empty, AgendaBookingDialogs: Empty },
    },
  })
}

const labels = (wrapper: ReturnType<typeof tab>) => wrapper.findAll('button').map(b => b.text())

describe('<AgendaPatientTab>', () => {
  it('offers "Book appointment" for an active patient', () => {
    const wrapper = tab('active')
    expect(labels(wrapper)).toContain(t('agenda.patientTab.book'))
    expect(wrapper.find('[data-testid="agenda-patient-archived"]').exists()).toBe(false)
  })

  it('hides "Book appointment" for an archived patient and says why', () => {
    const wrapper = tab('archived')
    expect(labels(wrapper)).not.toContain(t('agenda.patientTab.book'))
    expect(wrapper.get('[data-testid="agenda-patient-archived"]').text()).toBe(t('agenda.patientTab.archived'))
  })

  it('warns when the cabinets could not be loaded, with a Retry', async () => {
    expect(tab('active').find('[role="alert"]').exists()).toBe(false)
    cabinetsError = 'Network error'
    const wrapper = tab('active')
    expect(wrapper.get('[role="alert"]').text()).toContain(t('agenda.cabinets.loadFailed'))
    await wrapper.get('[role="alert"] button').trigger('click')
    expect(refreshCabinets).toHaveBeenCalledTimes(1)
  })
})
