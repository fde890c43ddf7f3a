import type { CategoryCreateInput, CategoryUpdateInput, TreatmentCategory } from '../models'

/** The clinic's treatment categories (in order) and, for admins, their CRUD. */
export function useCatalogCategories() {
  const { t } = useI18n()
  const auth = useAuthStore()
  const describe = useCatalogErrors()
  const { name } = useCatalogFormat()
  const { data, status, error, refresh } = useAsyncData(
    'catalog:categories',
    () => $fetch('/api/v1/catalog/categories').then(res => res.data),
    { watch: [() => auth.me?.current_clinic_id], server: false },
  )
  const categories = computed<TreatmentCategory[]>(() => data.value ?? [])
  const loading = computed(() => (status.value === 'pending' || status.value === 'idle') && !data.value)
  const loadError = computed(() => (error.value ? describe(error.value).message : null))

  const { saving, run } = useCatalogMutation(refresh)
  const create = (input: CategoryCreateInput) => run(
    () => $fetch('/api/v1/catalog/categories', { method: 'POST', body: input }).then(res => res.data),
    c => t('catalog.categories.created', { name: name(c.names) }),
  )
  const update = (category: TreatmentCategory, input: CategoryUpdateInput) => run(
    () => $fetch(`/api/v1/catalog/categories/${category.id}`, { method: 'PUT', body: input }).then(res => res.data),
    c => t('catalog.categories.updated', { name: name(c.names) }),
  )
  const remove = (category: TreatmentCategory) => run(
    () => $fetch(`/api/v1/catalog/categories/${category.id}`, { method: 'DELETE' }).then(() => null),
    () => t('catalog.categories.deleted', { name: name(category.names) }),
  )
  return { categories, loading, loadError, refresh, saving, create, update, remove }
}
