// The patient list's four states (loading, error, empty / no match, data).
import { afterEach, describe, expect, it } from 'vitest'
import PatientsListResults from '../../components/patients/PatientsListResults.vue'
import type { PatientsListState } from '../../composables/usePatientsList'
import { mountWith, patient, vueWarnings } from './harness'

const STATE: PatientsListState = { search: '', status: 'active', contact: 'any', sort: 'last_name', order: 'asc', page: 1 }

function mountResults(props: Record<string, unknown> = {}) {
  return mountWith(PatientsListResults, {
    patients: [],
    total: 0,
    pageSize: 25,
    state: STATE,
    loading: false,
    error: null,
    filtered: false,
    canWrite: true,
    ...props,
  })
}

afterEach(() => {
  expect(vueWarnings.splice(0)).toEqual([])
})

describe('<PatientsListResults>', () => {
  it('shows a skeleton while the first page loads', () => {
    const wrapper = mountResults({ loading: true })

    expect(wrapper.attributes('data-state')).toBe('loading')
    expect(wrapper.get('[aria-busy="true"]').attributes('aria-label')).toBe('patients.list.loading')
    expect(wrapper.find('table').exists()).toBe(false)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('patients.list.empty.title')
  })

  it('shows a failed load as an error with Retry, never as an empty list', async () => {
    const wrapper = mountResults({ error: 'Cannot reach the server.' })

    expect(wrapper.attributes('data-state')).toBe('error')
    const alert = wrapper.get('[role="alert"]')
    expect(alert.get('[data-alert-title]').text()).toBe('patients.list.loadFailed')
    expect(alert.text()).toContain('Cannot reach the server.')
    expect(wrapper.text()).not.toContain('patients.list.empty.title')

    await alert.get('button').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })

  it('shows "no patients yet" with a New patient button when nothing is filtered', async () => {
    const wrapper = mountResults()

    expect(wrapper.attributes('data-state')).toBe('empty')
    expect(wrapper.get('h2').text()).toBe('patients.list.empty.title')
    const button = wrapper.get('button')
    expect(button.text()).toBe('patients.actions.new')
    await button.trigger('click')
    expect(wrapper.emitted('create')).toHaveLength(1)
  })

  it('offers no New patient button without patients.write', () => {
    const wrapper = mountResults({ canWrite: false })

    expect(wrapper.attributes('data-state')).toBe('empty')
    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.text()).toContain('patients.list.empty.readOnly')
  })

  it('shows "no match" with Clear filters when a search or filter finds nothing', async () => {
    const wrapper = mountResults({ filtered: true, state: { ...STATE, search: 'zzz' } })

    expect(wrapper.attributes('data-state')).toBe('no-match')
    expect(wrapper.get('h2').text()).toBe('patients.list.noMatch.title')
    expect(wrapper.text()).toContain('patients.list.noMatch.search')
    expect(wrapper.text()).not.toContain('patients.list.empty.title')
    expect(wrapper.text()).not.toContain('patients.actions.new')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('clearFilters')).toHaveLength(1)
  })

  it('shows the patients with links to their pages, status and total', () => {
    const patients = [
      patient({ id: 'a1', first_name: 'Ana', last_name: 'López', allergies: ['Latex'] }),
      patient({ id: 'b2', first_name: 'Luis', last_name: 'Pérez', status: 'archived', do_not_contact: true, phone: null }),
    ]
    const wrapper = mountResults({ patients, total: 2 })

    expect(wrapper.attributes('data-state')).toBe('data')
    const rows = wrapper.findAll('tr[data-row]')
    expect(rows).toHaveLength(2)
    const links = wrapper.findAll('[data-col="name"] a')
    expect(links.map(a => [a.attributes('href'), a.text()])).toEqual([['/patients/a1', 'López, Ana'], ['/patients/b2', 'Pérez, Luis']])
    expect(rows[1]!.get('[data-col="status"] [data-patient-status]').attributes('data-patient-status')).toBe('archived')
    expect(rows[1]!.get('[data-col="name"]').text()).toContain('patients.badges.doNotContact')
    expect(rows[1]!.get('[data-col="phone"]').text()).toBe('—')
    expect(wrapper.text()).toContain('patients.list.count')
    // One page: no pagination.
    expect(wrapper.find('[data-pagination]').exists()).toBe(false)
  })

  it('shows a page past the end as loading (the list moves to the last page), not as empty', () => {
    const wrapper = mountResults({ patients: [], total: 30, state: { ...STATE, page: 9 } })

    expect(wrapper.attributes('data-state')).toBe('loading')
    expect(wrapper.text()).not.toContain('patients.list.empty.title')
  })

  it('paginates when there is more than one page', () => {
    const wrapper = mountResults({ patients: [patient()], total: 60, state: { ...STATE, page: 3 } })

    expect(wrapper.attributes('data-state')).toBe('data')
    expect(wrapper.find('[data-pagination]').exists()).toBe(true)
  })
})
