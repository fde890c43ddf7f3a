import type { CatalogItem, TreatmentCategory } from '#layers/catalog/models'

export interface TreatmentGroup {
  category: Pick<TreatmentCategory, 'id' | 'key' | 'names'>
  items: CatalogItem[]
}

const PAGE_SIZE = 200

/** Every page of the clinic's active catalog items. */
async function fetchItems(): Promise<CatalogItem[]> {
  const items: CatalogItem[] = []
  for (let page = 1; ; page++) {
    const res = await $fetch<{ data: CatalogItem[], total: number }>('/api/v1/catalog/items', { query: { active: true, page, page_size: PAGE_SIZE } })
    items.push(...res.data)
    if (!res.data.length || items.length >= res.total) return items
  }
}

/**
 * The treatment bar's contents: the clinic's active catalog items that chart
 * as something (a clinical type), grouped by their category in the
 * catalog's order, named in the reader's language. Loaded once per clinic
 * and shared by every chart on screen.
 */
export function useOdontogramTreatments() {
  const auth = useAuthStore()
  const apiError = useApiError()
  const { locale } = useI18n()
  const { data, error, status, refresh } = useAsyncData(
    'odontogram:treatments',
    async () => {
      const [categories, items] = await Promise.all([
        $fetch<{ data: TreatmentCategory[] }>('/api/v1/catalog/categories').then(res => res.data),
        fetchItems(),
      ])
      return { categories, items }
    },
    { server: false, watch: [() => auth.me?.current_clinic_id] },
  )

  const nameOf = (names: { en: string, es?: string }) => (locale.value === 'es' && names.es) || names.en
  const groups = computed<TreatmentGroup[]>(() => {
    if (!data.value) return []
    const charted = data.value.items.filter(i => i.is_active && i.clinical_type)
    return [...data.value.categories]
      .filter(c => c.is_active)
      .sort((a, b) => a.display_order - b.display_order)
      .map(category => ({
        category,
        items: charted.filter(i => i.category_id === category.id).sort((a, b) => nameOf(a.names).localeCompare(nameOf(b.names), locale.value)),
      }))
      .filter(g => g.items.length)
  })
  const loading = computed(() => status.value !== 'error' && !data.value)
  const loadError = computed(() => (error.value ? apiError(error.value).message : null))

  return { groups, loading, loadError, refresh: () => refresh(), nameOf }
}
