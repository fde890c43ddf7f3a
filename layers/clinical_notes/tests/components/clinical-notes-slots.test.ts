// The other two places notes show: the chart's per-tooth button opens that
// tooth's notes, the appointment dialog lists the visit's notes. Each asks
// the server for its own owner's notes (stubbed $fetch, real composables).
import { defineComponent, h } from 'vue'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Mock } from 'vitest'
import { useApiError } from '~/composables/useApiError'
import { testI18n } from '~~/tests/unit/support/locales'
import en from '../../i18n/locales/en.json'
import ClinicalNotesToothAction from '../../components/clinical_notes/ClinicalNotesToothAction.vue'
import ClinicalNotesVisitNotes from '../../components/clinical_notes/ClinicalNotesVisitNotes.vue'

enableAutoUnmount(afterEach)

const UButton = defineComponent({
  name: 'UButton',
  props: { label: { type: String, default: '' } },
  emits: ['click'],
  setup: (props, { emit }) => () => h('button', { type: 'button', onClick: () => emit('click') }, props.label),
})
const UModal = defineComponent({
  name: 'UModal',
  props: { open: Boolean, title: { type: String, default: '' } },
  setup: (props, { slots }) => () => (props.open ? h('div', { 'role': 'dialog', 'aria-label': props.title }, slots.body?.()) : null),
})
const Stub = defineComponent({ name: 'Stub', setup: () => () => null })
const stubs = {
  UButton, UModal, UBadge: Stub, UIcon: Stub, USkeleton: Stub, UDropdownMenu: Stub, UAlert: Stub, UFormField: Stub, UTextarea: Stub,
  ClinicalNotesFormModal: Stub, ClinicalNotesRevisionsModal: Stub, AppConfirmModal: Stub,
}

const PATIENT = { id: '11111111-1111-4111-8111-111111111111', full_name: 'Ana García' }
const globals = globalThis as Record<string, unknown>
const saved = { $fetch: globals.$fetch, useI18n: globals.useI18n, useToast: globals.useToast, useApiError: globals.useApiError }
let fetchMock: Mock

beforeEach(() => {
  fetchMock = vi.fn().mockResolvedValue({ data: [], message: null, total: 0, page: 1, page_size: 10 })
  const i18n = testI18n('en', { en: en as never })
  Object.assign(globals, { $fetch: fetchMock, useI18n: () => i18n, useToast: () => ({ add: vi.fn() }), useApiError })
  useAuthStore().me = { permissions: ['clinical_notes.admin_notes.read', 'clinical_notes.admin_notes.write'], current_clinic: { timezone: 'UTC' } } as never
})
afterEach(() => {
  Object.assign(globals, saved)
})

describe('clinical notes in other modules\' slots', () => {
  it('"Notes on tooth 16" opens the notes of that tooth of the patient', async () => {
    const w = mount(ClinicalNotesToothAction, { props: { ctx: { patient: PATIENT, tooth: 16 } as never }, global: { stubs } })
    expect(w.find('[role="dialog"]').exists()).toBe(false)
    expect(fetchMock).not.toHaveBeenCalled()
    await w.get('button').trigger('click')
    await flushPromises()
    expect(w.get('[role="dialog"]').attributes('aria-label')).toBe('Notes on tooth 16')
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/clinical_notes/notes', { query: { page: 1, page_size: 10, owner_type: 'tooth', owner_id: PATIENT.id, tooth: 16 } })
    expect(w.text()).toContain('No notes yet.')
  })

  it('the appointment dialog lists the visit\'s notes', async () => {
    const appointment = { id: '22222222-2222-4222-8222-222222222222', patient_id: PATIENT.id }
    const w = mount(ClinicalNotesVisitNotes, { props: { ctx: { appointment } as never }, global: { stubs } })
    await flushPromises()
    expect(w.get('h3').text()).toBe('Visit notes')
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/clinical_notes/notes', { query: { page: 1, page_size: 10, owner_type: 'appointment', owner_id: appointment.id, tooth: undefined } })
    expect(w.findAll('button').map(b => b.text())).toEqual(['Add visit note'])
  })
})
