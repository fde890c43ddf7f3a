// The patient sidebar's notes feed: the real component, panel and composable
// over a stubbed $fetch, with the real English and Spanish texts. Its four
// states, what each note shows (type, tooth, amended, author and time on the
// clinic's clock), the actions a member may take by role and past the 24-hour
// window, and "Load more". The dialogs are stood in for (tested in the browser).
import { defineComponent, h } from 'vue'
import type { PropType } from 'vue'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Mock } from 'vitest'
import { useApiError } from '~/composables/useApiError'
import { testI18n } from '~~/tests/unit/support/locales'
import en from '../../i18n/locales/en.json'
import es from '../../i18n/locales/es.json'
import type { ClinicalNote } from '../../models'
import ClinicalNotesSidebar from '../../components/clinical_notes/ClinicalNotesSidebar.vue'

enableAutoUnmount(afterEach)

const UButton = defineComponent({
  name: 'UButton',
  inheritAttrs: false,
  props: { label: { type: String, default: '' }, disabled: Boolean, loading: Boolean },
  emits: ['click'],
  setup: (props, { attrs, emit }) => () => h('button', { 'type': 'button', 'aria-label': attrs['aria-label'], 'disabled': props.disabled || props.loading, 'onClick': () => emit('click') }, props.label),
})
const UBadge = defineComponent({ name: 'UBadge', props: { label: String }, setup: (props, { attrs }) => () => h('span', { 'class': 'badge', 'data-type': attrs['data-type'] }, props.label) })
const UAlert = defineComponent({
  name: 'UAlert',
  props: { title: { type: String, default: '' }, description: { type: String, default: '' }, actions: { type: Array as PropType<{ label: string, onClick: () => void }[]>, default: () => [] } },
  setup: props => () => h('div', { role: 'alert' }, [h('p', props.title), ...props.actions.map(a => h('button', { type: 'button', onClick: a.onClick }, a.label))]),
})
const UCard = defineComponent({ name: 'UCard', setup: (_, { slots }) => () => h('section', [slots.header?.(), slots.default?.()]) })
const UDropdownMenu = defineComponent({
  name: 'UDropdownMenu',
  props: { items: { type: Array as PropType<{ label: string, onSelect: () => void }[][]>, default: () => [] } },
  setup: props => () => h('div', { 'data-menu': '' }, props.items.flat().map(item => h('button', { type: 'button', onClick: item.onSelect }, item.label))),
})
const Stub = defineComponent({ name: 'Stub', setup: () => () => null })
const stubs = {
  UButton, UBadge, UAlert, UCard, UDropdownMenu,
  USkeleton: defineComponent({ setup: () => () => h('div', { 'data-skeleton': '' }) }),
  UIcon: Stub,
  ClinicalNotesFormModal: Stub,
  ClinicalNotesRevisionsModal: Stub,
  AppConfirmModal: Stub,
  UFormField: Stub,
  UTextarea: Stub,
}

const PATIENT = { id: '11111111-1111-4111-8111-111111111111', clinic_id: 'c1', first_name: 'Ana', last_name: 'García', full_name: 'Ana García' }
const ALL = ['clinical_notes.clinical.read', 'clinical_notes.clinical.write', 'clinical_notes.admin_notes.read', 'clinical_notes.admin_notes.write']
const ASSISTANT = ['clinical_notes.clinical.read', 'clinical_notes.admin_notes.read', 'clinical_notes.admin_notes.write']

let nextId = 0
function note(overrides: Partial<ClinicalNote> = {}): ClinicalNote {
  nextId += 1
  return {
    id: `n-${nextId}`, clinic_id: 'c1', patient_id: PATIENT.id, owner_type: 'patient', owner_id: PATIENT.id, type: 'diagnosis', tooth: null,
    body: `<p>Note ${nextId}</p>`, author: { id: 'u1', name: 'Diego Dentista' }, updated_by: { id: 'u1', name: 'Diego Dentista' },
    revision_count: 1, is_amended: false, amendable_from: '2025-12-05T10:00:00+01:00', created_at: '2025-12-04T10:00:00+01:00', updated_at: '2025-12-04T10:00:00+01:00',
    ...overrides,
  }
}
const page = (data: ClinicalNote[], total = data.length) => ({ data, message: null, total, page: 1, page_size: 10 })

const globals = globalThis as Record<string, unknown>
const saved = { $fetch: globals.$fetch, useI18n: globals.useI18n, useToast: globals.useToast, useApiError: globals.useApiError }
let fetchMock: Mock
const warnings: string[] = []

function signIn(permissions: string[]) {
  const auth = useAuthStore()
  auth.me = { permissions, current_clinic: { timezone: 'Europe/Madrid' } } as never
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-12-04T12:00:00Z'))
  fetchMock = vi.fn()
  const i18n = testI18n('en', { en: en as never, es: es as never })
  Object.assign(globals, { $fetch: fetchMock, useI18n: () => i18n, useToast: () => ({ add: vi.fn() }), useApiError })
  signIn(ALL)
})
afterEach(() => {
  vi.useRealTimers()
  Object.assign(globals, saved)
  expect(warnings.splice(0)).toEqual([])
})

function mountFeed() {
  return mount(ClinicalNotesSidebar, {
    props: { ctx: { patient: PATIENT } as never },
    global: { stubs, config: { warnHandler: (message: string) => void warnings.push(message) } },
  })
}
const state = (w: ReturnType<typeof mountFeed>) => w.find('[data-state]').attributes('data-state')
const items = (w: ReturnType<typeof mountFeed>) => w.findAll('[data-note]')
const buttons = (el: { findAll: (s: string) => { text: () => string }[] }) => el.findAll('button').map(b => b.text())

describe('<ClinicalNotesSidebar> states', () => {
  it('loads the patient\'s first page in the browser, with a skeleton meanwhile', async () => {
    let resolve!: (v: unknown) => void
    fetchMock.mockReturnValue(new Promise((r) => {
      resolve = r
    }))
    const w = mountFeed()
    await flushPromises()
    expect(state(w)).toBe('loading')
    expect(w.find('[data-state="loading"]').attributes('aria-label')).toBe('Loading notes')
    expect(fetchMock).toHaveBeenCalledWith(`/api/v1/clinical_notes/patients/${PATIENT.id}/notes`, { query: { page: 1, page_size: 10 } })
    resolve(page([]))
    await flushPromises()
    expect(state(w)).toBe('empty')
    expect(w.text()).toContain('No notes yet.')
  })

  it('a failed load shows the error with a retry, never an empty feed', async () => {
    fetchMock.mockRejectedValueOnce({ statusCode: 500, data: { data: null, message: 'Internal server error', errors: [] } })
    const w = mountFeed()
    await flushPromises()
    expect(state(w)).toBe('error')
    expect(w.get('[role="alert"]').text()).toContain('The notes could not be loaded')
    expect(w.text()).not.toContain('No notes yet.')
    fetchMock.mockResolvedValueOnce(page([note({ body: '<p>Back again</p>' })]))
    await w.get('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(state(w)).toBe('data')
    expect(items(w)[0]!.text()).toContain('Back again')
  })
})

describe('<ClinicalNotesSidebar> notes', () => {
  it('shows type, tooth, amended, the text, the author and the time on the clinic\'s clock', async () => {
    fetchMock.mockResolvedValue(page([
      note({ type: 'diagnosis', tooth: 16, body: '<p>Caries on <strong>16</strong></p>', created_at: '2025-12-04T11:30:00+01:00', amendable_from: '2025-12-05T11:30:00+01:00' }),
      note({ type: 'administrative', is_amended: true, revision_count: 2, author: null, created_at: '2025-11-02T09:05:00+01:00', amendable_from: '2025-11-03T09:05:00+01:00' }),
      note({ type: 'progress', revision_count: 3, owner_type: 'appointment', owner_id: 'a1' }),
    ]))
    const w = mountFeed()
    await flushPromises()
    const [first, second, third] = items(w)
    expect(first!.findAll('.badge').map(b => b.text())).toEqual(['Diagnosis', 'Tooth 16'])
    expect(first!.find('.clinical-note-body').html()).toContain('<p>Caries on <strong>16</strong></p>')
    expect(first!.text()).toContain('Diego Dentista · Dec 4, 2025, 11:30')
    expect(second!.findAll('.badge').map(b => b.text())).toEqual(['Administrative', 'Amended'])
    expect(second!.text()).toContain('Former member · Nov 2, 2025, 09:05')
    expect(third!.findAll('.badge').map(b => b.text())).toEqual(['Progress', 'Visit'])
    expect(third!.text()).toContain('Edited')
    expect(w.get('section').text()).toContain('Clinical notes')
  })

  it('offers Edit within 24 hours, Amend after, History when edited, Delete; and "Add note"', async () => {
    fetchMock.mockResolvedValue(page([
      note({ created_at: '2025-12-04T11:30:00+01:00', amendable_from: '2025-12-05T11:30:00+01:00' }),
      note({ revision_count: 2, created_at: '2025-12-01T09:00:00+01:00', amendable_from: '2025-12-02T09:00:00+01:00' }),
    ]))
    const w = mountFeed()
    await flushPromises()
    expect(buttons(items(w)[0]!.get('[data-menu]'))).toEqual(['Edit', 'Delete'])
    expect(buttons(items(w)[1]!.get('[data-menu]'))).toEqual(['Amend', 'History', 'Delete'])
    expect(w.findAll('button').map(b => b.text())).toContain('Add note')
  })

  it('an assistant reads clinical notes without editing them, and may still add administrative ones', async () => {
    signIn(ASSISTANT)
    fetchMock.mockResolvedValue(page([note({ type: 'diagnosis' }), note({ type: 'treatment', revision_count: 2 }), note({ type: 'administrative' })]))
    const w = mountFeed()
    await flushPromises()
    expect(items(w)[0]!.find('[data-menu]').exists()).toBe(false)
    expect(buttons(items(w)[1]!.get('[data-menu]'))).toEqual(['History'])
    expect(buttons(items(w)[2]!.get('[data-menu]'))).toEqual(['Edit', 'Delete'])
    expect(w.findAll('button').map(b => b.text())).toContain('Add note')
  })

  it('someone who may write nothing gets no "Add note"', async () => {
    signIn(['clinical_notes.admin_notes.read'])
    fetchMock.mockResolvedValue(page([note({ type: 'administrative' })]))
    const w = mountFeed()
    await flushPromises()
    expect(w.findAll('button').map(b => b.text())).not.toContain('Add note')
    expect(items(w)[0]!.find('[data-menu]').exists()).toBe(false)
  })

  it('"Load more" appends the next page until every note is shown', async () => {
    const first = Array.from({ length: 10 }, () => note())
    const last = [note({ body: '<p>The eleventh</p>' })]
    fetchMock.mockResolvedValueOnce(page(first, 11)).mockResolvedValueOnce({ ...page(last, 11), page: 2 })
    const w = mountFeed()
    await flushPromises()
    expect(items(w)).toHaveLength(10)
    await w.findAll('button').find(b => b.text() === 'Load more')!.trigger('click')
    await flushPromises()
    expect(fetchMock).toHaveBeenLastCalledWith(`/api/v1/clinical_notes/patients/${PATIENT.id}/notes`, { query: { page: 2, page_size: 10 } })
    expect(items(w)).toHaveLength(11)
    expect(items(w)[10]!.text()).toContain('The eleventh')
    expect(w.findAll('button').map(b => b.text())).not.toContain('Load more')
  })
})
