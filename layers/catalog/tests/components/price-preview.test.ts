// The item editor's live price preview: the pricing fields and the preview
// share the form state, so typing a price changes the worked examples at
// once — per surface (1, 2, 3 surfaces), per bridge unit (3- and 4-unit
// bridges, never multiplied again), flat; an unreadable price says so.
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { describe, expect, it } from 'vitest'
import CatalogItemPricingFields from '../../components/catalog/CatalogItemPricingFields.vue'
import CatalogPricePreview from '../../components/catalog/CatalogPricePreview.vue'
import { useCatalogItemForm } from '../../composables/useCatalogItemForm'
import type { CatalogItemFormState } from '../../lib/catalog-form'
import { locale, mountOptions, t } from './harness'

function editor(patch: Partial<CatalogItemFormState>) {
  const Host = defineComponent({
    setup() {
      const form = useCatalogItemForm()
      Object.assign(form.state, patch)
      return () => h(CatalogItemPricingFields, {
        'state': form.state,
        'onUpdate:state': (v: CatalogItemFormState) => Object.assign(form.state, v),
        'locked': false,
        'preview': form.preview.value,
      })
    },
  })
  const options = mountOptions()
  return mount(Host, { global: { ...options.global, components: { ...options.global.components, CatalogPricePreview } } })
}

/** The preview as [example, price] pairs, as the reader sees them. */
function shown(wrapper: ReturnType<typeof editor>) {
  return wrapper.findAll('[data-example]').map(row => [row.get('dt').text(), row.get('dd').text()])
}

describe('live price preview', () => {
  it('prices one tooth by its surfaces, and follows a tier as it is typed', async () => {
    const wrapper = editor({ pricing_strategy: 'per_surface', default_price: '55.00', tiers: [{ surfaces: 1, price: '55.00' }, { surfaces: 2, price: '70.00' }, { surfaces: 3, price: '85.00' }] })
    expect(shown(wrapper)).toEqual([['1 surface', '€55.00'], ['2 surfaces', '€70.00'], ['3 surfaces', '€85.00']])
    await wrapper.get(`input[aria-label="${t('catalog.tiers.price')} · 2"]`).setValue('72.5')
    expect(shown(wrapper)).toEqual([['1 surface', '€55.00'], ['2 surfaces', '€72.50'], ['3 surfaces', '€85.00']])
  })

  it('uses the largest tier for more surfaces than it has', async () => {
    const wrapper = editor({ pricing_strategy: 'per_surface', default_price: '40.00', tiers: [{ surfaces: 1, price: '40.00' }, { surfaces: 2, price: '50.00' }] })
    expect(shown(wrapper)).toEqual([['1 surface', '€40.00'], ['2 surfaces', '€50.00'], ['3 surfaces', '€50.00']])
  })

  it('prices a bridge unit by unit: 3 units = pillar + pontic + pillar', async () => {
    const wrapper = editor({ pricing_strategy: 'per_role', default_price: '1300.00', scope: 'multi_tooth', roles: { pillar: '450.00', pontic: '400.00' } })
    expect(shown(wrapper)).toEqual([
      [t('catalog.preview.bridge_3'), '€1,300.00'],
      [t('catalog.preview.bridge_4'), '€1,700.00'],
    ])
    await wrapper.get(`[data-field="pricing.roles.pontic"] input`).setValue('380')
    expect(shown(wrapper)).toEqual([
      [t('catalog.preview.bridge_3'), '€1,280.00'],
      [t('catalog.preview.bridge_4'), '€1,660.00'],
    ])
  })

  it('shows a flat price once and a per-tooth price for one and two teeth', async () => {
    const flat = editor({ pricing_strategy: 'flat', default_price: '50' })
    expect(shown(flat)).toEqual([['Per treatment', '€50.00']])
    const perTooth = editor({ pricing_strategy: 'per_tooth', default_price: '550.00' })
    expect(shown(perTooth)).toEqual([['1 tooth', '€550.00'], ['2 teeth', '€1,100.00']])
  })

  it('says so while a price is not a valid amount', async () => {
    const wrapper = editor({ pricing_strategy: 'per_role', default_price: '1300.00', roles: { pillar: '450.00', pontic: '' } })
    expect(wrapper.get('[data-testid="catalog-price-preview"]').text()).toContain(t('catalog.preview.invalid'))
    expect(wrapper.findAll('[data-example]')).toHaveLength(0)
    await wrapper.get(`[data-field="pricing.roles.pontic"] input`).setValue('4OO')
    expect(wrapper.get('[data-testid="catalog-price-preview"]').text()).toContain(t('catalog.preview.invalid'))
  })

  it('speaks Spanish with Spanish amounts', async () => {
    locale.value = 'es'
    const wrapper = editor({ pricing_strategy: 'per_surface', default_price: '1055.00', tiers: [{ surfaces: 1, price: '1055.00' }] })
    await nextTick()
    expect(shown(wrapper)[0]).toEqual(['1 cara', '1055,00\u00A0€'])
    expect(wrapper.text()).toContain('Vista previa del precio')
  })
})
