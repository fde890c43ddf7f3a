// Stand-ins for the @nuxt/ui form components in component tests: plain
// elements a test can query (`[data-field="name"] input`), a UForm that runs
// its `validate` on submit, shows the errors on their fields and emits
// `submit` only when there are none (as UForm does), and a UModal that
// renders its title, description, body and footer while open.
import { defineComponent, h, inject, provide, reactive } from 'vue'
import type { InjectionKey, PropType } from 'vue'

type FormError = { name: string, message: string }
const ERRORS: InjectionKey<Map<string, string>> = Symbol('form-errors')

const UForm = defineComponent({
  props: {
    state: { type: Object, required: true },
    validate: { type: Function as PropType<(state: unknown) => FormError[] | Promise<FormError[]>>, default: undefined },
  },
  emits: ['submit'],
  setup(props, { emit, slots, expose }) {
    const errors = reactive(new Map<string, string>())
    provide(ERRORS, errors)
    const setErrors = (list: FormError[]) => {
      errors.clear()
      for (const e of list) if (!errors.has(e.name)) errors.set(e.name, e.message)
    }
    expose({ setErrors })
    async function onSubmit(event: Event) {
      event.preventDefault()
      const list = props.validate ? await props.validate(props.state) : []
      setErrors(list)
      if (!list.length) emit('submit', { data: props.state })
    }
    return () => h('form', { onSubmit }, slots.default?.())
  },
})

const UFormField = defineComponent({
  props: { label: String, name: String, help: String, required: Boolean },
  setup(props, { slots }) {
    const errors = inject(ERRORS, new Map<string, string>())
    return () => h('div', { 'data-field': props.name }, [
      h('label', props.label),
      slots.default?.(),
      props.help ? h('p', { 'data-help': '' }, props.help) : null,
      props.name && errors.has(props.name) ? h('p', { 'data-error': props.name }, errors.get(props.name)) : null,
    ])
  },
})

const UInput = defineComponent({
  props: { modelValue: { type: [String, Number], default: '' }, type: { type: String, default: 'text' }, readonly: Boolean },
  emits: ['update:modelValue'],
  setup: (props, { emit }) => () => h('input', {
    type: props.type,
    value: props.modelValue,
    readonly: props.readonly,
    onInput: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).value),
  }),
})

const USelect = defineComponent({
  props: { modelValue: { type: String, default: '' }, items: { type: Array as PropType<{ label: string, value: string }[]>, default: () => [] }, disabled: Boolean },
  emits: ['update:modelValue'],
  setup: (props, { emit }) => () => h('select', {
    value: props.modelValue,
    disabled: props.disabled,
    onChange: (e: Event) => emit('update:modelValue', (e.target as HTMLSelectElement).value),
  }, props.items.map(i => h('option', { value: i.value }, i.label))),
})

const USwitch = defineComponent({
  props: { modelValue: Boolean, label: String },
  emits: ['update:modelValue'],
  setup: (props, { emit }) => () => h('label', [
    h('input', { type: 'checkbox', checked: props.modelValue, onChange: (e: Event) => emit('update:modelValue', (e.target as HTMLInputElement).checked) }),
    props.label,
  ]),
})

const UButton = defineComponent({
  props: { label: String, type: { type: String, default: 'button' }, loading: Boolean, disabled: Boolean },
  setup: props => () => h('button', { type: props.type, disabled: props.disabled || props.loading }, props.label),
})

const UModal = defineComponent({
  props: { open: Boolean, title: String, description: String },
  setup: (props, { slots }) => () => (props.open
    ? h('div', { role: 'dialog' }, [h('h2', props.title), h('p', props.description), slots.body?.(), slots.footer?.()])
    : null),
})

const UAlert = defineComponent({
  props: { title: String, description: String },
  setup: (props, { slots }) => () => h('div', { role: 'alert' }, [props.title, props.description, slots.actions?.()]),
})

const UBadge = defineComponent({
  props: { label: String },
  setup: props => () => h('span', props.label),
})

const UIcon = defineComponent({ setup: () => () => h('span') })

export const formStubs = { UForm, UFormField, UInput, USelect, USwitch, UButton, UModal, UAlert, UBadge, UIcon }
