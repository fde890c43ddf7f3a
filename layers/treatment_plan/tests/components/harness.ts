// Helpers for treatment_plan's component tests (the `components` vitest
// project, Nuxt auto-imports shimmed by tests/support/nuxt-shims.ts). Words
// come from a real vue-i18n over the app's, odontogram's (treatment names,
// surface letters) and this layer's locales; the layer's composables run for
// real over a stubbed `$fetch` and a minimal `useAsyncData`; @nuxt/ui is
// stubbed with plain elements that keep the accessible names.
import { defineComponent, h, ref } from 'vue'
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import type { Mock } from 'vitest'
import { useApiError } from '~/composables/useApiError'
import { testI18n } from '~~/tests/unit/support/locales'
import type { Tree } from '~~/tests/unit/support/locales'
import odEn from '#layers/odontogram/i18n/locales/en.json'
import odEs from '#layers/odontogram/i18n/locales/es.json'
import en from '../../i18n/locales/en.json'
import es from '../../i18n/locales/es.json'
import type { PlanItem, TreatmentPlanDetail, VisitItem } from '../../models'
import { useTreatmentPlanFormat } from '../../composables/useTreatmentPlanFormat'
import { useTreatmentPlanVisit } from '../../composables/useTreatmentPlanVisit'

enableAutoUnmount(afterEach)

const globals = globalThis as Record<string, unknown>
const NAMES = ['$fetch', 'useI18n', 'useToast', 'useApiError', 'useAsyncData', 'useTreatmentPlanFormat', 'useTreatmentPlanVisit', 'useConfirmation'] as const
const saved: Record<string, unknown> = {}
export const toasts: { title: string, color: string }[] = []
export const fetchMock: Mock = vi.fn()
/** Vue warnings of the mounted components; tests expect none. */
export const vueWarnings: string[] = []

/** Makes `useI18n()` the real thing in `locale`. */
export function useLocale(locale: 'en' | 'es') {
  const i18n = testI18n(locale, { en: { ...odEn, ...en } as Tree, es: { ...odEs, ...es } as Tree })
  globals.useI18n = () => i18n
  return i18n.t
}

/** Nuxt's useAsyncData as far as the composables use it: loads at once, `refresh` loads again. */
function useAsyncData<T>(_key: unknown, load: () => Promise<T>) {
  const data = ref<T | null>(null)
  const error = ref<unknown>(null)
  const status = ref('pending')
  const refresh = async () => {
    status.value = 'pending'
    try {
      data.value = await load()
      error.value = null
      status.value = 'success'
    }
    catch (e) {
      error.value = e
      status.value = 'error'
    }
  }
  void refresh()
  return { data, error, status, refresh }
}

export function signIn(permissions: string[]) {
  const auth = (globals.useAuthStore as () => { me: unknown, can: (p: string) => boolean })()
  auth.me = { permissions, current_clinic: { timezone: 'Europe/Madrid', currency: 'EUR', settings: {} }, current_clinic_id: 'c1', user: { id: 'u1' } }
}

beforeEach(() => {
  for (const name of NAMES) saved[name] = globals[name]
  fetchMock.mockReset()
  toasts.splice(0)
  useLocale('en')
  Object.assign(globals, {
    $fetch: fetchMock,
    useToast: () => ({ add: (t: { title: string, color: string }) => toasts.push(t) }),
    useApiError,
    useAsyncData,
    useTreatmentPlanFormat,
    useTreatmentPlanVisit,
  })
})
afterEach(() => {
  Object.assign(globals, saved)
  expect(vueWarnings.splice(0)).toEqual([])
})

const attrsOf = (attrs: Record<string, unknown>) => Object.fromEntries(Object.entries(attrs).filter(([k]) => k.startsWith('aria-') || k.startsWith('data-') || k === 'title'))
export const STUBS = {
  UButton: defineComponent({
    name: 'UButton',
    inheritAttrs: false,
    props: { label: String, loading: Boolean, disabled: Boolean, icon: String, color: String, variant: String, size: String, to: [String, Object] },
    emits: ['click'],
    setup: (props, { attrs, emit }) => () => h('button', { ...attrsOf(attrs), type: 'button', disabled: props.disabled || props.loading, onClick: (e: MouseEvent) => emit('click', e) }, props.label),
  }),
  UCheckbox: defineComponent({
    name: 'UCheckbox',
    inheritAttrs: false,
    props: { modelValue: Boolean, label: String, disabled: Boolean },
    emits: ['update:modelValue'],
    setup: (props, { attrs, emit }) => () => h('input', { ...attrsOf(attrs), type: 'checkbox', checked: props.modelValue, disabled: props.disabled, onChange: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).checked) }),
  }),
  USelect: defineComponent({
    name: 'USelect',
    inheritAttrs: false,
    props: { modelValue: [String, Number], items: Array, disabled: Boolean },
    emits: ['update:modelValue'],
    setup: (props, { attrs, emit }) => () => h('select', { ...attrsOf(attrs), value: props.modelValue, disabled: props.disabled, onChange: (e: Event) => emit('update:modelValue', (e.target as HTMLSelectElement).value) },
      (props.items as { value: string | number, label: string }[]).map(i => h('option', { value: i.value }, i.label))),
  }),
  UIcon: defineComponent({ name: 'UIcon', props: { name: String }, setup: props => () => h('i', { 'data-icon': props.name }) }),
  UBadge: defineComponent({ name: 'UBadge', props: { label: String }, setup: (props, { attrs }) => () => h('span', attrsOf(attrs), props.label) }),
  UAlert: defineComponent({ name: 'UAlert', props: { title: String, description: String }, setup: (props, { attrs }) => () => h('div', { role: 'alert', ...attrsOf(attrs) }, [props.title, props.description ? ` ${props.description}` : '']) }),
  USkeleton: defineComponent({ name: 'USkeleton', setup: () => () => h('div', { 'data-skeleton': '' }) }),
  UCard: defineComponent({ name: 'UCard', setup: (_, { slots }) => () => h('section', [slots.header?.(), slots.default?.()]) }),
  NuxtLink: defineComponent({ name: 'NuxtLink', props: { to: String }, setup: (props, { slots }) => () => h('a', { href: props.to }, slots.default?.()) }),
  AppConfirmModal: defineComponent({
    name: 'AppConfirmModal',
    props: { open: Boolean, title: String, confirmLabel: String, confirm: Function },
    setup: props => () => (props.open ? h('div', { 'role': 'dialog', 'aria-label': props.title }, [h('button', { type: 'button', onClick: () => props.confirm?.() }, props.confirmLabel)]) : null),
  }),
  TreatmentPlanCloseModal: defineComponent({ name: 'TreatmentPlanCloseModal', props: { open: Boolean, number: String }, setup: props => () => (props.open ? h('div', { 'data-close-modal': props.number }) : null) }),
}

export const warnHandler = (message: string) => void vueWarnings.push(message)

const TREATMENT = {
  id: 't1', clinical_type: 'filling', status: 'planned', teeth: [{ tooth: 16, surfaces: ['O'], role: null }], scope: 'tooth', arch: null,
  catalog_item_id: 'ci1', catalog_item: { id: 'ci1', code: 'RES-COMP', names: { en: 'Composite filling', es: 'Obturación de composite' } }, price: '55.00', performed_at: null,
} as const

export function item(over: Partial<PlanItem> & { tooth?: number } = {}): PlanItem {
  const { tooth = 16, ...rest } = over
  return {
    id: `i${tooth}`, plan_id: 'p1', treatment_id: `t${tooth}`, treatment: { ...TREATMENT, id: `t${tooth}`, teeth: [{ tooth, surfaces: ['O'], role: null }] } as PlanItem['treatment'],
    position: 1, phase: 3, professional_id: null, professional: null, status: 'pending', price: '55.00', sessions: [{ label: null, amount: '55.00' }],
    completed_at: null, cancelled_at: null, booked_appointment: null, created_at: '2026-12-01T10:00:00+01:00',
    ...rest,
  }
}

export function plan(over: Partial<TreatmentPlanDetail> = {}): TreatmentPlanDetail {
  return {
    id: 'p1', number: 'PLAN-2026-0007', title: 'Two fillings', patient_id: 'pat1', patient: { id: 'pat1', full_name: 'Teo Plan Molar' },
    professional_id: null, professional: null, status: 'draft', diagnosis: null, internal_notes: null, closure_reason: null, closure_note: null,
    closed_at: null, status_changed_at: '2026-12-01T10:00:00+01:00', days_in_status: 2, item_count: 0, completed_count: 0, cancelled_count: 0,
    pending_count: 0, booked_count: 0, total: '0.00', items_locked: false, allowed_actions: [], created_by: null,
    created_at: '2026-12-01T10:00:00+01:00', updated_at: '2026-12-01T10:00:00+01:00', items: [],
    ...over,
  }
}

export function visitItem(over: Partial<VisitItem> & { tooth?: number } = {}): VisitItem {
  const { tooth = 16, ...rest } = over
  const base = item({ tooth })
  return {
    item_id: base.id, plan_id: 'p1', plan_number: 'PLAN-2026-0007', plan_title: 'Two fillings', plan_status: 'accepted',
    treatment: base.treatment, phase: 3, item_status: 'pending', price: '55.00', done: false,
    ...rest,
  }
}
