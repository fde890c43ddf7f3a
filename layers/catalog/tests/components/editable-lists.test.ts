// The categories and VAT types tabs, built on one editable list: rows with
// their key or rate, the standard badge, their switch, edit and delete; the
// form dialog filled from the row (or blank), sending what was typed and
// keeping a refusal on its field; the delete question keeping the server's
// reason; "make default" on VAT types. The list composables are stand-ins
// that record the calls (no network).
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import { formStubs } from '../../../../tests/unit/support/form-stubs'
import AppSwitchFields from '../../../../components/app/AppSwitchFields.vue'
import { useSchemaValidate } from '../../../../composables/useSchemaValidate'
import CatalogCategoriesPanel from '../../components/catalog/CatalogCategoriesPanel.vue'
import CatalogDeleteModal from '../../components/catalog/CatalogDeleteModal.vue'
import CatalogEditableList from '../../components/catalog/CatalogEditableList.vue'
import CatalogRowFormModal from '../../components/catalog/CatalogRowFormModal.vue'
import CatalogRowList from '../../components/catalog/CatalogRowList.vue'
import CatalogSystemBadge from '../../components/catalog/CatalogSystemBadge.vue'
import CatalogVatTypesPanel from '../../components/catalog/CatalogVatTypesPanel.vue'
import { useCatalogEditDialogs } from '../../composables/useCatalogEditDialogs'
import type { CatalogResult } from '../../composables/useCatalogErrors'
import { useCatalogRowForm } from '../../composables/useCatalogRowForm'
import type { TreatmentCategory, VatType } from '../../models'
import './harness'

const UInputNumber = defineComponent({
  props: { modelValue: Number },
  emits: ['update:modelValue'],
  setup: (props, { emit }) => () => h('input', { type: 'number', value: props.modelValue, onInput: (e: Event) => emit('update:modelValue', Number((e.target as HTMLInputElement).value)) }),
})
const USkeleton = defineComponent({ setup: () => () => h('i') })

const STAMP = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }
const categories: TreatmentCategory[] = [
  { id: 'c1', key: 'diagnosis', names: { en: 'Diagnosis', es: 'Diagnóstico' }, display_order: 1, is_active: true, is_system: true, ...STAMP },
  { id: 'c2', key: 'whitening', names: { en: 'Whitening', es: null as unknown as string }, display_order: 9, is_active: true, is_system: false, ...STAMP },
]
const vatTypes: VatType[] = [
  { id: 'v1', names: { en: 'Exempt', es: 'Exento' }, rate: '0.00', is_default: true, is_system: true, is_active: true, ...STAMP },
  { id: 'v2', names: { en: 'Reduced', es: 'Reducido' }, rate: '10.00', is_default: false, is_system: false, is_active: true, ...STAMP },
]

/** A list composable's stand-in: the rows, and every write it is asked for (answered by `answer`). */
function fakeList<Row>(rows: Row[]) {
  const calls: unknown[][] = []
  let answer: CatalogResult<unknown> = { ok: true, value: null }
  const record = (name: string) => async (...args: unknown[]) => {
    calls.push([name, ...args])
    return answer
  }
  return {
    calls,
    refuse: (error: { message: string, code?: string, fieldErrors?: { name: string, message: string }[] }) => {
      answer = { ok: false, error: { status: 409, fieldErrors: [], ...error } as never }
    },
    list: { rows: ref(rows), loading: ref(false), loadError: ref(null), saving: ref(false), refresh: () => {}, create: record('create'), update: record('update'), remove: record('remove') },
  }
}

let categoriesList: ReturnType<typeof fakeList<TreatmentCategory>>
let vatList: ReturnType<typeof fakeList<VatType>>

beforeEach(() => {
  categoriesList = fakeList(categories)
  vatList = fakeList(vatTypes)
  Object.assign(globalThis, {
    useAuthStore: () => ({ can: (permission: string) => permission === 'catalog.admin', me: null }),
    useCatalogCategories: () => ({ ...categoriesList.list, categories: categoriesList.list.rows }),
    useCatalogVatTypes: () => ({ ...vatList.list, vatTypes: vatList.list.rows }),
    useCatalogEditDialogs,
    useCatalogRowForm,
    useSchemaValidate,
  })
})

function mountPanel(panel: typeof CatalogCategoriesPanel | typeof CatalogVatTypesPanel) {
  return mount(panel, {
    attachTo: document.body,
    global: {
      components: { AppSwitchFields, CatalogDeleteModal, CatalogEditableList, CatalogRowFormModal, CatalogRowList, CatalogSystemBadge },
      stubs: { ...formStubs, UInputNumber, USkeleton },
    },
  })
}

const field = (w: ReturnType<typeof mountPanel>, name: string) => w.get(`[role="dialog"] [data-field="${name}"] input`)
const button = (w: ReturnType<typeof mountPanel>, label: string) => w.findAll('button').find(b => b.text() === label || b.attributes('aria-label') === label)!

describe('the categories tab', () => {
  it('lists each category with its key; only non-standard ones have edit and delete', () => {
    const w = mountPanel(CatalogCategoriesPanel)
    expect(w.findAll('li').map(li => li.attributes('data-row'))).toEqual(['Diagnosis', 'Whitening'])
    expect(w.get('[data-row="Diagnosis"]').text()).toContain('diagnosis')
    expect(w.get('[data-row="Diagnosis"]').text()).toContain('Standard')
    expect(w.get('[data-row="Whitening"]').text()).not.toContain('Standard')
    expect(button(w, 'Edit Diagnosis')).toBeUndefined()
    expect(button(w, 'Edit Whitening')).toBeDefined()
    expect(button(w, 'Delete Whitening')).toBeDefined()
  })

  it('edits a category from its values and sends what was typed; a taken key stays under the key', async () => {
    const w = mountPanel(CatalogCategoriesPanel)
    await button(w, 'Edit Whitening').trigger('click')
    expect(w.get('[role="dialog"] h2').text()).toBe('Edit Whitening')
    expect((field(w, 'key').element as HTMLInputElement).value).toBe('whitening')
    expect((field(w, 'names.es').element as HTMLInputElement).value).toBe('')
    await field(w, 'names.es').setValue('Blanqueamiento')
    categoriesList.refuse({ message: 'The key is taken', code: 'catalog.category_key_taken' })
    await w.get('[role="dialog"] form').trigger('submit')
    await flushPromises()
    expect(categoriesList.calls).toEqual([['update', categories[1], { key: 'whitening', names: { en: 'Whitening', es: 'Blanqueamiento' }, display_order: 9, is_active: true }]])
    expect(w.get('[data-error="key"]').text()).toBe('The key is taken')
    expect(w.find('[role="dialog"]').exists()).toBe(true)
  })

  it('creates a category from a blank form, and closes once saved', async () => {
    const w = mountPanel(CatalogCategoriesPanel)
    await button(w, 'New category').trigger('click')
    expect(w.get('[role="dialog"] h2').text()).toBe('New category')
    await field(w, 'key').setValue('surgery')
    await field(w, 'names.en').setValue('Surgery')
    await w.get('[role="dialog"] form').trigger('submit')
    await flushPromises()
    expect(categoriesList.calls).toEqual([['create', { key: 'surgery', names: { en: 'Surgery', es: '' }, display_order: undefined, is_active: true }]])
    expect(w.find('[role="dialog"]').exists()).toBe(false)
  })

  it('switches a category off, and keeps the server\'s refusal of a delete in the dialog', async () => {
    const w = mountPanel(CatalogCategoriesPanel)
    await w.get('[data-row="Diagnosis"] input[type="checkbox"]').setValue(false)
    expect(categoriesList.calls).toEqual([['update', categories[0], { is_active: false }]])
    await button(w, 'Delete Whitening').trigger('click')
    expect(w.get('[role="dialog"] h2').text()).toBe('Delete Whitening?')
    categoriesList.refuse({ message: 'Treatments use this category' })
    await button(w, 'Delete').trigger('click')
    await flushPromises()
    expect(categoriesList.calls.at(-1)).toEqual(['remove', categories[1]])
    expect(w.get('[role="dialog"] [role="alert"]').text()).toBe('Treatments use this category')
  })
})

describe('the VAT types tab', () => {
  it('offers "make default" on the other active types, and sends it', async () => {
    const w = mountPanel(CatalogVatTypesPanel)
    expect(w.get('[data-row="Exempt"]').text()).toContain('Default')
    expect(button(w, 'Make Exempt the default')).toBeUndefined()
    await button(w, 'Make Reduced the default').trigger('click')
    expect(vatList.calls).toEqual([['update', vatTypes[1], { is_default: true }]])
  })

  it('edits a VAT type with its rate and switches', async () => {
    const w = mountPanel(CatalogVatTypesPanel)
    await button(w, 'Edit Reduced').trigger('click')
    expect(w.get('[role="dialog"] h2').text()).toBe('Edit Reduced')
    expect((field(w, 'rate').element as HTMLInputElement).value).toBe('10.00')
    await field(w, 'rate').setValue('12.50')
    await w.get('[role="dialog"] [data-field="is_default"] input').setValue(true)
    await w.get('[role="dialog"] form').trigger('submit')
    await flushPromises()
    expect(vatList.calls).toEqual([['update', vatTypes[1], { names: { en: 'Reduced', es: 'Reducido' }, rate: '12.50', is_default: true, is_active: true }]])
  })
})
