// Helpers for the patients layer's component tests (the `components` vitest
// project; tests/support/nuxt-shims.ts provides the Nuxt auto-imports and the
// real slot registry and stores). @nuxt/ui components are replaced by small
// stand-ins: tests assert on our own markup and data attributes.
import { defineComponent, h, ref } from 'vue'
import type { PropType } from 'vue'
import { getActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import ModuleSlotEntry from '~/components/ModuleSlotEntry.vue'
import { usePatientsFormat } from '../../composables/usePatientsFormat'
import type { Patient } from '../../models'
import PatientsListTable from '../../components/patients/PatientsListTable.vue'
import PatientsStatusBadge from '../../components/patients/PatientsStatusBadge.vue'
// Also unmounts every wrapper after each test (enableAutoUnmount may be called only once).
export { activateModules, entry, signIn } from '~~/tests/support/slot-harness'

/** Keys whose translation exists (what `te` answers); `t` returns the key itself. */
export const knownKeys = new Set<string>()
Object.assign(globalThis as Record<string, unknown>, {
  useI18n: () => ({ t: (key: string) => key, te: (key: string) => knownKeys.has(key), locale: ref('en') }),
  usePatientsFormat,
})

/** Vue warnings of the mounted apps (a missing component, a bad prop...); tests expect none. */
export const vueWarnings: string[] = []

type Item = { label?: string, value?: string | number, slot?: string }
type Action = { label: string, onClick?: () => void }

const UTabs = defineComponent({
  name: 'UTabs',
  props: { items: { type: Array as PropType<Item[]>, default: () => [] }, modelValue: { type: [String, Number], default: undefined } },
  emits: ['update:modelValue'],
  setup(props, { slots, emit }) {
    return () => {
      const active = props.items.find(i => i.value === props.modelValue) ?? props.items[0]
      return h('div', [
        h('div', { role: 'tablist' }, props.items.map(item => h('button', {
          'role': 'tab',
          'data-tab': item.value,
          'aria-selected': String(item === active),
          'onClick': () => emit('update:modelValue', item.value),
        }, item.label))),
        active ? h('div', { role: 'tabpanel' }, slots[active.slot ?? 'content']?.({ item: active, index: props.items.indexOf(active) })) : null,
      ])
    }
  },
})
const UAlert = defineComponent({
  name: 'UAlert',
  props: { title: { type: String, default: '' }, description: { type: String, default: undefined }, actions: { type: Array as PropType<Action[]>, default: () => [] } },
  setup: props => () => h('div', { role: 'alert' }, [
    h('p', { 'data-alert-title': '' }, props.title),
    props.description ? h('p', props.description) : null,
    ...props.actions.map(a => h('button', { onClick: a.onClick }, a.label)),
  ]),
})
const UBadge = defineComponent({
  name: 'UBadge',
  props: { label: { type: String, default: '' }, color: { type: String, default: 'primary' } },
  setup: props => () => h('span', { 'data-badge': props.color }, props.label),
})
const UButton = defineComponent({
  name: 'UButton',
  props: { label: { type: String, default: '' } },
  emits: ['click'],
  setup: (props, { emit, attrs }) => () => h('button', { 'aria-label': attrs['aria-label'], 'onClick': (e: Event) => emit('click', e) }, props.label),
})
const ULink = defineComponent({
  name: 'ULink',
  props: { to: { type: String, default: '' } },
  setup: (props, { slots }) => () => h('a', { href: props.to }, slots.default?.()),
})
const UTable = defineComponent({
  name: 'UTable',
  props: {
    data: { type: Array as PropType<unknown[]>, default: () => [] },
    columns: { type: Array as PropType<{ id: string }[]>, default: () => [] },
    caption: { type: String, default: '' },
    loading: { type: Boolean, default: false },
    ui: { type: Object, default: () => ({}) },
  },
  setup: (props, { slots }) => () => h('table', { 'aria-busy': String(props.loading) }, h('tbody', props.data.map(original => h('tr', { 'data-row': '' }, props.columns.map(col => h('td', { 'data-col': col.id }, slots[`${col.id}-cell`]?.({ row: { original } }))))))),
})
const UPagination = defineComponent({
  name: 'UPagination',
  props: { page: { type: Number, default: 1 }, total: { type: Number, default: 0 } },
  setup: () => () => h('nav', { 'data-pagination': '' }),
})
const empty = (name: string, tag = 'div') => defineComponent({ name, setup: (_, { slots }) => () => h(tag, slots.default?.()) })

export function globalOptions() {
  const pinia = getActivePinia()
  if (!pinia) throw new Error('no active Pinia (is tests/support/nuxt-shims.ts the setup file?)')
  return {
    plugins: [pinia],
    // Auto-imported components in the app.
    components: { ModuleSlotEntry, PatientsListTable, PatientsStatusBadge },
    stubs: { UTabs, UAlert, UBadge, UButton, ULink, UTable, UPagination, USkeleton: empty('USkeleton'), UIcon: empty('UIcon', 'span') },
    config: { warnHandler: (message: string) => vueWarnings.push(message) },
  }
}

/** Mounts with the stand-ins; props are loosely typed (tests also pass v-model listeners). */
export function mountWith(component: unknown, props: Record<string, unknown>): VueWrapper<any> {
  return mount(component as never, { props: props as never, global: globalOptions() })
}

/** A patient as the API returns it. */
export function patient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: 'p1',
    clinic_id: 'c1',
    first_name: 'Ana',
    last_name: 'López',
    full_name: 'Ana López',
    phone: '+34 600 000 000',
    email: 'ana@example.com',
    date_of_birth: '1980-05-17',
    gender: 'female',
    national_id: null,
    national_id_type: null,
    address: null,
    notes: null,
    status: 'active',
    do_not_contact: false,
    billing_name: null,
    billing_tax_id: null,
    billing_address: null,
    billing_email: null,
    effective_billing: { name: 'Ana López', tax_id: null, address: null, email: 'ana@example.com' },
    allergies: [],
    allergies_status: 'none_known',
    last_visit_at: null,
    archived_at: null,
    created_at: '2026-01-02T10:00:00.000Z',
    updated_at: '2026-01-02T10:00:00.000Z',
    ...overrides,
  }
}
