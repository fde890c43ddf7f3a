// <OdontogramEntryList>: findings and plans, then done work; perform, cancel
// and delete ask first (delete needs a reason) and are offered only to those
// who chart treatments; work performed here is never offered for deletion.
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import OdontogramEntryList from '../../components/odontogram/OdontogramEntryList.vue'
import { STUBS, entry, useLocale, vueWarnings, warnHandler } from './harness'

// The dialog renders its title, body and footer while open.
const UModal = defineComponent({
  name: 'UModal',
  props: { open: Boolean, title: String, description: String },
  setup: (props, { slots }) => () => (props.open ? h('div', { 'role': 'dialog', 'aria-label': props.title }, [h('p', props.description), slots.body?.(), slots.footer?.()]) : null),
})
const UFormField = defineComponent({ name: 'UFormField', props: { label: String }, setup: (props, { slots }) => () => h('label', [props.label, slots.default?.()]) })
const UInput = defineComponent({
  name: 'UInput',
  props: { modelValue: String },
  emits: ['update:modelValue'],
  setup: (props, { emit }) => () => h('input', { value: props.modelValue, onInput: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).value) }),
})

const globals = globalThis as Record<string, unknown>
const saved = globals.useAuthStore
beforeEach(() => {
  useLocale('en')
  const auth = (globals.useAuthStore as () => { me: unknown })()
  auth.me = { permissions: ['odontogram.read', 'odontogram.write'], current_clinic: { timezone: 'Europe/Madrid', currency: 'EUR', settings: {} } }
})
afterEach(() => {
  globals.useAuthStore = saved
  expect(vueWarnings.splice(0)).toEqual([])
})

const ENTRIES = [
  entry({ id: 'car', clinical_type: 'caries', recorded_at: '2026-03-02T10:00:00+01:00' }),
  entry({ id: 'fil', kind: 'treatment', clinical_type: 'filling', status: 'planned', recorded_at: '2026-03-05T10:00:00+01:00', allowed_transitions: ['performed', 'cancelled'], price: '60.00', catalog_item: { id: 'i', code: 'RES-COMP', names: { en: 'Composite filling', es: 'Obturación de composite' } } }),
  entry({ id: 'crn', kind: 'treatment', clinical_type: 'crown', status: 'performed', teeth: [{ tooth: 36, surfaces: [], role: null }], performed_at: '2026-03-09T10:00:00+01:00' }),
  entry({ id: 'old', kind: 'treatment', clinical_type: 'root_canal', status: 'performed', existing: true, teeth: [{ tooth: 45, surfaces: [], role: null }] }),
]

function list(canAct = true) {
  const run = vi.fn().mockResolvedValue({})
  const w = mount(OdontogramEntryList, {
    attachTo: document.body,
    props: { entries: ENTRIES, canAct, isBusy: () => false, run },
    global: { stubs: { ...STUBS, UModal, UFormField, UInput }, config: { warnHandler } },
  })
  return { w, run }
}
const byLabel = (w: ReturnType<typeof list>['w'], label: string) => w.find(`[aria-label="${label}"]`)

describe('<OdontogramEntryList>', () => {
  it('lists findings and plans, then done work, with their state and price', () => {
    const { w } = list()
    const sections = w.findAll('section')
    expect(sections.map(s => s.attributes('aria-label'))).toEqual(['Findings and plans', 'Done'])
    expect(sections[0]!.findAll('[data-testid="odontogram-entry"]').map(r => r.attributes('data-entry'))).toEqual(['fil', 'car'])
    expect(sections[1]!.findAll('[data-testid="odontogram-entry"]').map(r => r.attributes('data-entry'))).toEqual(['crn', 'old'])
    expect(sections[0]!.text()).toContain('Composite filling')
    expect(sections[0]!.text()).toContain('€60.00')
    expect(w.findAll('[data-state]').map(b => b.attributes('data-state'))).toEqual(['planned', 'condition', 'performed', 'existing'])
  })

  it('performs a planned treatment after asking', async () => {
    const { w, run } = list()
    await byLabel(w, 'Perform Composite filling on 16 O').trigger('click')
    const dialog = w.get('[role="dialog"]')
    expect(dialog.attributes('aria-label')).toBe('Perform Composite filling?')
    await dialog.findAll('button').find(b => b.text() === 'Perform')!.trigger('click')
    await flushPromises()
    expect(run).toHaveBeenCalledWith(ENTRIES[1], 'perform', '')
  })

  it('deletes an entry charted in error only with a reason', async () => {
    const { w, run } = list()
    await byLabel(w, 'Delete Caries on 16 O (charted in error)').trigger('click')
    const confirm = () => w.get('[role="dialog"]').findAll('button').find(b => b.text() === 'Delete entry')!
    expect(confirm().attributes('disabled')).toBeDefined()
    await w.get('[role="dialog"] input').setValue('Wrong tooth')
    expect(confirm().attributes('disabled')).toBeUndefined()
    await confirm().trigger('click')
    await flushPromises()
    expect(run).toHaveBeenCalledWith(ENTRIES[0], 'delete', 'Wrong tooth')
  })

  it('never offers to delete work performed here, but does for work found done', () => {
    const { w } = list()
    expect(byLabel(w, 'Delete Crown on 36 (charted in error)').exists()).toBe(false)
    expect(byLabel(w, 'Delete Root canal on 45 (charted in error)').exists()).toBe(true)
  })

  it('offers nothing to change to those who only read', () => {
    const { w } = list(false)
    expect(w.findAll('button').map(b => b.text()).filter(t => ['Perform', 'Cancel'].includes(t))).toEqual([])
    expect(byLabel(w, 'Delete Caries on 16 O (charted in error)').exists()).toBe(false)
  })
})
