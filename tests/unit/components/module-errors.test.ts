// The module admin screen shows what the server said in the reader's
// language: a module's last error and load error, the outcome of a batch and
// the journal's errors are worded from their code and params (the technical
// detail after a translated lead), with the server's English as the fallback.
// Real vue-i18n over the app's locale files; @nuxt/ui components stubbed.
import { mount } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import type { PropType } from 'vue'
import SettingsModulesCard from '~/components/settings/modules/SettingsModulesCard.vue'
import SettingsModulesJournal from '~/components/settings/modules/SettingsModulesJournal.vue'
import SettingsModulesRunResults from '~/components/settings/modules/SettingsModulesRunResults.vue'
import { useServerMessage } from '~/composables/useApiError'
import type { ModuleInfo, ModuleJournalEntry, ModuleRunResult } from '~/composables/module-admin/types'
import { testI18n } from '../support/locales'

const globals = globalThis as Record<string, unknown>
const saved = { useI18n: globals.useI18n, useServerMessage: globals.useServerMessage }
let locale: 'en' | 'es' = 'es'

beforeAll(() => {
  globals.useI18n = () => testI18n(locale)
  globals.useServerMessage = useServerMessage
})
afterAll(() => Object.assign(globals, saved))

const text = (p: string) => defineComponent({ props: { label: String }, setup: props => () => h(p, props.label) })
const stubs = {
  UCard: defineComponent({ setup: (_, { slots }) => () => h('article', [slots.header?.(), slots.default?.(), slots.footer?.()]) }),
  UAlert: defineComponent({
    props: { title: String, description: String },
    setup: (props, { slots }) => () => h('div', [h('strong', props.title), slots.description ? slots.description() : h('p', props.description)]),
  }),
  UTimeline: defineComponent({
    props: { items: { type: Array as PropType<{ title: string }[]>, required: true } },
    setup: (props, { slots }) => () => h('ol', props.items.map(item => h('li', [h('span', item.title), slots.description?.({ item })]))),
  }),
  UBadge: text('span'),
  UButton: text('button'),
  USkeleton: text('div'),
  UIcon: text('span'),
  SettingsModulesStateBadge: text('span'),
}

function moduleInfo(over: Partial<ModuleInfo>): ModuleInfo {
  return {
    name: 'sample_module', version: '1.0.0', installed_version: null, upgrade_available: false, in_disk: true, installable: true,
    depends: ['sample_base@^1.0'], dependents: [], summary: 'Notes', author: null, license: null, category: 'community',
    removable: true, auto_install: false, state: 'uninstalled', legacy: false, source: 'tests/fixtures/sample_module',
    installed_at: null, last_state_change: null, error_message: null, error_item: null, error_at: null,
    load_error: null, load_error_item: null, problems: [], problem_items: [], load_issues: [], applied_migrations: [], migrations_on_disk: [],
    ...over,
  }
}

describe('SettingsModulesCard', () => {
  it('words the last error, the load error and the dependency problems in Spanish', () => {
    const wrapper = mount(SettingsModulesCard, {
      global: { stubs },
      props: {
        module: moduleInfo({
          error_message: 'install failed at migrate: relation "sample_module_notes" already exists',
          error_item: { code: 'modules.step_failed.migrate', message: 'install failed at migrate: relation "sample_module_notes" already exists', params: { operation: 'install', step: 'migrate', detail: 'relation "sample_module_notes" already exists' } },
          load_error: 'Invalid manifest for sample_module: version: must be a semver version X.Y.Z',
          load_error_item: { code: 'modules.manifest_invalid', message: 'Invalid manifest for sample_module: version: must be a semver version X.Y.Z', params: { module: 'sample_module', source: 'x' } },
          load_issues: [{ path: 'version', message: 'must be a semver version X.Y.Z' }],
          problems: ['module "sample_module" requires "sample_base@^2.0" but sample_base 1.2.0 is available'],
          problem_items: [{ code: 'modules.dependency_range', message: 'module "sample_module" requires "sample_base@^2.0" but sample_base 1.2.0 is available', params: { module: 'sample_module', dependency: 'sample_base', range: '^2.0', found: '1.2.0' } }],
        }),
      },
    })
    expect(wrapper.get('[data-testid="module-last-error"]').text()).toBe('Último errorLas migraciones han fallado: relation "sample_module_notes" already exists')
    const load = wrapper.get('[data-testid="module-load-error"]').text()
    expect(load).toContain('El manifiesto de sample_module no es válido.')
    expect(load).toContain('version: must be a semver version X.Y.Z')
    expect(load).not.toContain('Invalid manifest')
    expect(wrapper.text()).toContain('sample_module requiere sample_base ^2.0, pero la versión disponible es la 1.2.0.')
    expect(wrapper.text()).not.toContain('is available')
  })

  it('shows the server\'s text when it sent no code it can word (an older server, an unknown code)', () => {
    const wrapper = mount(SettingsModulesCard, {
      global: { stubs },
      props: { module: moduleInfo({ error_message: 'something unexpected', error_item: { code: 'modules.error', message: 'something unexpected', params: { detail: 'something unexpected' } } }) },
    })
    expect(wrapper.get('[data-testid="module-last-error"]').text()).toBe('Último errorsomething unexpected')
  })
})

describe('SettingsModulesRunResults', () => {
  const results: ModuleRunResult[] = [
    { module: 'sample_base', operation: 'install', status: 'failed', error: 'boom', error_item: { code: 'modules.step_failed.hook', message: 'install failed at hook: boom', params: { operation: 'install', step: 'hook', detail: 'boom' } }, failed_step: 'hook' },
    { module: 'sample_module', operation: 'install', status: 'skipped', error: 'skipped: sample_base failed', error_item: { code: 'modules.skipped_dependency_failed', message: 'skipped: sample_base failed', params: { dependency: 'sample_base' } }, failed_step: null },
    { module: 'gone', operation: 'install', status: 'not_applied', error: 'No aplicado: ya no está.', error_item: null, failed_step: null },
  ]

  it('words each module\'s outcome in Spanish', () => {
    const wrapper = mount(SettingsModulesRunResults, { global: { stubs }, props: { results } })
    expect(wrapper.findAll('[data-testid="run-error"]').map(p => p.text())).toEqual([
      'El código de instalación o desinstalación del módulo ha fallado: boom',
      'Omitido porque antes ha fallado sample_base.',
      'No aplicado: ya no está.',
    ])
  })

  it('words them in English in English', () => {
    locale = 'en'
    try {
      const wrapper = mount(SettingsModulesRunResults, { global: { stubs }, props: { results: results.slice(0, 2) } })
      expect(wrapper.findAll('[data-testid="run-error"]').map(p => p.text())).toEqual([
        'The module’s own install or removal code failed: boom',
        'Skipped because sample_base failed first.',
      ])
    }
    finally {
      locale = 'es'
    }
  })
})

describe('SettingsModulesJournal', () => {
  const entry = (over: Partial<ModuleJournalEntry>): ModuleJournalEntry => ({
    id: '1', module: 'sample_module', operation: 'install', status: 'failed', from_version: null, to_version: '1.0.0', plan: {},
    steps: [], error: null, error_item: null, failed_step: null, created_at: '2026-01-01T10:00:00.000Z',
    started_at: '2026-01-01T10:00:00.000Z', finished_at: '2026-01-01T10:00:01.000Z', duration_ms: 1000, ...over,
  })

  it('words a failed entry, its failed step and a skipped entry in Spanish', () => {
    const detail = 'relation "sample_module_notes" already exists'
    const failed = operationFailed('migrate', detail)
    const wrapper = mount(SettingsModulesJournal, {
      global: { stubs },
      props: {
        journal: {
          status: 'success',
          error: null,
          data: [
            entry({
              id: '2',
              error: detail,
              error_item: failed,
              failed_step: 'migrate',
              steps: [{ step: 'migrate', status: 'failed', started_at: '2026-01-01T10:00:00.000Z', duration_ms: 12, error: detail, error_item: failed }],
            }),
            entry({ id: '1', status: 'skipped', error: 'skipped: dependency sample_base is not installed', error_item: { code: 'modules.skipped_dependency_missing', message: 'skipped: dependency sample_base is not installed', params: { dependency: 'sample_base' } } }),
          ],
        },
      },
    })
    expect(wrapper.findAll('[data-testid="journal-entry-error"]').map(e => e.text())).toEqual([
      `ErrorLas migraciones han fallado: ${detail}`,
      'No se ha llevado a caboOmitido porque el módulo necesario sample_base no está instalado.',
    ])
    expect(wrapper.get('[data-testid="journal-step-error"]').text()).toBe(`Las migraciones han fallado: ${detail}`)
    expect(wrapper.text()).not.toContain('failed at')
  })
})

function operationFailed(step: string, detail: string) {
  return { code: `modules.step_failed.${step}`, message: `install failed at ${step}: ${detail}`, params: { operation: 'install', step, detail } }
}
