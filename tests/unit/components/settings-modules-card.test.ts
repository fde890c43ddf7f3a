// The module card offers Uninstall only for modules that can be removed:
// official modules with `removable: false` (patients, agenda) say "Required"
// instead. Real vue-i18n over the app's locale files; @nuxt/ui stubbed.
import { mount } from '@vue/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import SettingsModulesCard from '~/components/settings/modules/SettingsModulesCard.vue'
import { useServerMessage } from '~/composables/useApiError'
import type { ModuleInfo } from '~/composables/module-admin/types'
import { testI18n } from '../support/locales'

const globals = globalThis as Record<string, unknown>
const saved = { useI18n: globals.useI18n, useServerMessage: globals.useServerMessage }

beforeAll(() => {
  globals.useI18n = () => testI18n('en')
  globals.useServerMessage = useServerMessage
})
afterAll(() => Object.assign(globals, saved))

const text = (tag: string) => defineComponent({ props: { label: String }, setup: props => () => h(tag, props.label) })
const stubs = {
  UCard: defineComponent({ setup: (_, { slots }) => () => h('article', [slots.header?.(), slots.default?.(), slots.footer?.()]) }),
  UAlert: text('div'),
  UBadge: text('span'),
  UButton: defineComponent({ props: { label: String }, emits: ['click'], setup: (props, { emit }) => () => h('button', { onClick: () => emit('click') }, props.label) }),
  UIcon: text('span'),
  SettingsModulesStateBadge: text('span'),
}

function moduleInfo(over: Partial<ModuleInfo>): ModuleInfo {
  return {
    name: 'patients', version: '1.0.0', installed_version: '1.0.0', upgrade_available: false, in_disk: true, installable: true,
    depends: [], dependents: ['agenda'], summary: 'Patients', author: null, license: null, category: 'official',
    removable: false, auto_install: true, state: 'installed', legacy: false, source: 'layers/patients',
    installed_at: null, last_state_change: null, error_message: null, error_item: null, error_at: null,
    load_error: null, load_error_item: null, problems: [], problem_items: [], load_issues: [], applied_migrations: [], migrations_on_disk: [],
    ...over,
  }
}

const buttons = (m: ModuleInfo) => mount(SettingsModulesCard, { global: { stubs }, props: { module: m, canWrite: true, showDetails: false } })

describe('SettingsModulesCard: Uninstall', () => {
  it.each(['installed', 'disabled'] as const)('a module that cannot be removed (%s) offers no Uninstall and says it is required', (state) => {
    const card = buttons(moduleInfo({ state }))
    expect(card.findAll('button').map(b => b.text())).not.toContain('Uninstall')
    expect(card.get('[data-testid="module-required"]').text()).toBe('Required')
  })

  it('a removable module offers Uninstall (and no "Required")', async () => {
    const card = buttons(moduleInfo({ name: 'notes', removable: true, category: 'community', state: 'installed' }))
    const uninstall = card.findAll('button').find(b => b.text() === 'Uninstall')
    expect(uninstall).toBeTruthy()
    await uninstall!.trigger('click')
    expect(card.emitted('action')).toEqual([['uninstall']])
    expect(card.find('[data-testid="module-required"]').exists()).toBe(false)
  })

  it('a non-removable module that is not installed can still be installed', () => {
    const card = buttons(moduleInfo({ state: 'uninstalled', installed_version: null }))
    expect(card.findAll('button').map(b => b.text())).toEqual(['Install'])
  })
})
