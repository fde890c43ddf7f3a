// The core UI kit (components/app/): the four states of AppAsyncState, the
// form dialog's submit guard and error handling, the confirmation dialog's
// guard and close rules, the section card's named region. @nuxt/ui stubbed.
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import AppAsyncState from '~/components/app/AppAsyncState.vue'
import AppBackLink from '~/components/app/AppBackLink.vue'
import AppConfirmModal from '~/components/app/AppConfirmModal.vue'
import AppFactList from '~/components/app/AppFactList.vue'
import AppForm from '~/components/app/AppForm.vue'
import AppFormModal from '~/components/app/AppFormModal.vue'
import AppHeading from '~/components/app/AppHeading.vue'
import AppSectionCard from '~/components/app/AppSectionCard.vue'
import AppStatusBadge from '~/components/app/AppStatusBadge.vue'
import { useConfirmation } from '~/composables/useConfirmation'
import { formStubs } from '../support/form-stubs'

const USkeleton = defineComponent({ setup: () => () => h('i', { 'data-skeleton': '' }) })
const UCard = defineComponent({
  props: { as: { type: String, default: 'div' } },
  setup: (props, { slots, attrs }) => () => h(props.as, attrs, [slots.header?.(), slots.default?.()]),
})
// UAlert with its action buttons, so "retry" can be pressed.
const UAlert = defineComponent({
  props: { title: String, description: String, actions: { type: Array, default: () => [] } },
  setup: props => () => h('div', { role: 'alert' }, [props.title, ' ', props.description, ...(props.actions as { label: string, onClick: () => void }[]).map(a => h('button', { onClick: a.onClick }, a.label))]),
})
const stubs = { ...formStubs, USkeleton, UCard, UAlert }

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

describe('AppAsyncState', () => {
  const cases = [
    { name: 'loading', loading: true, loadError: 'ignored while loading', empty: true, state: 'loading' },
    { name: 'error', loading: false, loadError: 'Server down', empty: true, state: 'error' },
    { name: 'empty', loading: false, loadError: null, empty: true, state: 'empty' },
    { name: 'data', loading: false, loadError: null, empty: false, state: 'data' },
  ]
  for (const c of cases) {
    it(`shows exactly one state: ${c.name}`, () => {
      const w = mount(AppAsyncState, {
        props: { source: { loading: c.loading, loadError: c.loadError, refresh: () => {} }, empty: c.empty, loadingLabel: 'Loading things', errorTitle: 'Could not load', emptyText: 'Nothing yet' },
        slots: { default: () => h('p', { 'data-content': '' }, 'The things') },
        global: { stubs },
      })
      const states = w.findAll('[data-state]').map(e => e.attributes('data-state'))
      expect(states).toEqual([c.state])
      expect(w.find('[data-content]').exists()).toBe(c.state === 'data')
    })
  }

  it('names the skeleton, words the failure and loads again on demand', async () => {
    const loading = ref(true)
    const loadError = ref<string | null>(null)
    let refreshed = 0
    const w = mount(AppAsyncState, {
      props: { source: { loading, loadError, refresh: () => refreshed++ }, loadingLabel: 'Loading things', errorTitle: 'Could not load' },
      global: { stubs },
    })
    expect(w.get('[data-state="loading"]').attributes()).toMatchObject({ 'aria-label': 'Loading things', 'aria-busy': 'true' })
    expect(w.findAll('[data-skeleton]')).toHaveLength(3)
    loading.value = false
    loadError.value = 'Server down'
    await nextTick()
    expect(w.get('[role="alert"]').text()).toContain('Could not load Server down')
    await w.get('[role="alert"] button').trigger('click')
    expect(refreshed).toBe(1)
  })
})

describe('AppFormModal', () => {
  function mountForm(submit: () => Promise<{ ok: boolean, error?: { message: string, fieldErrors?: { name: string, message: string }[] } }>) {
    const open = ref(true)
    const state = { name: '' }
    const w = mount(AppFormModal, {
      props: { 'open': open.value, 'onUpdate:open': (v: boolean) => {
        open.value = v
      }, 'title': 'Add a thing', 'form': { state, submit }, 'submitLabel': 'Save' },
      slots: { default: () => h(formStubs.UFormField, { name: 'name', label: 'Name' }, () => h('input')) },
      global: { stubs },
    })
    return { w, open }
  }

  it('submits once while busy, then closes on success', async () => {
    const gate = deferred<{ ok: boolean }>()
    let calls = 0
    const { w, open } = mountForm(() => {
      calls++
      return gate.promise
    })
    await w.get('form').trigger('submit')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(calls).toBe(1)
    expect(w.get('button[type="submit"]').attributes('disabled')).toBeDefined()
    gate.resolve({ ok: true })
    await flushPromises()
    expect(open.value).toBe(false)
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('puts field errors on their fields and other refusals in the alert, and stays open', async () => {
    const answers = [
      { ok: false, error: { message: 'Check the fields', fieldErrors: [{ name: 'name', message: 'Required' }] } },
      { ok: false, error: { message: 'Someone else changed it' } },
    ]
    const { w, open } = mountForm(async () => answers.shift()!)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[data-error="name"]').text()).toBe('Required')
    expect(w.find('[role="alert"]').exists()).toBe(false)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toContain('Someone else changed it')
    expect(open.value).toBe(true)
  })
})

describe('AppConfirmModal', () => {
  function mountConfirm(confirm: () => unknown) {
    const open = ref(true)
    const w = mount(AppConfirmModal, {
      props: { 'open': open.value, 'onUpdate:open': (v: boolean) => {
        open.value = v
      }, 'title': 'Remove?', 'confirmLabel': 'Remove', confirm },
      global: { stubs },
    })
    const confirmButton = () => w.findAll('button').find(b => b.text() === 'Remove')!
    return { w, open, confirmButton }
  }

  it('runs the action once however often it is pressed, and closes when it is done', async () => {
    const gate = deferred<undefined>()
    let calls = 0
    const { open, confirmButton } = mountConfirm(() => {
      calls++
      return gate.promise
    })
    await confirmButton().trigger('click')
    await confirmButton().trigger('click')
    expect(calls).toBe(1)
    expect(open.value).toBe(true)
    gate.resolve(undefined)
    await flushPromises()
    expect(open.value).toBe(false)
  })

  it('stays open when the action answers false', async () => {
    const { open, confirmButton } = mountConfirm(async () => false)
    await confirmButton().trigger('click')
    await flushPromises()
    expect(open.value).toBe(true)
  })
})

describe('AppSectionCard', () => {
  it('is a region named by its heading, with its description and actions', () => {
    const w = mount(AppSectionCard, {
      props: { title: 'Cabinets', description: 'Rooms of the clinic' },
      slots: { actions: () => h('button', 'Add'), default: () => h('p', 'rows') },
      global: { stubs },
    })
    const section = w.get('section')
    const heading = w.get('h2')
    expect(section.attributes('aria-labelledby')).toBe(heading.attributes('id'))
    expect(heading.text()).toBe('Cabinets')
    expect(w.text()).toContain('Rooms of the clinic')
    expect(w.get('button').text()).toBe('Add')
  })
})

describe('AppFactList', () => {
  it('lists label and value pairs, a dash for an empty value, the hint under its value', () => {
    const w = mount(AppFactList, {
      props: {
        title: 'Contact',
        facts: [
          { label: 'Phone', value: '+34 600 000 000', hint: 'Mobile' },
          { label: 'E-mail', value: null },
          { label: 'Source', value: '/modules/x', mono: true },
        ],
      },
    })
    expect(w.get('h3').text()).toBe('Contact')
    expect(w.findAll('dt').map(dt => dt.text())).toEqual(['Phone', 'E-mail', 'Source'])
    expect(w.findAll('dd').map(dd => dd.text())).toEqual(['+34 600 000 000Mobile', '—', '/modules/x'])
    expect(w.findAll('dd').map(dd => dd.classes().includes('font-mono'))).toEqual([false, false, true])
  })

  it('has no heading without a title', () => {
    const w = mount(AppFactList, { props: { facts: [{ label: 'Author', value: 'DentalPin' }] } })
    expect(w.find('h3').exists()).toBe(false)
  })
})

describe('AppStatusBadge', () => {
  const UBadge = defineComponent({
    props: { color: String, variant: String, size: String, icon: String, label: String, ui: Object },
    setup: props => () => h('span', { 'data-badge': props.color, 'data-variant': props.variant, 'data-size': props.size, 'data-icon': props.icon, 'data-spin': props.ui?.leadingIcon }, props.label),
  })
  const badge = (props: Record<string, unknown>) => mount(AppStatusBadge, { props: props as never, global: { stubs: { UBadge } } }).get('span')

  it('shows the status\'s tone (colour and icon) and name, subtle and medium by default', () => {
    const b = badge({ 'tone': { color: 'warning', icon: 'i-lucide-clock' }, 'label': 'To install', 'data-status': 'to_install' })
    expect(b.text()).toBe('To install')
    expect(b.attributes()).toMatchObject({ 'data-badge': 'warning', 'data-variant': 'subtle', 'data-size': 'md', 'data-icon': 'i-lucide-clock', 'data-status': 'to_install' })
    expect(b.attributes('data-spin')).toBeUndefined()
  })

  it('turns the icon of a running status', () => {
    expect(badge({ tone: { color: 'info', icon: 'i-lucide-loader-circle' }, label: 'Running', size: 'sm', spin: true }).attributes()).toMatchObject({ 'data-size': 'sm', 'data-spin': 'animate-spin' })
  })
})

describe('AppForm', () => {
  function mountInline(submit: () => Promise<{ ok: boolean, error?: { message: string, fieldErrors?: { name: string, message: string }[] } }>) {
    return mount(AppForm, {
      props: { form: { state: { name: '' }, submit }, submitLabel: 'Save' },
      slots: { default: () => h(formStubs.UFormField, { name: 'name', label: 'Name' }, () => h('input')) },
      global: { stubs },
    })
  }

  it('shows a refusal under its field and in the alert, and says when it saved', async () => {
    const answers = [
      { ok: false, error: { message: 'Check the fields', fieldErrors: [{ name: 'name', message: 'Taken' }] } },
      { ok: true },
    ]
    const w = mountInline(async () => answers.shift()!)
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[data-error="name"]').text()).toBe('Taken')
    expect(w.get('[role="alert"]').text()).toContain('Check the fields')
    expect(w.emitted('saved')).toBeUndefined()
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.emitted('saved')).toHaveLength(1)
  })

  it('leaves the host to close it on Cancel', async () => {
    const w = mountInline(async () => ({ ok: true }))
    await w.findAll('button').find(b => b.text() === 'app.kit.cancel')!.trigger('click')
    expect(w.emitted('cancel')).toHaveLength(1)
  })
})

describe('AppHeading', () => {
  it('is the screen\'s h1 with its description and main buttons', () => {
    const w = mount(AppHeading, {
      props: { title: 'Patients', description: 'Everyone the clinic treats' },
      slots: { actions: () => h('button', 'New patient'), before: () => h('a', 'Back') },
    })
    expect(w.get('h1').text()).toBe('Patients')
    expect(w.get('p').text()).toBe('Everyone the clinic treats')
    expect(w.get('button').text()).toBe('New patient')
    expect(w.get('a').text()).toBe('Back')
  })

  it('has no description line or button row without them', () => {
    const w = mount(AppHeading, { props: { title: 'Schedule' } })
    expect(w.find('p').exists()).toBe(false)
    expect(w.findAll('header > div')).toHaveLength(1)
  })
})

describe('AppBackLink', () => {
  it('links back with an arrow and the words', () => {
    const UButton = defineComponent({
      props: { to: String, icon: String, label: String },
      setup: props => () => h('a', { 'href': props.to, 'data-icon': props.icon }, props.label),
    })
    const link = mount(AppBackLink, { props: { to: '/patients', label: 'Back to patients' }, global: { stubs: { UButton } } }).get('a')
    expect(link.attributes()).toMatchObject({ 'href': '/patients', 'data-icon': 'i-lucide-arrow-left' })
    expect(link.text()).toBe('Back to patients')
  })
})

describe('useConfirmation', () => {
  it('asks each question in the one dialog and runs the answered one', async () => {
    const confirmation = useConfirmation()
    const ran: string[] = []
    const Host = defineComponent({
      setup: () => () => h(AppConfirmModal, {
        'open': confirmation.open,
        'onUpdate:open': (v: boolean) => {
          confirmation.open = v
        },
        ...confirmation.question,
      }),
    })
    const w = mount(Host, { global: { stubs } })
    confirmation.ask({ title: 'Remove Ana?', confirmLabel: 'Remove', confirm: () => ran.push('ana') })
    await nextTick()
    confirmation.ask({ title: 'Remove Luis?', confirmLabel: 'Remove', confirm: () => ran.push('luis') })
    await nextTick()
    expect(w.text()).toContain('Remove Luis?')
    await w.findAll('button').find(b => b.text() === 'Remove')!.trigger('click')
    await flushPromises()
    expect(ran).toEqual(['luis'])
    expect(confirmation.open).toBe(false)
  })
})
