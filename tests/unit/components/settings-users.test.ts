// The users screen offers only what the server accepts and never asks an
// admin for another person's password: no Deactivate or Remove on your own
// row, "Confirm membership" and "Password reset link" only for accounts this
// admin manages (`account_managed`), invitations with their expiry; the add
// dialog has no password field and sends none. Real vue-i18n over the app's
// locale files; @nuxt/ui components stubbed (tests assert on our markup).
import { mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import type { PropType } from 'vue'
import SettingsUsersMemberFields from '~/components/settings/SettingsUsersMemberFields.vue'
import SettingsUsersRowActions from '~/components/settings/SettingsUsersRowActions.vue'
import SettingsUsersStatus from '~/components/settings/SettingsUsersStatus.vue'
import SettingsUsersTable from '~/components/settings/SettingsUsersTable.vue'
import SettingsUsersMemberModal from '~/components/settings/SettingsUsersMemberModal.vue'
import { useSchemaValidate } from '~/composables/useSchemaValidate'
import type { ClinicMember, CreateMemberInput, UpdateMemberInput } from '~/composables/useClinicUsers'
import { testI18n } from '../support/locales'
import { replaceGlobals } from '../support/globals'
import { formStubs } from '../support/form-stubs'

let locale: 'en' | 'es' = 'en'
replaceGlobals({ useI18n: () => testI18n(locale), useSchemaValidate })

interface Row { original: ClinicMember }
const UTable = defineComponent({
  props: {
    data: { type: Array as PropType<ClinicMember[]>, required: true },
    columns: { type: Array as PropType<{ id: string }[]>, required: true },
    caption: { type: String, default: '' },
  },
  setup: (props, { slots }) => () => h('table', [
    h('caption', props.caption),
    h('tbody', props.data.map(m => h('tr', { 'data-row': m.email }, props.columns.map(c =>
      h('td', slots[`${c.id}-cell`]?.({ row: { original: m } as Row })))))),
  ]),
})
interface MenuItem { label: string, onSelect: () => void }
const UDropdownMenu = defineComponent({
  props: { items: { type: Array as PropType<MenuItem[]>, required: true } },
  setup: (props, { slots }) => () => h('div', [slots.default?.(), h('ul', { role: 'menu' }, props.items.map(i => h('li', { role: 'menuitem', onClick: i.onSelect }, i.label)))]),
})
const stubs = { ...formStubs, UTable, UDropdownMenu }
const components = { SettingsUsersRowActions, SettingsUsersMemberFields, SettingsUsersStatus }

const DAY = 86_400_000
function member(over: Partial<ClinicMember> & { email: string }): ClinicMember {
  return {
    id: over.email, first_name: 'Ana', last_name: 'López', is_active: true, licence_number: null, created_at: '2026-11-01T10:00:00.000Z',
    role: 'dentist', is_professional: true, status: 'active', invite_pending: false, invite_expires_at: null,
    joined_at: '2026-11-01T10:00:00.000Z', account_managed: false, ...over,
  }
}

const rows = [
  member({ email: 'me@x.test', first_name: 'Marta', role: 'admin', account_managed: true }),
  member({ email: 'managed@x.test', first_name: 'Mara', account_managed: true }),
  member({ email: 'elsewhere@x.test', first_name: 'Elsa', account_managed: false }),
  member({ email: 'off@x.test', first_name: 'Olga', status: 'inactive', is_active: false, account_managed: true }),
  member({ email: 'invited@x.test', first_name: 'Inés', status: 'invited', invite_pending: true, account_managed: true, invite_expires_at: new Date(Date.now() + 5 * DAY).toISOString() }),
  member({ email: 'invited-elsewhere@x.test', first_name: 'Irene', status: 'invited', invite_pending: true, account_managed: false, invite_expires_at: new Date(Date.now() + DAY).toISOString() }),
  member({ email: 'expired@x.test', first_name: 'Eva', status: 'invited', invite_pending: true, invite_expires_at: new Date(Date.now() - DAY).toISOString() }),
]

function mountTable() {
  return mount(SettingsUsersTable, {
    global: { stubs, components },
    props: { members: rows, loading: false, canWrite: true, busyIds: [], selfId: 'me@x.test', timeZone: 'Europe/Madrid' },
  })
}

/** The accessible names of a row's controls: buttons by aria-label, menu items by text. */
function controls(wrapper: VueWrapper, email: string): string[] {
  const row = wrapper.get(`[data-member-actions="${email}"]`)
  return [
    ...row.findAll('button').map(b => b.attributes('aria-label') ?? b.text()),
    ...row.findAll('[role="menuitem"]').map(i => i.text()),
  ]
}

describe('SettingsUsersTable', () => {
  it('offers nothing but Edit on your own row', () => {
    expect(controls(mountTable(), 'me@x.test')).toEqual(['Edit Marta López'])
  })

  it('offers the membership actions on everyone else\'s row, and the account actions only with account_managed', () => {
    const wrapper = mountTable()
    expect(controls(wrapper, 'managed@x.test')).toEqual(['Edit Mara López', 'Deactivate Mara López in this clinic', 'More actions for Mara López', 'Password reset link', 'Remove from clinic'])
    expect(controls(wrapper, 'elsewhere@x.test')).toEqual(['Edit Elsa López', 'Deactivate Elsa López in this clinic', 'More actions for Elsa López', 'Remove from clinic'])
    expect(controls(wrapper, 'off@x.test')).toEqual(['Edit Olga López', 'Reactivate Olga López in this clinic', 'More actions for Olga López', 'Password reset link', 'Remove from clinic'])
    expect(controls(wrapper, 'invited@x.test')).toEqual(['Edit the invitation of Inés López', 'Invite Inés López again', 'More actions for Inés López', 'Confirm membership', 'Withdraw invitation'])
    expect(controls(wrapper, 'invited-elsewhere@x.test')).toEqual(['Edit the invitation of Irene López', 'Invite Irene López again', 'More actions for Irene López', 'Withdraw invitation'])
  })

  it('emits the chosen action with its member', async () => {
    const wrapper = mountTable()
    const row = wrapper.get('[data-member-actions="invited@x.test"]')
    await row.findAll('[role="menuitem"]').find(i => i.text() === 'Confirm membership')!.trigger('click')
    await row.get('button[aria-label="Invite Inés López again"]').trigger('click')
    expect(wrapper.emitted('action')!.map(([action, m]) => [action, (m as ClinicMember).email])).toEqual([['confirm', 'invited@x.test'], ['inviteAgain', 'invited@x.test']])
  })

  it('shows each status, where an inactive membership applies and when an invitation expires', () => {
    const wrapper = mountTable()
    const status = (email: string) => wrapper.get(`[data-row="${email}"]`).find('[data-status]')
    const note = (email: string) => wrapper.get(`[data-row="${email}"]`).find('[data-testid="member-status-note"]')
    expect(status('managed@x.test').text()).toBe('Active')
    expect(note('managed@x.test').exists()).toBe(false)
    expect(status('off@x.test').text()).toBe('Inactive')
    expect(note('off@x.test').text()).toBe('in this clinic')
    expect(status('invited@x.test').text()).toBe('Invited')
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Europe/Madrid' }).format(new Date(rows[4]!.invite_expires_at!))
    expect(note('invited@x.test').text()).toBe(`expires ${expected}`)
    expect(note('expired@x.test').text()).toBe('Invitation expired')
  })

  it('words the statuses and the expiry in Spanish', () => {
    locale = 'es'
    try {
      const wrapper = mountTable()
      const expected = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'Europe/Madrid' }).format(new Date(rows[4]!.invite_expires_at!))
      expect(wrapper.get('[data-row="invited@x.test"]').get('[data-testid="member-status-note"]').text()).toBe(`caduca el ${expected}`)
      expect(wrapper.get('[data-row="off@x.test"]').get('[data-status]').text()).toBe('Inactivo')
      expect(controls(wrapper, 'me@x.test')).toEqual(['Editar a Marta López'])
    }
    finally {
      locale = 'en'
    }
  })
})

describe('SettingsUsersMemberModal, adding', () => {
  it('has no password field and sends no password', async () => {
    const create = vi.fn(async (_input: CreateMemberInput) => ({ ok: true as const, link: { kind: 'invite' as const, url: 'http://x/invite/t', email: 'new@x.test', name: 'N U' } }))
    const update = vi.fn(async () => null)
    const wrapper = mount(SettingsUsersMemberModal, { global: { stubs, components }, props: { open: true, member: null, create, update, selfId: 'me@x.test' } })
    await nextTick()
    expect(wrapper.findAll('input[type="password"]')).toHaveLength(0)
    expect(wrapper.find('[data-field="password"]').exists()).toBe(false)
    expect(wrapper.text()).not.toMatch(/password/i)

    await wrapper.get('[data-field="email"] input').setValue('new@x.test')
    await wrapper.get('[data-field="first_name"] input').setValue('Nuria')
    await wrapper.get('[data-field="last_name"] input').setValue('Uría')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1))
    expect(create.mock.calls[0]![0]).not.toHaveProperty('password')
    expect(create.mock.calls[0]![0]).toMatchObject({ email: 'new@x.test', first_name: 'Nuria', last_name: 'Uría', role: 'dentist' })
    expect(wrapper.emitted('created')).toEqual([[{ kind: 'invite', url: 'http://x/invite/t', email: 'new@x.test', name: 'N U' }]])
    expect(update).not.toHaveBeenCalled()
  })

  it('makes a dentist or hygienist a professional until the switch is set by hand', async () => {
    const wrapper = mount(SettingsUsersMemberModal, { global: { stubs, components }, props: { open: true, member: null, create: vi.fn(), update: vi.fn(), selfId: null } })
    const professional = () => (wrapper.getComponent(SettingsUsersMemberFields).props('state') as { is_professional: boolean }).is_professional
    expect(professional()).toBe(true)
    await wrapper.get('[data-field="role"] select').setValue('receptionist')
    expect(professional()).toBe(false)
    await wrapper.get('[data-field="role"] select').setValue('hygienist')
    expect(professional()).toBe(true)
    await wrapper.get('[data-field="is_professional"] input[type="checkbox"]').setValue(false)
    await wrapper.get('[data-field="role"] select').setValue('dentist')
    expect(professional()).toBe(false)
  })
})

describe('SettingsUsersMemberModal, editing', () => {
  const update = vi.fn(async (_member: ClinicMember, _input: UpdateMemberInput) => null)
  const edit = (m: ClinicMember) => mount(SettingsUsersMemberModal, { global: { stubs, components }, props: { open: true, member: m, create: vi.fn(), update, selfId: 'me@x.test' } })

  it('keeps the names and licence number read-only, saying who can change them, when the account is not managed here', async () => {
    const wrapper = edit(rows[2]!)
    expect(wrapper.get('[data-field="first_name"] input').attributes()).toHaveProperty('readonly')
    expect(wrapper.get('[data-field="licence_number"] input').attributes()).toHaveProperty('readonly')
    expect(wrapper.get('[data-testid="member-account-hint"]').text()).toBe('Only Elsa López can change this: the account is also used in another clinic.')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(update).toHaveBeenCalled())
    // Only the membership's fields are sent.
    expect(update.mock.calls.at(-1)![1]).toEqual({ role: 'dentist', is_professional: true })
  })

  it('lets the names be edited for a managed account and for an invitation', () => {
    for (const m of [rows[1]!, rows[5]!]) {
      const wrapper = edit(m)
      expect(wrapper.get('[data-field="first_name"] input').attributes()).not.toHaveProperty('readonly')
      expect(wrapper.find('[data-testid="member-account-hint"]').exists()).toBe(false)
    }
  })
})
