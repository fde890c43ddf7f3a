// Helpers for the agenda's component tests (the `components` vitest project,
// Nuxt auto-imports shimmed by tests/support/nuxt-shims.ts). Strings come
// from the real en.json, so the tests read what users read; @nuxt/ui is
// stubbed with plain elements that keep the accessible names.
import { defineComponent, h } from 'vue'
import type { AppConfig } from 'vue'
import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeEach } from 'vitest'
import en from '../../i18n/locales/en.json'
import type { Appointment } from '../../models'
import { TRANSITIONS } from '../../models'
import AgendaAppointmentCard from '../../components/agenda/AgendaAppointmentCard.vue'

enableAutoUnmount(afterEach)

function lookup(key: string): string | undefined {
  let node: unknown = en
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return typeof node === 'string' ? node : undefined
}

/** English translations with `{param}` interpolation; an unknown key comes back as itself. */
export function t(key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(key) ?? key
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
}

beforeEach(() => {
  const globals = globalThis as Record<string, unknown>
  globals.useI18n = () => ({ t, te: (key: string) => lookup(key) !== undefined, locale: { value: 'en' } })
})

const UButton = defineComponent({
  name: 'UButton',
  inheritAttrs: false,
  props: { label: String, loading: Boolean, disabled: Boolean, icon: String, color: String, variant: String, size: String },
  emits: ['click'],
  setup: (props, { attrs, emit }) => () => h('button', {
    ...attrs,
    'type': 'button',
    'disabled': props.disabled || props.loading,
    'aria-busy': props.loading ? 'true' : undefined,
    'onClick': (e: MouseEvent) => emit('click', e),
  }, props.label),
})
const UIcon = defineComponent({ name: 'UIcon', props: { name: String }, setup: props => () => h('span', { 'data-icon': props.name }) })
const UBadge = defineComponent({ name: 'UBadge', props: { label: String }, setup: props => () => h('span', props.label) })

/** Vue warnings of the mounted components; tests expect none. */
export const vueWarnings: string[] = []

export function mountOptions(config: Partial<AppConfig> = {}) {
  return {
    global: {
      components: { AgendaAppointmentCard },
      stubs: { UButton, UIcon, UBadge },
      config: { warnHandler: (message: string) => vueWarnings.push(message), ...config },
    },
  }
}

/** An appointment as the API returns it (Europe/Madrid offsets). */
export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  const status = overrides.status ?? 'scheduled'
  return {
    id: 'a1',
    clinic_id: 'c1',
    patient_id: 'p1',
    patient: { id: 'p1', first_name: 'Ana', last_name: 'García', full_name: 'Ana García', allergies: [], allergies_status: 'none_known' },
    professional_id: 'u1',
    professional: { id: 'u1', name: 'Diego Dentista' },
    cabinet_id: 'k1',
    cabinet: { id: 'k1', name: 'Cabinet 1', color: '#3b82f6' },
    start_time: '2026-12-07T10:00:00+01:00',
    end_time: '2026-12-07T10:30:00+01:00',
    reason: 'Cleaning',
    notes: null,
    status,
    allowed_transitions: [...TRANSITIONS[status]],
    created_at: '2026-11-27T08:00:00+01:00',
    updated_at: '2026-11-27T08:00:00+01:00',
    ...overrides,
  }
}
