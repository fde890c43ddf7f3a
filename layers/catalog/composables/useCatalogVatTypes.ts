import type { VatType, VatTypeCreateInput, VatTypeUpdateInput } from '../models'

/** The clinic's VAT types (the default first) and, for admins, their CRUD. */
export function useCatalogVatTypes() {
  const { t } = useI18n()
  const auth = useAuthStore()
  const describe = useCatalogErrors()
  const { name } = useCatalogFormat()
  const { data, status, error, refresh } = useAsyncData(
    'catalog:vat-types',
    () => $fetch('/api/v1/catalog/vat-types').then(res => res.data),
    { watch: [() => auth.me?.current_clinic_id], server: false },
  )
  const vatTypes = computed<VatType[]>(() => data.value ?? [])
  const defaultVat = computed(() => vatTypes.value.find(v => v.is_default) ?? null)
  const loading = computed(() => (status.value === 'pending' || status.value === 'idle') && !data.value)
  const loadError = computed(() => (error.value ? describe(error.value).message : null))

  const { saving, run } = useCatalogMutation(refresh)
  const create = (input: VatTypeCreateInput) => run(
    () => $fetch('/api/v1/catalog/vat-types', { method: 'POST', body: input }).then(res => res.data),
    v => t('catalog.vat.created', { name: name(v.names) }),
  )
  const update = (vat: VatType, input: VatTypeUpdateInput) => run(
    () => $fetch(`/api/v1/catalog/vat-types/${vat.id}`, { method: 'PUT', body: input }).then(res => res.data),
    v => t('catalog.vat.updated', { name: name(v.names) }),
  )
  const remove = (vat: VatType) => run(
    () => $fetch(`/api/v1/catalog/vat-types/${vat.id}`, { method: 'DELETE' }).then(() => null),
    () => t('catalog.vat.deleted', { name: name(vat.names) }),
  )
  return { vatTypes, defaultVat, loading, loadError, refresh, saving, create, update, remove }
}
