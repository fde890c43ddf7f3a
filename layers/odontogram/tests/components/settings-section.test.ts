// <OdontogramSettingsSection>: the clinic's colour convention and the
// assistants' switch, saved into clinics.settings.odontogram with every other
// setting kept as it was.
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useApiError } from '~/composables/useApiError'
import OdontogramSettingsSection from '../../components/odontogram/OdontogramSettingsSection.vue'
import { STUBS, useLocale, vueWarnings, warnHandler } from './harness'

const UButton = defineComponent({
  name: 'UButton',
  props: { label: String, type: String, disabled: Boolean, loading: Boolean },
  setup: props => () => h('button', { type: props.type ?? 'button', disabled: props.disabled }, props.label),
})

const globals = globalThis as Record<string, unknown>
const saved = { $fetch: globals.$fetch, useToast: globals.useToast, useApiError: globals.useApiError }
const fetchMock = vi.fn()
beforeEach(() => {
  useLocale('en')
  fetchMock.mockReset().mockResolvedValue({ data: {} })
  Object.assign(globals, { $fetch: fetchMock, useToast: () => ({ add: vi.fn() }), useApiError })
  const auth = (globals.useAuthStore as () => { me: unknown, fetchMe: unknown })()
  auth.me = { permissions: ['*'], current_clinic: { settings: { billing: { series: 'A' }, odontogram: { assistants_record_conditions: false } } } }
  auth.fetchMe = vi.fn()
})
afterEach(() => {
  Object.assign(globals, saved)
  expect(vueWarnings.splice(0)).toEqual([])
})

describe('<OdontogramSettingsSection>', () => {
  it('saves the swapped colours and the assistants\' switch, keeping the other settings', async () => {
    const w = mount(OdontogramSettingsSection, { global: { stubs: { ...STUBS, UButton }, config: { warnHandler } } })
    const save = () => w.get('button[type="submit"]')
    expect(save().attributes('disabled')).toBeDefined()
    const radios = w.findAll('input[type="radio"]')
    expect((radios[0]!.element as HTMLInputElement).checked).toBe(true)
    await radios[1]!.setValue(true)
    await w.get('input[type="checkbox"]').setValue(true)
    expect(save().attributes('disabled')).toBeUndefined()
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/clinic', {
      method: 'PUT',
      body: { settings: { billing: { series: 'A' }, odontogram: { assistants_record_conditions: true, colors: { todo: '#2563eb', done: '#dc2626' } } } },
    })
  })
})
