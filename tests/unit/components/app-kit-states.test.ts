// The kit's load states beyond the basics (app-kit.test.ts): a skeleton of
// rows of different sizes, and the error alert's own "Try again".
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import AppAsyncState from '~/components/app/AppAsyncState.vue'
import AppErrorAlert from '~/components/app/AppErrorAlert.vue'

const USkeleton = defineComponent({ setup: (_, { attrs }) => () => h('i', { 'data-skeleton': '', 'class': attrs.class }) })
// UAlert with its action buttons, so "retry" can be pressed.
const UAlert = defineComponent({
  props: { title: String, actions: { type: Array, default: () => [] } },
  setup: props => () => h('div', { role: 'alert' }, [props.title, ...(props.actions as { label: string, onClick: () => void }[]).map(a => h('button', { onClick: a.onClick }, a.label))]),
})
const stubs = { USkeleton, UAlert }

describe('AppAsyncState skeleton', () => {
  it('draws one row per given size, in order', () => {
    const w = mount(AppAsyncState, {
      props: { source: { loading: true, loadError: null, refresh: () => {} }, loadingLabel: 'Loading', errorTitle: 'Failed', skeleton: ['h-8 w-1/3', 'h-32 w-full'] },
      global: { stubs },
    })
    expect(w.findAll('[data-skeleton]').map(s => s.classes().join(' '))).toEqual(['h-8 w-1/3', 'h-32 w-full'])
  })

  it('draws `rows` rows of `rowClass` without one', () => {
    const w = mount(AppAsyncState, {
      props: { source: { loading: true, loadError: null, refresh: () => {} }, loadingLabel: 'Loading', errorTitle: 'Failed', rows: 2, rowClass: 'h-5 w-2/3' },
      global: { stubs },
    })
    expect(w.findAll('[data-skeleton]').map(s => s.classes().join(' '))).toEqual(['h-5 w-2/3', 'h-5 w-2/3'])
  })
})

describe('AppErrorAlert retry', () => {
  it('offers "Try again" (or its own words) that runs the retry', async () => {
    let retries = 0
    const w = mount(AppErrorAlert, { props: { title: 'Could not load', retry: () => retries++, retryLabel: 'Retry' }, global: { stubs } })
    await w.get('[role="alert"] button').trigger('click')
    expect(w.get('button').text()).toBe('Retry')
    expect(retries).toBe(1)
  })

  it('has no button without a retry, and nothing without a title', () => {
    expect(mount(AppErrorAlert, { props: { title: 'Could not save' }, global: { stubs } }).find('button').exists()).toBe(false)
    expect(mount(AppErrorAlert, { props: { title: null, retry: () => {} }, global: { stubs } }).find('[role="alert"]').exists()).toBe(false)
  })
})
