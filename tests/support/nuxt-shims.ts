// Setup file of the `components` vitest project: stands in for the Nuxt
// auto-import layer so the app's components, composables and Pinia stores
// run unchanged outside a Nuxt build. Every name the code under test uses
// without importing it is installed on globalThis (which is what an
// unresolved auto-import becomes): Vue's API as Nuxt re-exports it, the app's
// own composables and stores, and tiny stand-ins for the Nuxt-only functions.
// Each test gets a fresh Nuxt app object (the slot registry lives on it) and a
// fresh active Pinia.
import * as vue from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach } from 'vitest'
import { config } from '@vue/test-utils'

// The Vue functions Nuxt auto-imports (see .nuxt/imports.d.ts).
const VUE_AUTO_IMPORTS = [
  'computed', 'customRef', 'defineAsyncComponent', 'defineComponent', 'effectScope', 'getCurrentInstance',
  'getCurrentScope', 'h', 'hasInjectionContext', 'inject', 'isProxy', 'isReactive', 'isReadonly', 'isRef',
  'isShallow', 'markRaw', 'nextTick', 'onActivated', 'onBeforeMount', 'onBeforeUnmount', 'onBeforeUpdate',
  'onDeactivated', 'onErrorCaptured', 'onMounted', 'onScopeDispose', 'onServerPrefetch', 'onUnmounted',
  'onUpdated', 'onWatcherCleanup', 'provide', 'proxyRefs', 'reactive', 'readonly', 'ref', 'resolveComponent',
  'shallowReactive', 'shallowReadonly', 'shallowRef', 'toRaw', 'toRef', 'toRefs', 'toValue', 'triggerRef',
  'unref', 'useAttrs', 'useId', 'useModel', 'useSlots', 'useTemplateRef', 'watch', 'watchEffect',
  'watchPostEffect', 'watchSyncEffect',
] as const

/** What useNuxtApp() returns in tests: a plain object, replaced before each test (like one per request). */
export interface TestNuxtApp {
  isHydrating: boolean
  [key: string]: unknown
}

let nuxtApp: TestNuxtApp = { isHydrating: false }

export function useTestNuxtApp(): TestNuxtApp {
  return nuxtApp
}

/** No network in component tests: a store that reaches for the API fails loudly. */
function offline(url: unknown): Promise<never> {
  return Promise.reject(new Error(`[nuxt-shims] unexpected request to ${String(url)}`))
}

const globals = globalThis as Record<string, unknown>
for (const name of VUE_AUTO_IMPORTS) globals[name] = vue[name]
Object.assign(globals, {
  useNuxtApp: () => nuxtApp,
  // Keys come back untranslated, so tests can assert on them.
  useI18n: () => ({ t: (key: string) => key, locale: vue.ref('en') }),
  useRequestFetch: () => offline,
  $fetch: offline,
})

// The app's own auto-imported composables and stores (imported after the
// globals above exist; they read them only when called).
const [{ useModuleSlots }, { usePagedList }, { useAppFormSubmit }, { asyncSource }, { useConfirmation }, { useAuthStore }, { useModulesStore }, { useToastedAction, useBusyIds }] = await Promise.all([
  import('~/composables/useModuleSlots'),
  import('~/composables/usePagedList'),
  import('~/composables/useAppFormSubmit'),
  import('~/composables/useAsyncSource'),
  import('~/composables/useConfirmation'),
  import('~/stores/auth'),
  import('~/stores/modules'),
  import('~/composables/useToastedAction'),
])
Object.assign(globals, { useModuleSlots, usePagedList, useAppFormSubmit, asyncSource, useConfirmation, useAuthStore, useModulesStore, useToastedAction, useBusyIds })

// The core UI kit (components/app/) is auto-imported everywhere in the app:
// registered on every mounted component here, so screens built on it render
// it for real (the @nuxt/ui components inside stay each test's own stubs).
const kit = await Promise.all([
  import('~/components/app/AppAllergyChips.vue'),
  import('~/components/app/AppAsyncState.vue'),
  import('~/components/app/AppBackLink.vue'),
  import('~/components/app/AppConfirmModal.vue'),
  import('~/components/app/AppDialogActions.vue'),
  import('~/components/app/AppEmptyState.vue'),
  import('~/components/app/AppErrorAlert.vue'),
  import('~/components/app/AppFactList.vue'),
  import('~/components/app/AppForm.vue'),
  import('~/components/app/AppFormCard.vue'),
  import('~/components/app/AppFormModal.vue'),
  import('~/components/app/AppHeading.vue'),
  import('~/components/app/AppIconButton.vue'),
  import('~/components/app/AppSectionCard.vue'),
  import('~/components/app/AppStatusBadge.vue'),
  import('~/components/app/AppSwitchFields.vue'),
  import('~/components/app/AppTextField.vue'),
  import('~/components/app/AppTextFields.vue'),
])
config.global.components = {
  ...config.global.components,
  ...Object.fromEntries(kit.map(m => [(m.default as { __name?: string }).__name ?? '', m.default])),
}

beforeEach(() => {
  nuxtApp = { isHydrating: false }
  setActivePinia(createPinia())
})
