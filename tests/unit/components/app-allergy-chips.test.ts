// The kit's allergy chips (components/app/AppAllergyChips.vue), shown by the
// patients header and medical card and by the agenda's appointment dialog.
// Keys come back untranslated (tests/support/nuxt-shims.ts); UBadge stubbed.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import AppAllergyChips from '~/components/app/AppAllergyChips.vue'

const UBadge = defineComponent({
  props: { label: { type: String, default: '' }, color: { type: String, default: 'primary' } },
  setup: props => () => h('span', { 'data-badge': props.color }, props.label),
})
const chips = (props: { allergies: string[], status: 'recorded' | 'none_known' | 'not_recorded' }) =>
  mount(AppAllergyChips, { props, global: { stubs: { UBadge } } })

describe('<AppAllergyChips>', () => {
  it('shows every allergy as a red chip in a labelled list', () => {
    const wrapper = chips({ allergies: ['Penicillin', 'Latex'], status: 'recorded' })

    const list = wrapper.get('ul[data-testid="allergies"]')
    expect(list.attributes('aria-label')).toBe('app.kit.allergies.label')
    const badges = list.findAll('li [data-badge]')
    expect(badges.map(c => c.text())).toEqual(['Penicillin', 'Latex'])
    expect(badges.map(c => c.attributes('data-badge'))).toEqual(['error', 'error'])
    expect(wrapper.find('[data-testid="no-allergies"]').exists()).toBe(false)
  })

  it('says "No known allergies" (not red) when asked and there are none', () => {
    const wrapper = chips({ allergies: [], status: 'none_known' })

    expect(wrapper.find('ul').exists()).toBe(false)
    const none = wrapper.get('[data-testid="no-allergies"]')
    expect(none.text()).toBe('app.kit.allergies.noneKnown')
    expect(none.attributes('data-badge')).toBe('neutral')
    expect(wrapper.find('[data-testid="allergies-not-recorded"]').exists()).toBe(false)
  })

  it('says "Allergies not recorded" in amber when nobody asked, never "No known allergies"', () => {
    const wrapper = chips({ allergies: [], status: 'not_recorded' })

    const unknown = wrapper.get('[data-testid="allergies-not-recorded"]')
    expect(unknown.text()).toBe('app.kit.allergies.notRecorded')
    expect(unknown.attributes('data-badge')).toBe('warning')
    expect(wrapper.find('[data-testid="no-allergies"]').exists()).toBe(false)
  })

  it('follows changes to the list', async () => {
    const wrapper = chips({ allergies: [], status: 'none_known' })
    await wrapper.setProps({ allergies: ['Ibuprofen'], status: 'recorded' })

    expect(wrapper.findAll('[data-badge="error"]').map(c => c.text())).toEqual(['Ibuprofen'])
  })
})
