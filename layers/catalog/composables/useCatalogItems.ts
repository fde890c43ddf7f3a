import type { ApiResponse } from '#dentalpin/client'
import type { CatalogItem, CatalogScope, ItemCreateInput, ItemUpdateInput } from '../models'

export const CATALOG_PAGE_SIZE = 20
export type CatalogStatusFilter = 'all' | 'active' | 'inactive'

/**
 * The "Treatments & prices" list: search (debounced), category, status and
 * page; the item mutations. Every filter change starts on page 1. Loads in
 * the browser, for the clinic the user works in.
 */
export function useCatalogItems() {
  const { t } = useI18n()
  const auth = useAuthStore()
  const describe = useCatalogErrors()
  const { name } = useCatalogFormat()

  const search = ref('')
  // The search box reaches the query after a pause in typing.
  const debounced = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(search, (value) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      debounced.value = value
    }, 300)
  })
  onScopeDispose(() => clearTimeout(timer))
  const categoryId = ref<string | null>(null)
  const status = ref<CatalogStatusFilter>('all')
  const scope = ref<CatalogScope | null>(null)
  const page = ref(1)
  watch([debounced, categoryId, status, scope], () => {
    page.value = 1
  })

  const query = computed(() => ({
    search: debounced.value.trim() || undefined,
    category_id: categoryId.value ?? undefined,
    is_active: status.value === 'all' ? undefined : String(status.value === 'active') as 'true' | 'false',
    scope: scope.value ?? undefined,
    page: page.value,
    page_size: CATALOG_PAGE_SIZE,
  }))
  const { data, status: loadStatus, error, refresh } = useAsyncData(
    'catalog:items',
    () => $fetch('/api/v1/catalog/items', { query: query.value }),
    { watch: [query, () => auth.me?.current_clinic_id], server: false },
  )
  const items = computed<CatalogItem[]>(() => data.value?.data ?? [])
  const total = computed(() => data.value?.total ?? 0)
  const loading = computed(() => (loadStatus.value === 'pending' || loadStatus.value === 'idle') && !data.value)
  const refreshing = computed(() => loadStatus.value === 'pending' && !!data.value)
  const loadError = computed(() => (error.value ? describe(error.value).message : null))
  const filtered = computed(() => !!query.value.search || !!categoryId.value || status.value !== 'all' || !!scope.value)

  const { saving, run } = useCatalogMutation(refresh)
  const create = (input: ItemCreateInput) => run(
    () => $fetch('/api/v1/catalog/items', { method: 'POST', body: input }).then(res => res.data),
    item => t('catalog.items.created', { name: name(item.names) }),
  )
  const update = (item: CatalogItem, input: ItemUpdateInput) => run(
    // Typed by hand: Nitro's inference gives up on items/{id} next to items/search and items/import.
    () => $fetch<ApiResponse<CatalogItem>>(`/api/v1/catalog/items/${item.id}`, { method: 'PUT', body: input }).then(res => res.data),
    saved => t(input.is_active !== undefined && Object.keys(input).length === 1
      ? (input.is_active ? 'catalog.items.activated' : 'catalog.items.deactivated')
      : 'catalog.items.updated', { name: name(saved.names) }),
  )
  const setActive = (item: CatalogItem, active: boolean) => update(item, { is_active: active })
  const remove = (item: CatalogItem) => run(
    () => $fetch(`/api/v1/catalog/items/${item.id}`, { method: 'DELETE' }).then(() => null),
    () => t('catalog.items.deleted', { name: name(item.names) }),
  )

  return { search, categoryId, status, scope, page, items, total, loading, refreshing, loadError, filtered, refresh, saving, create, update, setActive, remove }
}
