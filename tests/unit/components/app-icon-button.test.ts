// AppIconButton: an icon-only button is named by its label (accessible name
// and tooltip), ghost and neutral unless told, and passes clicks through.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import AppIconButton from '~/components/app/AppIconButton.vue'

// UButton as it reaches the DOM: the props it got, as data attributes.
const UButton = defineComponent({
  inheritAttrs: false,
  props: { icon: String, color: String, variant: String, size: String, loading: Boolean, disabled: Boolean },
  setup: (props, { attrs }) => () => h('button', {
    ...attrs,
    'type': 'button',
    'disabled': props.disabled || props.loading,
    'data-icon': props.icon,
    'data-color': props.color,
    'data-variant': props.variant,
    'data-size': props.size,
  }),
})

describe('AppIconButton', () => {
  it('is named by its label, as its tooltip too, ghost and neutral by default', async () => {
    let clicks = 0
    const w = mount(AppIconButton, {
      props: { icon: 'i-lucide-pencil', label: 'Edit Ana' },
      attrs: { onClick: () => clicks++ },
      global: { stubs: { UButton } },
    })
    const button = w.get('button')
    expect(button.attributes()).toMatchObject({ 'aria-label': 'Edit Ana', 'title': 'Edit Ana', 'data-icon': 'i-lucide-pencil', 'data-color': 'neutral', 'data-variant': 'ghost' })
    expect(button.attributes('data-size')).toBeUndefined()
    await button.trigger('click')
    expect(clicks).toBe(1)
  })

  it('takes a colour, variant and size, and is disabled while busy', () => {
    const w = mount(AppIconButton, {
      props: { icon: 'i-lucide-trash-2', label: 'Delete', color: 'error', variant: 'outline', size: 'sm', loading: true },
      global: { stubs: { UButton } },
    })
    expect(w.get('button').attributes()).toMatchObject({ 'data-color': 'error', 'data-variant': 'outline', 'data-size': 'sm', 'disabled': '' })
  })
})
