// Helpers for the catalog's component tests (the `components` vitest
// project, Nuxt auto-imports shimmed by tests/support/nuxt-shims.ts).
// Strings come from the real locale files, so the tests read what users
// read; @nuxt/ui is stubbed with plain elements that keep the accessible names.
import { defineComponent, h, ref } from 'vue'
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach } from 'vitest'
import en from '../../i18n/locales/en.json'
import es from '../../i18n/locales/es.json'
import AppTextField from '../../../../components/app/AppTextField.vue'
import { useCatalogFormat } from '../../composables/useCatalogFormat'
import { useCatalogItemForm } from '../../composables/useCatalogItemForm'
import type { VatType } from '../../models'

enableAutoUnmount(afterEach)

export const locale = ref<'en' | 'es'>('en')
function lookup(key: string): string | undefined {
  let node: unknown = locale.value === 'es' ? es : en
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return typeof node === 'string' ? node : undefined
}

/** Translations of the current locale with `{param}` interpolation; an unknown key comes back as itself. */
export function t(key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(key) ?? key
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}

export const vatTypes = ref<VatType[]>([])

beforeEach(() => {
  locale.value = 'en'
  const globals = globalThis as Record<string, unknown>
  globals.useI18n = () => ({ t, te: (key: string) => lookup(key) !== undefined, locale })
  globals.useCatalogFormat = useCatalogFormat
  globals.useCatalogItemForm = useCatalogItemForm
  // The VAT types the pricing fields offer (no network in component tests).
  globals.useCatalogVatTypes = () => ({ vatTypes, defaultVat: ref(null) })
})

const UButton = defineComponent({
  name: 'UButton',
  inheritAttrs: false,
  props: { label: String, disabled: Boolean, icon: String },
  emits: ['click'],
  setup: (props, { attrs, emit }) => () => h('button', { ...attrs, type: 'button', disabled: props.disabled, onClick: () => emit('click') }, props.label),
})
const UFormField = defineComponent({
  name: 'UFormField',
  props: { label: String, name: String, help: String },
  setup: (props, { slots }) => () => h('div', { 'data-field': props.name }, [props.label ? h('span', props.label) : null, slots.default?.()]),
})
const UInput = defineComponent({
  name: 'UInput',
  inheritAttrs: false,
  props: { modelValue: [String, Number] },
  emits: ['update:modelValue'],
  setup: (props, { attrs, emit }) => () => h('input', {
    ...attrs,
    value: props.modelValue,
    onInput: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).value),
  }),
})
const UInputNumber = defineComponent({
  name: 'UInputNumber',
  inheritAttrs: false,
  props: { modelValue: Number },
  emits: ['update:modelValue'],
  setup: (props, { attrs, emit }) => () => h('input', { ...attrs, type: 'number', value: props.modelValue, onInput: (e: Event) => emit('update:modelValue', Number((e.target as HTMLInputElement).value)) }),
})
const USelect = defineComponent({
  name: 'USelect',
  props: { modelValue: String, items: Array },
  emits: ['update:modelValue'],
  setup: props => () => h('select', { value: props.modelValue }),
})

export function mountOptions() {
  return { global: { components: { AppTextField }, stubs: { UButton, UFormField, UInput, UInputNumber, USelect } } }
}
