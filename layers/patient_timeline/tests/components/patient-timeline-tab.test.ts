// The Timeline tab's four states (loading, empty, error with retry, data),
// its grouping, the category filter and the infinite scroll that loads every
// page: the real component and composable over a stubbed $fetch (Nuxt
// auto-imports shimmed by tests/support/nuxt-shims.ts, @nuxt/ui stubbed here).
import { defineComponent, h } from 'vue'
import type { PropType } from 'vue'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Mock } from 'vitest'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createI18n } from 'vue-i18n'
import { useApiError } from '~/composables/useApiError'
import { loadLocale } from '~~/tests/unit/support/locales'
import PatientTimelineTab from '../../components/patient_timeline/PatientTimelineTab.vue'
import type { PatientTimeline } from '../../models'

enableAutoUnmount(afterEach)

const UButton = defineComponent({
  name: 'UButton',
  inheritAttrs: false,
  props: { label: { type: String, default: '' }, disabled: Boolean, loading: Boolean },
  emits: ['click'],
  setup: (props, { attrs, emit }) => () => h('button', {
    'type': 'button',
    'disabled': props.disabled || props.loading,
    'aria-pressed': attrs['aria-pressed'] === undefined ? undefined : String(attrs['aria-pressed']),
    'data-category': attrs['data-category'],
    'onClick': () => emit('click'),
  }, props.label),
})
const UAlert = defineComponent({
  name: 'UAlert',
  props: { title: { type: String, default: '' }, description: { type: String, default: '' }, actions: { type: Array as PropType<{ label: string, onClick: () => void }[]>, default: () => [] } },
  setup: props => () => h('div', { role: 'alert' }, [
    h('p', props.title),
    h('p', props.description),
    ...props.actions.map(a => h('button', { type: 'button', onClick: a.onClick }, a.label)),
  ]),
})
const USkeleton = defineComponent({ name: 'USkeleton', setup: () => () => h('div', { 'data-skeleton': '' }) })
const UIcon = defineComponent({ name: 'UIcon', props: { name: { type: String, default: '' } }, setup: props => () => h('i', { 'data-icon': props.name }) })

const PATIENT = { id: '11111111-1111-4111-8111-111111111111', clinic_id: 'c1', first_name: 'Ana', last_name: 'García' }

let nextId = 0
function entry(occurredAt: string, category: PatientTimeline['category'] = 'visit', title = `Entry ${nextId}`): PatientTimeline {
  nextId += 1
  return {
    id: `e-${nextId}`, clinic_id: 'c1', patient_id: PATIENT.id, event_type: 'appointment.completed', category, title,
    description: null, data: {}, occurred_at: occurredAt, source_type: null, source_id: null, created_at: occurredAt,
  }
}
function page(data: PatientTimeline[], total: number, pageNo = 1) {
  return { data, message: null, total, page: pageNo, page_size: 50 }
}

/** A promise whose settling the test decides. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A stand-in IntersectionObserver the test drives. */
class FakeObserver {
  static instances: FakeObserver[] = []
  targets: Element[] = []
  constructor(readonly callback: IntersectionObserverCallback) {
    FakeObserver.instances.push(this)
  }

  observe(el: Element) {
    this.targets.push(el)
  }

  unobserve(el: Element) {
    this.targets = this.targets.filter(t => t !== el)
  }

  disconnect() {
    this.targets = []
  }

  /** Reports every observed element as in view (or not). */
  show(visible: boolean) {
    this.callback(this.targets.map(target => ({ target, isIntersecting: visible }) as IntersectionObserverEntry), this as unknown as IntersectionObserver)
  }
}

const globals = globalThis as Record<string, unknown>
let fetchMock: Mock
const saved = { $fetch: globals.$fetch, IntersectionObserver: globals.IntersectionObserver }
const savedI18n = globals.useI18n

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-12-04T10:00:00Z'))
  fetchMock = vi.fn()
  FakeObserver.instances = []
  Object.assign(globals, { $fetch: fetchMock, IntersectionObserver: FakeObserver, useApiError })
})

/** Vue warnings (a missing component, a wrong prop...): none expected. */
const warnings: string[] = []

afterEach(() => {
  vi.useRealTimers()
  Object.assign(globals, saved)
  expect(warnings.splice(0)).toEqual([])
})

function mountTab() {
  return mount(PatientTimelineTab, {
    props: { ctx: { patient: PATIENT } as never },
    global: { stubs: { UButton, UAlert, USkeleton, UIcon }, config: { warnHandler: (message: string) => void warnings.push(message) } },
  })
}

const state = (w: ReturnType<typeof mountTab>) => w.find('[data-state]').attributes('data-state')
const titles = (w: ReturnType<typeof mountTab>) => w.findAll('[data-testid="patient-timeline-entry"] p.font-medium').map(p => p.text().replace(/^patient_timeline\.categories\.\w+: /, ''))
const requestedPages = () => fetchMock.mock.calls.map(([, options]) => (options as { query: { page: number } }).query.page)

describe('<PatientTimelineTab> states', () => {
  it('shows a skeleton while the first page loads', async () => {
    const pending = deferred<unknown>()
    fetchMock.mockReturnValue(pending.promise)
    const w = mountTab()
    await flushPromises()
    expect(state(w)).toBe('loading')
    expect(w.find('[data-state="loading"]').attributes('aria-busy')).toBe('true')
    expect(w.findAll('[data-skeleton]').length).toBeGreaterThan(0)
    expect(fetchMock).toHaveBeenCalledWith(`/api/v1/patient_timeline/patients/${PATIENT.id}`, { query: { page: 1, page_size: 50, category: undefined } })
    pending.resolve(page([], 0))
    await flushPromises()
    expect(state(w)).toBe('empty')
  })

  it('shows the empty state when the patient has no history', async () => {
    fetchMock.mockResolvedValue(page([], 0))
    const w = mountTab()
    await flushPromises()
    expect(state(w)).toBe('empty')
    expect(w.text()).toContain('patient_timeline.empty.title')
    expect(w.find('[role="alert"]').exists()).toBe(false)
  })

  it('shows an error with a retry that loads again, never an empty list', async () => {
    fetchMock.mockRejectedValueOnce({ statusCode: 500, data: { data: null, message: 'Internal server error', errors: [] } })
    const w = mountTab()
    await flushPromises()
    expect(state(w)).toBe('error')
    expect(w.get('[role="alert"]').text()).toContain('patient_timeline.loadFailed')
    expect(w.text()).not.toContain('patient_timeline.empty.title')

    fetchMock.mockResolvedValueOnce(page([entry('2025-12-04T09:00:00Z', 'visit', 'Appointment completed')], 1))
    await w.get('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(state(w)).toBe('data')
    expect(titles(w)).toEqual(['Appointment completed'])
  })

  it('words the server\'s error code in the user\'s language (Spanish)', async () => {
    const messages = (code: 'en' | 'es') => ({ ...loadLocale(code), ...JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), `../../i18n/locales/${code}.json`), 'utf8')) })
    const i18n = createI18n({ legacy: false, locale: 'es', fallbackLocale: 'en', missingWarn: false, fallbackWarn: false, messages: { en: messages('en'), es: messages('es') } })
    globals.useI18n = () => i18n.global
    try {
      fetchMock.mockRejectedValueOnce({ statusCode: 404, data: { data: null, message: 'Patient not found', errors: [{ code: 'patient_timeline.patient_not_found', message: 'Patient not found' }] } })
      const w = mountTab()
      await flushPromises()
      expect(state(w)).toBe('error')
      expect(w.get('[role="alert"]').text()).toContain('Este paciente ya no existe.')
      expect(w.get('[role="alert"]').text()).not.toContain('Patient not found')
    }
    finally {
      globals.useI18n = savedI18n
    }
  })

  it('shows the entries grouped Today / This week / Earlier with their category', async () => {
    fetchMock.mockResolvedValue(page([
      entry('2025-12-04T09:00:00Z', 'visit', 'Visit today'),
      entry('2025-12-02T09:00:00Z', 'financial', 'Paid this week'),
      entry('2025-10-02T09:00:00Z', 'medical', 'Allergy noted'),
    ], 3))
    const w = mountTab()
    await flushPromises()
    expect(state(w)).toBe('data')
    expect(w.findAll('[data-group]').map(g => [g.attributes('data-group'), g.find('h3').text()])).toEqual([
      ['today', 'patient_timeline.groups.today'],
      ['week', 'patient_timeline.groups.week'],
      ['earlier', 'patient_timeline.groups.earlier'],
    ])
    expect(titles(w)).toEqual(['Visit today', 'Paid this week', 'Allergy noted'])
    expect(w.findAll('[data-testid="patient-timeline-entry"]').map(e => e.attributes('data-category'))).toEqual(['visit', 'financial', 'medical'])
    expect(w.findAll('[data-testid="patient-timeline-entry"] [data-icon]').map(i => i.attributes('data-icon')))
      .toEqual(['i-lucide-calendar-check', 'i-lucide-receipt', 'i-lucide-heart-pulse'])
    const time = w.get('[data-testid="patient-timeline-entry"] time')
    expect(time.attributes('datetime')).toBe('2025-12-04T09:00:00Z')
    expect(time.text()).toContain('1 hour ago')
    // Everything is loaded: no button, the end says so.
    expect(w.find('[data-testid="patient-timeline-end"]').exists()).toBe(true)
  })
})

describe('<PatientTimelineTab> loading every page', () => {
  // 120 entries, one per hour back from now: three pages of 50, 50 and 20.
  const all = Array.from({ length: 120 }, (_, i) => entry(new Date(Date.parse('2025-12-04T09:00:00Z') - i * 3_600_000).toISOString()))
  const serve = () => fetchMock.mockImplementation((_url: string, { query }: { query: { page: number, page_size: number } }) =>
    Promise.resolve(page(all.slice((query.page - 1) * query.page_size, query.page * query.page_size), all.length, query.page)))

  it('loads the next pages while the end of the list is in view, and stops at the total', async () => {
    serve()
    const w = mountTab()
    await flushPromises()
    expect(w.findAll('[data-testid="patient-timeline-entry"]')).toHaveLength(50)
    const observer = FakeObserver.instances[0]!
    expect(observer.targets).toHaveLength(1)
    observer.show(true)
    await flushPromises()
    await flushPromises()
    // Still in view after page 2 arrived: page 3 follows without another scroll event.
    expect(w.findAll('[data-testid="patient-timeline-entry"]')).toHaveLength(120)
    expect(requestedPages()).toEqual([1, 2, 3])
    expect(w.find('[data-testid="patient-timeline-end"]').exists()).toBe(true)
    observer.show(true)
    await flushPromises()
    expect(requestedPages()).toEqual([1, 2, 3])
  })

  it('has a "Load more" button that does the same without scrolling', async () => {
    serve()
    const w = mountTab()
    await flushPromises()
    const more = () => w.findAll('[data-testid="patient-timeline-more"] button').find(b => b.text() === 'patient_timeline.loadMore')
    await more()!.trigger('click')
    await flushPromises()
    expect(w.findAll('[data-testid="patient-timeline-entry"]')).toHaveLength(100)
    await more()!.trigger('click')
    await flushPromises()
    expect(w.findAll('[data-testid="patient-timeline-entry"]')).toHaveLength(120)
    expect(more()).toBeUndefined()
    expect(requestedPages()).toEqual([1, 2, 3])
  })

  it('shows a failed page inline with a retry and keeps what it has', async () => {
    serve()
    const w = mountTab()
    await flushPromises()
    fetchMock.mockRejectedValueOnce({ statusCode: undefined })
    FakeObserver.instances[0]!.show(true)
    await flushPromises()
    expect(w.findAll('[data-testid="patient-timeline-entry"]')).toHaveLength(50)
    expect(w.get('[data-testid="patient-timeline-more"] [role="alert"]').text()).toContain('patient_timeline.moreFailed')
    await w.findAll('[data-testid="patient-timeline-more"] button').find(b => b.text() === 'patient_timeline.retry')!.trigger('click')
    await flushPromises()
    await flushPromises()
    expect(w.findAll('[data-testid="patient-timeline-entry"]')).toHaveLength(120)
  })
})

describe('<PatientTimelineTab> category filter', () => {
  it('asks the server for the chosen categories and starts again from page one', async () => {
    fetchMock.mockResolvedValue(page([entry('2025-12-04T09:00:00Z', 'visit')], 1))
    const w = mountTab()
    await flushPromises()
    const chip = (category: string) => w.get(`[data-testid="patient-timeline-filter"] [data-category="${category}"]`)
    await chip('visit').trigger('click')
    await flushPromises()
    await chip('financial').trigger('click')
    await flushPromises()
    expect(chip('visit').attributes('aria-pressed')).toBe('true')
    expect(chip('note').attributes('aria-pressed')).toBe('false')
    const queries = fetchMock.mock.calls.map(([, options]) => (options as { query: unknown }).query)
    expect(queries).toEqual([
      { page: 1, page_size: 50, category: undefined },
      { page: 1, page_size: 50, category: ['visit'] },
      { page: 1, page_size: 50, category: ['visit', 'financial'] },
    ])
  })

  it('offers to clear the filter when nothing matches it', async () => {
    fetchMock.mockResolvedValueOnce(page([entry('2025-12-04T09:00:00Z')], 1)).mockResolvedValue(page([], 0))
    const w = mountTab()
    await flushPromises()
    await w.get('[data-testid="patient-timeline-filter"] [data-category="document"]').trigger('click')
    await flushPromises()
    expect(state(w)).toBe('empty')
    expect(w.text()).toContain('patient_timeline.emptyFiltered.title')
    await w.findAll('[data-state="empty"] button').find(b => b.text() === 'patient_timeline.emptyFiltered.clear')!.trigger('click')
    await flushPromises()
    expect((fetchMock.mock.calls.at(-1)![1] as { query: { category: unknown } }).query.category).toBeUndefined()
  })
})
