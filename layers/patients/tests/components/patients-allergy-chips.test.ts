import { afterEach, describe, expect, it } from 'vitest'
import PatientsAllergyChips from '../../components/patients/PatientsAllergyChips.vue'
import { mountWith, vueWarnings } from './harness'

afterEach(() => {
  expect(vueWarnings.splice(0)).toEqual([])
})

describe('<PatientsAllergyChips>', () => {
  it('shows every allergy as a red chip in a labelled list', () => {
    const wrapper = mountWith(PatientsAllergyChips, { allergies: ['Penicillin', 'Latex'], status: 'recorded' })

    const list = wrapper.get('ul')
    expect(list.attributes('aria-label')).toBe('patients.allergies.label')
    const chips = list.findAll('li [data-badge]')
    expect(chips.map(c => c.text())).toEqual(['Penicillin', 'Latex'])
    expect(chips.map(c => c.attributes('data-badge'))).toEqual(['error', 'error'])
    expect(wrapper.find('[data-testid="patients-no-allergies"]').exists()).toBe(false)
  })

  it('says "No known allergies" (not red) when asked and there are none', () => {
    const wrapper = mountWith(PatientsAllergyChips, { allergies: [], status: 'none_known' })

    expect(wrapper.find('ul').exists()).toBe(false)
    const none = wrapper.get('[data-testid="patients-no-allergies"]')
    expect(none.text()).toBe('patients.allergies.none')
    expect(none.attributes('data-badge')).not.toBe('error')
    expect(wrapper.find('[data-testid="patients-allergies-not-recorded"]').exists()).toBe(false)
  })

  it('says "Allergies not recorded" in amber when nobody asked, never "No known allergies"', () => {
    const wrapper = mountWith(PatientsAllergyChips, { allergies: [], status: 'not_recorded' })

    const unknown = wrapper.get('[data-testid="patients-allergies-not-recorded"]')
    expect(unknown.text()).toBe('patients.allergies.notRecorded')
    expect(unknown.attributes('data-badge')).toBe('warning')
    expect(wrapper.find('[data-testid="patients-no-allergies"]').exists()).toBe(false)
  })

  it('follows changes to the list', async () => {
    const wrapper = mountWith(PatientsAllergyChips, { allergies: [], status: 'none_known' })
    await wrapper.setProps({ allergies: ['Ibuprofen'], status: 'recorded' })

    expect(wrapper.findAll('[data-badge="error"]').map(c => c.text())).toEqual(['Ibuprofen'])
  })
})
