// Helpers for the <ModuleSlot> component tests (the `components` vitest
// project; tests/support/nuxt-shims.ts provides the Nuxt auto-imports).
import { defineComponent, h } from 'vue'
import type { AppConfig } from 'vue'
import { getActivePinia } from 'pinia'
import { enableAutoUnmount, mount, renderToString } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach } from 'vitest'
import ModuleSlot from '~/components/ModuleSlot.vue'
import ModuleSlotEntry from '~/components/ModuleSlotEntry.vue'
import type { MeDto } from '~/stores/auth'
import type { ActiveModule } from '~/stores/modules'
import type { SlotName } from '#shared/types/slots'

/** Stand-ins for @nuxt/ui: tests assert on our data attributes, never on the library's markup. */
const UAlert = defineComponent({
  name: 'UAlert',
  props: { title: { type: String, default: '' } },
  setup: props => () => h('div', { role: 'alert' }, props.title),
})
const USkeleton = defineComponent({
  name: 'USkeleton',
  setup: () => () => h('div'),
})

// A mounted slot would otherwise keep reacting to the next test's registry and stores.
enableAutoUnmount(afterEach)

/** Vue warnings of the mounted apps (a missing component, a bad prop...); tests expect none. */
export const vueWarnings: string[] = []

function globalOptions(config: Partial<AppConfig> = {}) {
  const pinia = getActivePinia()
  if (!pinia) throw new Error('no active Pinia (is tests/support/nuxt-shims.ts the setup file?)')
  return {
    plugins: [pinia],
    // ModuleSlotEntry, UAlert and USkeleton are Nuxt auto-imported components in the app.
    components: { ModuleSlotEntry },
    stubs: { UAlert, USkeleton },
    config: { warnHandler: (message: string) => vueWarnings.push(message), ...config },
  }
}

export function mountSlot(name: SlotName, ctx: Record<string, unknown> = {}, slots?: Record<string, unknown>, config?: Partial<AppConfig>, attrs?: Record<string, unknown>) {
  // The tests pass partial ctx objects on purpose (only what an entry reads).
  return mount(ModuleSlot, { props: { name, ctx: ctx as never }, slots: slots as never, attrs, global: globalOptions(config) })
}

export function renderSlot(name: SlotName, ctx: Record<string, unknown> = {}): Promise<string> {
  return renderToString(ModuleSlot, { props: { name, ctx: ctx as never }, global: globalOptions() })
}

/** A slot entry component rendering `<p data-entry-content="label">label</p>`. */
export function entry(label: string) {
  return defineComponent({
    name: `Entry_${label}`,
    setup: () => () => h('p', { 'data-entry-content': label }, label),
  })
}

/** Ids of the rendered entries, in document order. */
export function renderedIds(wrapper: VueWrapper): string[] {
  return wrapper.findAll('[data-slot-entry]').map(e => e.attributes('data-slot-entry')!)
}

/** Signs a user in with these permission grants (what GET /auth/me would return). */
export function signIn(permissions: string[]): void {
  useAuthStore().me = {
    user: { id: 'u1', email: 'dentist@example.com', name: 'Test Dentist' },
    clinics: [],
    current_clinic_id: null,
    permissions,
  } as unknown as MeDto
}

/** Marks these modules as installed and visible (what GET /modules/-/active would return). */
export function activateModules(...names: string[]): void {
  useModulesStore().active = names.map((name): ActiveModule => ({
    name,
    version: '1.0.0',
    category: 'official',
    summary: null,
    navigation: [],
    permissions: [],
  }))
}
