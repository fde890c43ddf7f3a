import type { Ref } from 'vue'

/** One page of a paginated envelope, as `$fetch` answers it. */
export interface PagedListPage<T> {
  data: T[]
  total: number
}

/**
 * A list loaded a page at a time: the first page (`load`, also the retry),
 * then the next on demand (`loadMore`) while `pages × pageSize < total`.
 * Loads in the browser only (state `idle` until the first request); an answer
 * to an older `load` is dropped; rows already shown are not repeated when new
 * ones arrive between pages and shift the offsets. `items` and `total` are
 * writable so the owner can show a row it saved or removed at once.
 */
export function usePagedList<T extends { id: string }>(fetchPage: (page: number) => Promise<PagedListPage<T>>, pageSize: number) {
  const apiError = useApiError()
  const items = ref<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const pages = ref(0)
  const status = ref<'idle' | 'loading' | 'error' | 'ready'>('idle')
  const loadError = ref<string | null>(null)
  const loadingMore = ref(false)
  const moreError = ref<string | null>(null)
  let generation = 0

  const hasMore = computed(() => status.value === 'ready' && pages.value * pageSize < total.value)

  function append(rows: T[]) {
    const seen = new Set(items.value.map(r => r.id))
    items.value = [...items.value, ...rows.filter(r => !seen.has(r.id))]
  }

  /** (Re)loads from the first page. */
  async function load(): Promise<void> {
    const mine = ++generation
    status.value = 'loading'
    loadError.value = null
    moreError.value = null
    loadingMore.value = false
    try {
      const res = await fetchPage(1)
      if (mine !== generation) return
      items.value = []
      append(res.data)
      total.value = res.total
      pages.value = 1
      status.value = 'ready'
    }
    catch (e) {
      if (mine !== generation) return
      loadError.value = apiError(e).message
      status.value = 'error'
    }
  }

  /** The next page, if there is one and none is loading. */
  async function loadMore(): Promise<void> {
    if (!hasMore.value || loadingMore.value) return
    const mine = generation
    loadingMore.value = true
    moreError.value = null
    try {
      const res = await fetchPage(pages.value + 1)
      if (mine !== generation) return
      append(res.data)
      total.value = res.total
      pages.value += 1
    }
    catch (e) {
      if (mine === generation) moreError.value = apiError(e).message
    }
    finally {
      if (mine === generation) loadingMore.value = false
    }
  }

  return {
    items,
    total,
    status: readonly(status),
    loadError: readonly(loadError),
    loadingMore: readonly(loadingMore),
    moreError: readonly(moreError),
    hasMore,
    load,
    loadMore,
  }
}
