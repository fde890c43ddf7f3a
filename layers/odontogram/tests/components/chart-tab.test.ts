// <OdontogramChartTab>: who may chart sees the bar (conditions only for a
// clinic's assistants, treatments and perform/cancel for dentists and
// hygienists), readers see the chart and entries without any of it, and a
// click with a tool in hand charts on the server. The data composables are
// stood in for (no network); the editor, words and access are real.
import { flushPromises, mount } from '@vue/test-utils'
import { computed, ref, shallowRef } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SlotPatient } from '#dentalpin/client'
import OdontogramChartTab from '../../components/odontogram/OdontogramChartTab.vue'
import type { ChartPlanningTarget } from '../../lib/chart-planning'
import type { OdontogramChart } from '../../models'
import { STUBS, chart, entry, useLocale, vueWarnings, warnHandler } from './harness'

const data = shallowRef<OdontogramChart | null>(null)
const create = vi.fn()
const perform = vi.fn()
const plan = vi.fn()
vi.mock('../../composables/useOdontogramChart', () => ({
  odontogramChartKey: (p: string, at: string | null) => `${p}:${at}`,
  useOdontogramChart: () => ({ chart: data, loading: computed(() => !data.value), replaying: ref(false), loadError: ref(null), refresh: vi.fn() }),
}))
vi.mock('../../composables/useOdontogramChangeDates', () => ({ useOdontogramChangeDates: () => ({ dates: ref([]), refresh: vi.fn() }) }))
vi.mock('../../composables/useOdontogramEntries', () => ({
  useOdontogramEntries: () => ({ create, plan, perform, cancel: vi.fn(), isBusy: () => false, busy: ref([]) }),
}))
vi.mock('../../composables/useOdontogramTreatments', () => ({
  useOdontogramTreatments: () => ({
    groups: computed(() => [{
      category: { id: 'c-res', key: 'restorative', names: { en: 'Restorative', es: 'Restauradora' } },
      items: [{ id: 'i-comp', code: 'RES-COMP', names: { en: 'Composite filling' }, clinical_type: 'filling', scope: 'tooth', requires_surfaces: true, category_id: 'c-res', is_active: true }],
    }]),
    loading: ref(false),
    loadError: ref(null),
    refresh: vi.fn(),
    nameOf: (n: { en: string, es?: string }) => n.en,
  }),
}))

const globals = globalThis as Record<string, unknown>
const saved: Record<string, unknown> = {}
const NAMES = ['useRoute', 'useRouter', 'useToast'] as const

function signIn(permissions: string[], settings: Record<string, unknown> = {}) {
  const auth = (globals.useAuthStore as () => { me: unknown })()
  auth.me = { permissions, current_clinic: { timezone: 'Europe/Madrid', currency: 'EUR', settings }, current_clinic_id: 'c1' }
}

beforeEach(() => {
  for (const name of NAMES) saved[name] = globals[name]
  useLocale('en')
  data.value = chart([
    entry({ id: 'car', clinical_type: 'caries' }),
    entry({ id: 'fil', kind: 'treatment', clinical_type: 'filling', status: 'planned', catalog_item: { id: 'i-comp', code: 'RES-COMP', names: { en: 'Composite filling' } }, allowed_transitions: ['performed', 'cancelled'], price: '60.00' }),
  ])
  create.mockReset().mockResolvedValue({ id: 'new' })
  perform.mockReset()
  plan.mockReset().mockResolvedValue({ id: 'item' })
  Object.assign(globals, {
    useRoute: () => ({ query: {} }),
    useRouter: () => ({ replace: vi.fn() }),
    useToast: () => ({ add: vi.fn() }),
  })
})
afterEach(() => {
  Object.assign(globals, saved)
  expect(vueWarnings.splice(0)).toEqual([])
})

const PATIENT = { id: 'p1', first_name: 'Ana', last_name: 'García', full_name: 'Ana García', status: 'active' } as SlotPatient
const mountTab = (planning: ChartPlanningTarget | null = null) => mount(OdontogramChartTab, { props: { ctx: { patient: PATIENT }, planning }, global: { stubs: STUBS, config: { warnHandler } } })
const buttons = (w: ReturnType<typeof mountTab>) => w.findAll('button').map(b => b.text())

describe('<OdontogramChartTab>', () => {
  it('is read-only for those who may only read: no bar, no perform or cancel', async () => {
    signIn(['odontogram.read'])
    const w = mountTab()
    await flushPromises()
    expect(w.find('[data-testid="odontogram-chart"]').exists()).toBe(true)
    expect(w.find('[data-testid="odontogram-toolbar"]').exists()).toBe(false)
    expect(w.findAll('[data-testid="odontogram-entry"]')).toHaveLength(2)
    expect(buttons(w)).not.toContain('Perform')
    expect(buttons(w)).not.toContain('Cancel')
  })

  it('gives an assistant the conditions only where the clinic allows it', async () => {
    signIn(['odontogram.read', 'odontogram.conditions.write'])
    expect(mountTab().find('[data-testid="odontogram-toolbar"]').exists()).toBe(false)
    signIn(['odontogram.read', 'odontogram.conditions.write'], { odontogram: { assistants_record_conditions: true } })
    const w = mountTab()
    await flushPromises()
    expect(buttons(w)).toContain('Caries')
    expect(buttons(w)).not.toContain('Restorative')
    expect(buttons(w)).not.toContain('Perform')
  })

  it('lets a dentist chart caries on 16-O with two clicks, then plan a filling from the treatment bar', async () => {
    signIn(['odontogram.read', 'odontogram.write'])
    const w = mountTab()
    await flushPromises()
    expect(buttons(w)).toContain('Perform')
    await w.findAll('button').find(b => b.text() === 'Caries')!.trigger('click')
    await w.get('[aria-label="Tooth 16, occlusal"]').trigger('click')
    await flushPromises()
    expect(create).toHaveBeenLastCalledWith(
      { kind: 'condition', clinical_type: 'caries', scope: 'tooth', teeth: [{ tooth: 16, surfaces: ['O'] }] },
      'Caries charted on 16 O',
    )
    await w.findAll('button').find(b => b.text() === 'Restorative')!.trigger('click')
    await w.findAll('button').find(b => b.text() === 'Composite filling')!.trigger('click')
    await w.get('[aria-label="Tooth 16, occlusal"]').trigger('click')
    await flushPromises()
    expect(create).toHaveBeenLastCalledWith(
      { kind: 'treatment', clinical_type: 'filling', catalog_item_id: 'i-comp', scope: 'tooth', teeth: [{ tooth: 16, surfaces: ['O'] }] },
      'Composite filling planned on 16 O',
    )
  })

  it('selects a tooth without a tool and offers what other modules add for it', async () => {
    signIn(['odontogram.read'])
    const w = mountTab()
    await flushPromises()
    await w.get('[aria-label="Tooth 26, mesial"]').trigger('click')
    const panel = w.get('[data-testid="odontogram-selection"]')
    expect(panel.text()).toContain('Tooth 26')
    expect(panel.get('[data-slot]').attributes('data-slot')).toBe('odontogram.tooth.actions')
    expect(create).not.toHaveBeenCalled()
  })

  it('says when nothing is charted yet', async () => {
    signIn(['odontogram.read', 'odontogram.write'])
    data.value = chart()
    const w = mountTab()
    await flushPromises()
    expect(w.text()).toContain('Nothing charted yet')
  })

  it('hands planned treatments to a planning target, and charts conditions as usual', async () => {
    signIn(['odontogram.read', 'odontogram.write'])
    const target = { label: 'PLAN-2026-0007', plan: vi.fn() }
    const w = mountTab(target)
    await flushPromises()
    expect(w.get('[data-testid="odontogram-planning-banner"]').text()).toBe('New treatments join PLAN-2026-0007')
    await w.findAll('button').find(b => b.text() === 'Restorative')!.trigger('click')
    await w.findAll('button').find(b => b.text() === 'Composite filling')!.trigger('click')
    await w.get('[aria-label="Tooth 36, occlusal"]').trigger('click')
    await flushPromises()
    expect(plan).toHaveBeenCalledWith(
      target,
      { kind: 'treatment', clinical_type: 'filling', catalog_item_id: 'i-comp', scope: 'tooth', teeth: [{ tooth: 36, surfaces: ['O'] }] },
      'Composite filling planned on 36 O',
    )
    expect(create).not.toHaveBeenCalled()
    await w.findAll('button').find(b => b.text() === 'Conditions')!.trigger('click')
    await w.findAll('button').find(b => b.text() === 'Caries')!.trigger('click')
    await w.get('[aria-label="Tooth 16, occlusal"]').trigger('click')
    await flushPromises()
    expect(create).toHaveBeenCalledTimes(1)
    expect(plan).toHaveBeenCalledTimes(1)
  })

  it('shows no planning banner without a target', async () => {
    signIn(['odontogram.read', 'odontogram.write'])
    const w = mountTab()
    await flushPromises()
    expect(w.find('[data-testid="odontogram-planning-banner"]').exists()).toBe(false)
  })
})
