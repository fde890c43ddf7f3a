// The doctor banner on /settings/modules lists interrupted operations,
// modules this core cannot run and an unusable storage folder, marks
// acknowledged findings, and its Acknowledge button sends exactly the keys of
// the findings not yet acknowledged. Real vue-i18n over the app's locale files.
import { mount } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import SettingsModulesDoctorBanner from '~/components/settings/modules/SettingsModulesDoctorBanner.vue'
import { useServerMessage } from '~/composables/useApiError'
import type { ModuleDoctor } from '~/composables/module-admin/types'
import { testI18n } from '../support/locales'

const globals = globalThis as Record<string, unknown>
const saved = { useI18n: globals.useI18n, useServerMessage: globals.useServerMessage, useModuleAdminData: globals.useModuleAdminData }
const acknowledgeFindings = vi.fn(async () => true)
const canWrite = ref(true)

function report(): ModuleDoctor {
  return {
    ok: false,
    orphans: [],
    missing_dependencies: [],
    cycles: [],
    manifest_errors: [],
    errored_modules: [{ key: 'errored:old_mod:2026-12-01T10:00:00.000Z', acknowledged: true, name: 'old_mod', error: 'install failed at seed: x', error_at: '2026-12-01T10:00:00.000Z', code: 'modules.step_failed.seed', params: { module: 'old_mod', operation: 'install', step: 'seed', detail: 'x' } }],
    legacy_modules: [],
    migration_drift: [],
    stuck_operations: [],
    interrupted_operations: [{ key: 'interrupted:op-1', acknowledged: false, id: 'op-1', module: 'sample_module', operation: 'install', owner: '1@x', started_at: '2026-12-01T10:00:00.000Z', finished_at: '2026-12-01T10:05:00.000Z', code: 'modules.interrupted_operation', params: { module: 'sample_module', operation: 'install', since: '2026-12-01T10:00:00.000Z' } }],
    incompatible_modules: [{ key: 'incompatible:future:2.0.0', acknowledged: false, name: 'future', version: '2.0.0', state: 'uninstalled', code: 'modules.core_too_old', params: { module: 'future', required: '99.0.0', core: '0.1.0' } }],
    storage: { key: 'storage:/proc/x', acknowledged: false, path: '/proc/x', ok: false, problem: 'it is on a kernel pseudo-filesystem', code: 'storage.unavailable', params: { path: '/proc/x' } },
    database: { kind: 'postgres', warning: null, code: null, params: {} },
  } as unknown as ModuleDoctor
}

beforeAll(() => {
  globals.useI18n = () => testI18n('es')
  globals.useServerMessage = useServerMessage
  globals.useModuleAdminData = () => ({
    doctor: ref({ data: report(), status: 'success', error: null }),
    canWrite,
    busy: ref(false),
    submitting: ref(null),
    loadDoctor: async () => true,
    acknowledgeFindings,
  })
})
afterAll(() => Object.assign(globals, saved))

const stubs = {
  UCard: defineComponent({ setup: (_, { slots }) => () => h('article', slots.default?.()) }),
  UCollapsible: defineComponent({ setup: (_, { slots }) => () => h('div', slots.content?.()) }),
  UAlert: defineComponent({ props: { title: String }, setup: props => () => h('div', props.title) }),
  UButton: defineComponent({ props: { label: String }, emits: ['click'], setup: (props, { emit }) => () => h('button', { onClick: () => emit('click') }, props.label) }),
  UIcon: defineComponent({ setup: () => () => h('span') }),
}

describe('SettingsModulesDoctorBanner', () => {
  it('lists the new findings in Spanish, marks the acknowledged one, and acknowledges the others', async () => {
    const wrapper = mount(SettingsModulesDoctorBanner, { global: { stubs } })
    const text = wrapper.text()
    expect(text).toContain('Operaciones interrumpidas por una parada')
    expect(text).toContain('sample_module: Instalación iniciada el')
    expect(text).toContain('Módulos que esta versión de DentalPin no puede ejecutar')
    expect(text).toContain('future necesita DentalPin 99.0.0 o posterior')
    expect(text).toContain('Carpeta de almacenamiento')
    expect(text).toContain('/proc/x: it is on a kernel pseudo-filesystem')
    expect(text).toContain('(revisado)')

    const button = wrapper.findAll('button').find(b => b.text() === 'Marcar como revisado')
    expect(button).toBeDefined()
    await button!.trigger('click')
    expect(acknowledgeFindings).toHaveBeenCalledWith(['interrupted:op-1', 'incompatible:future:2.0.0', 'storage:/proc/x'])
  })

  it('offers no Acknowledge button to a reader without write permission', () => {
    canWrite.value = false
    const wrapper = mount(SettingsModulesDoctorBanner, { global: { stubs } })
    expect(wrapper.findAll('button').map(b => b.text())).not.toContain('Marcar como revisado')
    canWrite.value = true
  })
})
