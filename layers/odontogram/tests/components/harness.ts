// Helpers for the odontogram's component tests (the `components` vitest
// project, Nuxt auto-imports shimmed by tests/support/nuxt-shims.ts). Words
// come from a real vue-i18n over the app's and this layer's locales, so the
// tests read what users read; @nuxt/ui is stubbed with plain elements that
// keep the accessible names.
import { defineComponent, h } from 'vue'
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach } from 'vitest'
import { testI18n } from '~~/tests/unit/support/locales'
import type { Tree } from '~~/tests/unit/support/locales'
import en from '../../i18n/locales/en.json'
import es from '../../i18n/locales/es.json'
import type { OdontogramChart, OdontogramEntry, ToothState } from '../../models'
import { ALL_TEETH } from '../../models'

enableAutoUnmount(afterEach)

const globals = globalThis as Record<string, unknown>

/** Makes `useI18n()` the real thing in `locale`; returns its `t`. */
export function useLocale(locale: 'en' | 'es') {
  const i18n = testI18n(locale, { en: en as Tree, es: es as Tree })
  globals.useI18n = () => i18n
  return i18n.t
}

const attrsOf = (attrs: Record<string, unknown>) => Object.fromEntries(Object.entries(attrs).filter(([k]) => k.startsWith('aria-') || k.startsWith('data-') || k === 'title'))

export const UButton = defineComponent({
  name: 'UButton',
  inheritAttrs: false,
  props: { label: String, loading: Boolean, disabled: Boolean, icon: String, color: String, variant: String, size: String, to: [String, Object] },
  emits: ['click'],
  setup: (props, { attrs, emit }) => () => h('button', {
    ...attrsOf(attrs),
    'type': 'button',
    'disabled': props.disabled || props.loading,
    'aria-pressed': attrs['aria-pressed'] === undefined ? undefined : String(attrs['aria-pressed']),
    'onClick': (e: MouseEvent) => emit('click', e),
  }, props.label),
})
const Plain = (name: string, tag = 'div') => defineComponent({ name, inheritAttrs: false, setup: (_, { slots, attrs }) => () => h(tag, attrsOf(attrs), slots.default?.()) })

/** Stubs for the @nuxt/ui components and slot hosts the chart's screens use. */
export const STUBS = {
  UButton,
  UIcon: defineComponent({ name: 'UIcon', props: { name: String }, setup: props => () => h('i', { 'data-icon': props.name }) }),
  UBadge: defineComponent({ name: 'UBadge', props: { label: String }, setup: (props, { attrs }) => () => h('span', attrsOf(attrs), props.label) }),
  USkeleton: Plain('USkeleton'),
  USwitch: defineComponent({ name: 'USwitch', props: { label: String }, setup: props => () => h('label', [h('input', { type: 'checkbox' }), props.label]) }),
  UAlert: defineComponent({ name: 'UAlert', props: { title: String }, setup: props => () => h('div', { role: 'alert' }, props.title) }),
  UInput: defineComponent({ name: 'UInput', inheritAttrs: false, setup: (_, { attrs }) => () => h('input', attrsOf(attrs)) }),
  UPopover: Plain('UPopover'),
  UKbd: Plain('UKbd', 'kbd'),
  UModal: Plain('UModal'),
  UCard: Plain('UCard'),
  ModuleSlot: defineComponent({ name: 'ModuleSlot', props: { name: String }, setup: props => () => h('div', { 'data-slot': props.name }) }),
}

/** Vue warnings of the mounted components; tests expect none. */
export const vueWarnings: string[] = []
export const warnHandler = (message: string) => void vueWarnings.push(message)

/** A tooth with nothing charted. */
export function bareTooth(tooth: number): ToothState {
  return { tooth, present: true, surfaces: { M: null, D: null, O: null, B: null, L: null }, whole: null, conditions: [], treatments: [] }
}

export function entry(over: Partial<OdontogramEntry>): OdontogramEntry {
  return {
    id: 'e1', patient_id: 'p1', kind: 'condition', clinical_type: 'caries', status: null, existing: false,
    teeth: [{ tooth: 16, surfaces: ['O'], role: null }], scope: 'tooth', arch: null, catalog_item_id: null, catalog_item: null,
    price: null, notes: null, recorded_by: null, recorded_at: '2026-03-02T10:00:00+01:00', performed_by: null, performed_at: null,
    cancelled_at: null, superseded_by: null, allowed_transitions: [], created_at: '2026-03-02T10:00:00+01:00', updated_at: '2026-03-02T10:00:00+01:00',
    ...over,
  }
}

/** A chart as the API returns it: all 52 teeth, with `changes` laid over them. */
export function chart(entries: OdontogramEntry[] = [], changes: Partial<ToothState>[] = []): OdontogramChart {
  return {
    patient_id: 'p1',
    at: null,
    dentition: 'permanent',
    teeth: ALL_TEETH.map(t => ({ ...bareTooth(t), ...changes.find(c => c.tooth === t) })),
    entries,
    legend: { colors: { todo: '#dc2626', done: '#2563eb' }, items: [] },
  }
}
