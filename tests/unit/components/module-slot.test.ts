// <ModuleSlot> with the real useModuleSlots registry, ModuleSlotEntry error
// boundary and Pinia auth/modules stores (Nuxt auto-imports shimmed by
// tests/support/nuxt-shims.ts; @nuxt/ui stubbed in tests/support/slot-harness.ts).
import { defineAsyncComponent, defineComponent, h } from 'vue'
import type { Component } from 'vue'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { MockInstance } from 'vitest'
import type { SlotName, SlotPatient } from '#shared/types/slots'
import { activateModules, entry, mountSlot, renderedIds, renderSlot, signIn, vueWarnings } from '../../support/slot-harness'

const WIDGETS = 'dashboard.widgets'
const TABS = 'patient.detail.tabs'

/** The part of a patient the entries here read. */
function patient(lastName: string) {
  return { id: 'p1', clinic_id: 'c1', first_name: 'Ana', last_name: lastName } as SlotPatient
}

/** Entry contents in document order. */
function contents(wrapper: ReturnType<typeof mountSlot>): string[] {
  return wrapper.findAll('[data-entry-content]').map(e => e.attributes('data-entry-content')!)
}

/** A promise with its resolve function, for async entries whose loading the test controls. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

let consoleError: MockInstance<typeof console.error>

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  consoleError.mockRestore()
  // A missing component, a wrong prop or an unhandled error shows up as a Vue warning.
  expect(vueWarnings.splice(0)).toEqual([])
})

describe('slot names', () => {
  it('are the core\'s plus the ones modules declare (checked by the typecheck)', () => {
    expectTypeOf<'dashboard.widgets'>().toExtend<SlotName>()
    // Declared by layers/patients/models.ts through `ModuleSlots`.
    expectTypeOf<'patient.archive.warnings'>().toExtend<SlotName>()
    expectTypeOf<'nobody.uses.this'>().not.toExtend<SlotName>()
  })
})

describe('<ModuleSlot> order', () => {
  it('renders entries by ascending order, ties in registration order, no order as 0', () => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'late', component: entry('late'), order: 20 })
    slots.register(WIDGETS, { id: 'tie-1', component: entry('tie-1'), order: 10 })
    slots.register(WIDGETS, { id: 'default', component: entry('default') })
    slots.register(WIDGETS, { id: 'tie-2', component: entry('tie-2'), order: 10 })
    slots.register(WIDGETS, { id: 'first', component: entry('first'), order: -5 })
    slots.register(WIDGETS, { id: 'tie-3', component: entry('tie-3'), order: 10 })

    const wrapper = mountSlot(WIDGETS)

    const expected = ['first', 'default', 'tie-1', 'tie-2', 'tie-3', 'late']
    expect(renderedIds(wrapper)).toEqual(expected)
    expect(contents(wrapper)).toEqual(expected)
  })

  it('renders only the entries of its own slot', () => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'widget', component: entry('widget') })
    slots.register('settings.sections', { id: 'section', component: entry('section') })

    expect(renderedIds(mountSlot(WIDGETS))).toEqual(['widget'])
    expect(renderedIds(mountSlot('settings.sections'))).toEqual(['section'])
    expect(renderedIds(mountSlot('nobody.uses.this' as SlotName))).toEqual([])
  })

  it('places an entry registered after mounting by its order', async () => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'a', component: entry('a'), order: 1 })
    slots.register(WIDGETS, { id: 'c', component: entry('c'), order: 3 })
    const wrapper = mountSlot(WIDGETS)

    slots.register(WIDGETS, { id: 'b', component: entry('b'), order: 2 })
    await flushPromises()

    expect(renderedIds(wrapper)).toEqual(['a', 'b', 'c'])
  })
})

describe('<ModuleSlot> replace by id', () => {
  it('keeps one entry per id: the last registration wins, with its component and order', () => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'a', component: entry('a-v1'), order: 1 })
    slots.register(WIDGETS, { id: 'b', component: entry('b'), order: 2 })
    slots.register(WIDGETS, { id: 'a', component: entry('a-v2'), order: 3 })

    const wrapper = mountSlot(WIDGETS)

    expect(renderedIds(wrapper)).toEqual(['b', 'a'])
    expect(contents(wrapper)).toEqual(['b', 'a-v2'])
  })

  it('keeps the replaced entry in its registration place among ties', () => {
    const slots = useModuleSlots()
    for (const id of ['a', 'b', 'c']) slots.register(WIDGETS, { id, component: entry(id) })
    slots.register(WIDGETS, { id: 'a', component: entry('a-v2') })

    expect(contents(mountSlot(WIDGETS))).toEqual(['a-v2', 'b', 'c'])
  })

  it('swaps the component of a mounted slot (HMR) and removes an unregistered entry', async () => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'a', component: entry('a-v1') })
    slots.register(WIDGETS, { id: 'b', component: entry('b') })
    const wrapper = mountSlot(WIDGETS)
    expect(contents(wrapper)).toEqual(['a-v1', 'b'])

    slots.register(WIDGETS, { id: 'a', component: entry('a-v2') })
    await flushPromises()
    expect(contents(wrapper)).toEqual(['a-v2', 'b'])

    slots.unregister(WIDGETS, 'a')
    await flushPromises()
    expect(renderedIds(wrapper)).toEqual(['b'])
  })
})

describe('<ModuleSlot> permission', () => {
  beforeEach(() => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'public', component: entry('public'), order: 1 })
    slots.register(WIDGETS, { id: 'invoices', component: entry('invoices'), order: 2, permission: 'billing.invoices.read' })
  })

  it('hides an entry from a signed-out user', () => {
    expect(renderedIds(mountSlot(WIDGETS))).toEqual(['public'])
  })

  it.each([
    [['billing.invoices.read'], true],
    [['billing.*'], true],
    [['*'], true],
    [['billing.invoices.write', 'patients.*'], false],
    [['billing.invoices'], false],
    [[], false],
  ])('with grants %j shows the permission-gated entry: %s', (grants, shown) => {
    signIn(grants)
    expect(renderedIds(mountSlot(WIDGETS))).toEqual(shown ? ['public', 'invoices'] : ['public'])
  })

  it('follows the signed-in user (sign-in, clinic switch to fewer permissions)', async () => {
    const wrapper = mountSlot(WIDGETS)
    expect(renderedIds(wrapper)).toEqual(['public'])

    signIn(['billing.*'])
    await flushPromises()
    expect(renderedIds(wrapper)).toEqual(['public', 'invoices'])

    signIn(['patients.read'])
    await flushPromises()
    expect(renderedIds(wrapper)).toEqual(['public'])
  })
})

describe('<ModuleSlot> condition', () => {
  it('asks each condition with the slot ctx and follows ctx changes', async () => {
    const condition = vi.fn((ctx: { patient: { last_name: string } }) => ctx.patient.last_name === 'Lopez')
    const slots = useModuleSlots()
    slots.register(TABS, { id: 'always', component: entry('always'), order: 1 })
    slots.register(TABS, { id: 'lopez-only', component: entry('lopez-only'), order: 2, condition })

    const wrapper = mountSlot(TABS, { patient: patient('Lopez') })
    expect(renderedIds(wrapper)).toEqual(['always', 'lopez-only'])
    expect(condition).toHaveBeenLastCalledWith(expect.objectContaining({ patient: expect.objectContaining({ last_name: 'Lopez' }) }))

    await wrapper.setProps({ ctx: { patient: patient('Garcia') } })
    expect(renderedIds(wrapper)).toEqual(['always'])
    expect(condition).toHaveBeenLastCalledWith(expect.objectContaining({ patient: expect.objectContaining({ last_name: 'Garcia' }) }))
  })

  it('passes the ctx to the entry component as a prop', () => {
    const PatientName = defineComponent({
      props: { ctx: { type: Object, required: true } },
      setup: props => () => h('p', { 'data-entry-content': 'name' }, (props.ctx as { patient: { last_name: string } }).patient.last_name),
    })
    useModuleSlots().register(TABS, { id: 'name', component: PatientName })

    expect(mountSlot(TABS, { patient: patient('Lopez') }).get('[data-entry-content="name"]').text()).toBe('Lopez')
  })

  it('hides an entry whose condition throws, logs it, and keeps the others', () => {
    const slots = useModuleSlots()
    slots.register(TABS, { id: 'fine', component: entry('fine') })
    slots.register(TABS, {
      id: 'broken-condition',
      component: entry('broken-condition'),
      condition: () => {
        throw new Error('no patient field')
      },
    })

    expect(renderedIds(mountSlot(TABS, { patient: patient('Lopez') }))).toEqual(['fine'])
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('"broken-condition"'), expect.any(Error))
  })
})

describe('<ModuleSlot> module ownership', () => {
  it('hides the entries of a module while it is inactive, and shows them once it is active', async () => {
    useModuleSlots().register(WIDGETS, { id: 'core', component: entry('core'), order: 1 })
    useModuleSlots('billing').register(WIDGETS, { id: 'revenue', component: entry('revenue'), order: 2 })
    const wrapper = mountSlot(WIDGETS)
    expect(renderedIds(wrapper)).toEqual(['core'])

    activateModules('agenda')
    await flushPromises()
    expect(renderedIds(wrapper)).toEqual(['core'])

    activateModules('agenda', 'billing')
    await flushPromises()
    expect(renderedIds(wrapper)).toEqual(['core', 'revenue'])

    // Uninstalled, or signed out (the store is reset).
    useModulesStore().reset()
    await flushPromises()
    expect(renderedIds(wrapper)).toEqual(['core'])
  })

  it('uses the entry\'s own module over the registering one', () => {
    useModuleSlots('dashboard_extras').register(WIDGETS, { id: 'next-visits', component: entry('next-visits'), module: 'agenda' })

    activateModules('dashboard_extras')
    expect(renderedIds(mountSlot(WIDGETS))).toEqual([])

    activateModules('agenda')
    expect(renderedIds(mountSlot(WIDGETS))).toEqual(['next-visits'])
  })

  it('needs the module, the permission and the condition all at once', async () => {
    useModuleSlots('billing').register(TABS, {
      id: 'balance',
      component: entry('balance'),
      permission: 'billing.read',
      condition: ctx => ctx.patient.last_name !== 'Archived',
    })
    const wrapper = mountSlot(TABS, { patient: patient('Lopez') })

    signIn(['billing.read'])
    await flushPromises()
    expect(renderedIds(wrapper)).toEqual([])

    activateModules('billing')
    await flushPromises()
    expect(renderedIds(wrapper)).toEqual(['balance'])

    await wrapper.setProps({ ctx: { patient: patient('Archived') } })
    expect(renderedIds(wrapper)).toEqual([])
  })
})

describe('<ModuleSlot> error boundary', () => {
  const ThrowsInSetup = defineComponent({
    setup() {
      throw new Error('setup exploded')
    },
  })
  const ThrowsInRender = defineComponent({
    setup: () => () => {
      throw new Error('render exploded')
    },
  })

  it('shows an inline error for a throwing entry while its siblings still render', async () => {
    const errorHandler = vi.fn()
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'before', component: entry('before'), order: 1 })
    slots.register(WIDGETS, { id: 'bad-setup', component: ThrowsInSetup, order: 2 })
    slots.register(WIDGETS, { id: 'middle', component: entry('middle'), order: 3 })
    slots.register(WIDGETS, { id: 'bad-render', component: ThrowsInRender, order: 4 })
    slots.register(WIDGETS, { id: 'after', component: entry('after'), order: 5 })

    const wrapper = mountSlot(WIDGETS, {}, undefined, { errorHandler })
    await flushPromises()

    expect(renderedIds(wrapper)).toEqual(['before', 'bad-setup', 'middle', 'bad-render', 'after'])
    expect(contents(wrapper)).toEqual(['before', 'middle', 'after'])
    for (const id of ['bad-setup', 'bad-render']) {
      const alert = wrapper.get(`[data-slot-entry="${id}"] [data-slot-error="${id}"]`)
      expect(alert.text()).toBe('slots.entryFailed')
    }
    expect(wrapper.findAll('[data-slot-error]')).toHaveLength(2)
    // Logged with the entry id, and stopped at the boundary (never reaches the app's handler).
    expect(consoleError).toHaveBeenCalledWith('[slots] entry "bad-setup" failed', expect.objectContaining({ message: 'setup exploded' }))
    expect(consoleError).toHaveBeenCalledWith('[slots] entry "bad-render" failed', expect.objectContaining({ message: 'render exploded' }))
    expect(errorHandler).not.toHaveBeenCalled()
    // Vue's own dev warning for a component whose setup threw (it is left without a render function).
    expect(vueWarnings.splice(0)).toEqual([expect.stringContaining('is missing template or render function')])
  })

  it('catches an entry that starts failing on an update', async () => {
    const FailsOnArchived = defineComponent({
      props: { ctx: { type: Object, required: true } },
      setup: props => () => {
        const { last_name } = (props.ctx as { patient: { last_name: string } }).patient
        if (last_name === 'Archived') throw new Error('archived patient')
        return h('p', { 'data-entry-content': 'fragile' }, last_name)
      },
    })
    const slots = useModuleSlots()
    slots.register(TABS, { id: 'fragile', component: FailsOnArchived, order: 1 })
    slots.register(TABS, { id: 'sturdy', component: entry('sturdy'), order: 2 })
    const wrapper = mountSlot(TABS, { patient: patient('Lopez') })
    expect(wrapper.find('[data-slot-error]').exists()).toBe(false)

    await wrapper.setProps({ ctx: { patient: patient('Archived') } })
    await flushPromises()

    expect(wrapper.find('[data-slot-error="fragile"]').exists()).toBe(true)
    expect(contents(wrapper)).toEqual(['sturdy'])
  })
})

describe('<ModuleSlot> slots and exposed state', () => {
  it('renders the #empty slot and exposes hasEntries = false when nothing is visible', async () => {
    useModuleSlots('billing').register(WIDGETS, { id: 'revenue', component: entry('revenue') })
    const wrapper = mountSlot(WIDGETS, {}, { empty: () => h('p', { 'data-test': 'empty' }, 'No widgets') })

    expect(wrapper.find('[data-test="empty"]').exists()).toBe(true)
    expect(renderedIds(wrapper)).toEqual([])
    expect((wrapper.vm as unknown as { hasEntries: boolean }).hasEntries).toBe(false)

    activateModules('billing')
    await flushPromises()
    expect(wrapper.find('[data-test="empty"]').exists()).toBe(false)
    expect(renderedIds(wrapper)).toEqual(['revenue'])
    expect((wrapper.vm as unknown as { hasEntries: boolean }).hasEntries).toBe(true)
  })

  it('lays the entries out in one element carrying the host\'s class and attributes', () => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'b', component: entry('b'), order: 2 })
    slots.register(WIDGETS, { id: 'a', component: entry('a'), order: 1 })

    const wrapper = mountSlot(WIDGETS, {}, undefined, undefined, { 'class': 'grid gap-4', 'data-testid': 'widgets' })

    const layout = wrapper.find('[data-testid="widgets"]')
    expect(layout.classes()).toEqual(['grid', 'gap-4'])
    expect(layout.findAll(':scope > [data-slot-entry]').map(e => e.attributes('data-slot-entry'))).toEqual(['a', 'b'])
  })

  it('hands the visible entries, in order, to the default scoped slot', () => {
    const slots = useModuleSlots()
    slots.register(TABS, { id: 'notes', component: entry('notes'), order: 2, label: 'notes.tab' })
    slots.register(TABS, { id: 'hidden', component: entry('hidden'), order: 1, permission: 'secret.read' })
    slots.register(TABS, { id: 'history', component: entry('history'), order: 1, label: 'history.tab' })

    const wrapper = mountSlot(TABS, { patient: patient('Lopez') }, {
      default: ({ entries }: { entries: { id: string, label?: string }[] }) =>
        h('ul', entries.map(e => h('li', { 'data-tab': e.id }, e.label))),
    })

    expect(wrapper.findAll('[data-tab]').map(li => [li.attributes('data-tab'), li.text()])).toEqual([
      ['history', 'history.tab'],
      ['notes', 'notes.tab'],
    ])
    // The host lays the entries out itself: nothing is rendered for them.
    expect(renderedIds(wrapper)).toEqual([])
  })
})

describe('<ModuleSlot> async entries', () => {
  it('shows a skeleton while an async entry loads, then the entry', async () => {
    const load = deferred<Component>()
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'sync', component: entry('sync'), order: 1 })
    slots.register(WIDGETS, { id: 'lazy', component: defineAsyncComponent(() => load.promise), order: 2 })

    const wrapper = mountSlot(WIDGETS)
    await flushPromises()
    expect(wrapper.find('[data-slot-entry="lazy"] [data-slot-loading]').exists()).toBe(true)
    expect(contents(wrapper)).toEqual(['sync'])

    load.resolve(entry('lazy'))
    await flushPromises()
    expect(wrapper.find('[data-slot-loading]').exists()).toBe(false)
    expect(contents(wrapper)).toEqual(['sync', 'lazy'])
  })

  it('preload() loads every async entry, so they render at once', async () => {
    const loaders = [vi.fn(async () => entry('lazy-a')), vi.fn(async () => entry('lazy-b'))]
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'lazy-a', component: defineAsyncComponent(loaders[0]!) })
    slots.register('settings.sections', { id: 'lazy-b', component: defineAsyncComponent(loaders[1]!) })
    slots.register(WIDGETS, { id: 'sync', component: entry('sync') })

    await slots.preload()
    expect(loaders[0]).toHaveBeenCalledTimes(1)
    expect(loaders[1]).toHaveBeenCalledTimes(1)

    const wrapper = mountSlot(WIDGETS)
    expect(wrapper.find('[data-slot-loading]').exists()).toBe(false)
    expect(contents(wrapper)).toEqual(['lazy-a', 'sync'])
  })

  it('preload() survives an entry that fails to load', async () => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'broken', component: defineAsyncComponent(() => Promise.reject(new Error('chunk missing'))) })
    slots.register(WIDGETS, { id: 'lazy', component: defineAsyncComponent(async () => entry('lazy')) })

    await expect(slots.preload()).resolves.toBeUndefined()
    expect(consoleError).toHaveBeenCalledWith('[slots] an entry failed to load', expect.objectContaining({ message: 'chunk missing' }))
  })
})

describe('<ModuleSlot> server rendering', () => {
  it('renders the visible entries\' HTML in order', async () => {
    useModuleSlots().register(WIDGETS, { id: 'second', component: entry('second'), order: 2 })
    useModuleSlots().register(WIDGETS, { id: 'first', component: entry('first'), order: 1 })
    useModuleSlots().register(WIDGETS, { id: 'gated', component: entry('gated'), permission: 'billing.read' })
    useModuleSlots('billing').register(WIDGETS, { id: 'inactive', component: entry('inactive') })

    const html = await renderSlot(WIDGETS)

    expect(html).toContain('<div data-slot-entry="first"><p data-entry-content="first">first</p></div>')
    expect(html).toContain('<div data-slot-entry="second"><p data-entry-content="second">second</p></div>')
    expect([...html.matchAll(/data-slot-entry="([^"]+)"/g)].map(m => m[1])).toEqual(['first', 'second'])
    expect(html).not.toContain('gated')
    expect(html).not.toContain('inactive')
  })

  it('keeps rendering the siblings of an entry that throws on the server', async () => {
    const slots = useModuleSlots()
    slots.register(WIDGETS, { id: 'before', component: entry('before'), order: 1 })
    slots.register(WIDGETS, {
      id: 'bad',
      order: 2,
      component: defineComponent({
        setup() {
          throw new Error('server exploded')
        },
      }),
    })
    slots.register(WIDGETS, { id: 'after', component: entry('after'), order: 3 })

    const html = await renderSlot(WIDGETS)

    expect(html).toContain('<p data-entry-content="before">before</p>')
    expect(html).toContain('<p data-entry-content="after">after</p>')
    expect(consoleError).toHaveBeenCalledWith('[slots] entry "bad" failed', expect.objectContaining({ message: 'server exploded' }))
    // Vue's own dev warning for a component whose setup threw.
    expect(vueWarnings.splice(0)).toEqual([expect.stringContaining('is missing template or render function')])
  })

  it('renders an async entry\'s content on the server, not its skeleton', async () => {
    useModuleSlots().register(WIDGETS, { id: 'lazy', component: defineAsyncComponent(async () => entry('lazy')) })

    const html = await renderSlot(WIDGETS)

    expect(html).toContain('<div data-slot-entry="lazy"><p data-entry-content="lazy">lazy</p></div>')
    expect(html).not.toContain('data-slot-loading')
  })
})
