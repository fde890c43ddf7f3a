import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PatientTimeline, TimelineCategory } from '../models'

export const PATIENT_TIMELINE_PAGE_SIZE = 50

/**
 * A patient's timeline for the Timeline tab: the first page, then every
 * following page on demand (`loadMore`) until `total` is reached. Loads in
 * the browser only (the tab shows its skeleton on the server); a new filter
 * or patient starts again from page one, and answers to an older request are
 * dropped. Entries already shown are not repeated when new ones arrive
 * between pages and shift the offsets.
 */
export function usePatientTimeline(patientId: MaybeRefOrGetter<string>, categories: Ref<TimelineCategory[]>) {
  const apiError = useApiError()
  const entries = ref<PatientTimeline[]>([])
  const total = ref(0)
  const loadedPages = ref(0)
  /** `idle` until the first request (server render), then the first page's state. */
  const status = ref<'idle' | 'loading' | 'error' | 'ready'>('idle')
  const loadError = ref<string | null>(null)
  const loadingMore = ref(false)
  const moreError = ref<string | null>(null)
  let generation = 0

  const hasMore = computed(() => status.value === 'ready' && loadedPages.value * PATIENT_TIMELINE_PAGE_SIZE < total.value)

  function fetchPage(page: number) {
    return $fetch(`/api/v1/patient_timeline/patients/${toValue(patientId)}`, {
      query: { page, page_size: PATIENT_TIMELINE_PAGE_SIZE, category: categories.value.length ? categories.value : undefined },
    })
  }

  function append(items: PatientTimeline[]) {
    const seen = new Set(entries.value.map(e => e.id))
    entries.value = [...entries.value, ...items.filter(e => !seen.has(e.id))]
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
      entries.value = []
      append(res.data)
      total.value = res.total
      loadedPages.value = 1
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
      const res = await fetchPage(loadedPages.value + 1)
      if (mine !== generation) return
      append(res.data)
      total.value = res.total
      loadedPages.value += 1
    }
    catch (e) {
      if (mine !== generation) return
      moreError.value = apiError(e).message
    }
    finally {
      if (mine === generation) loadingMore.value = false
    }
  }

  onMounted(load)
  watch([() => toValue(patientId), () => categories.value.join(',')], () => {
    load()
  })

  return {
    entries: computed(() => entries.value),
    total: readonly(total),
    status: readonly(status),
    loadError: readonly(loadError),
    loadingMore: readonly(loadingMore),
    moreError: readonly(moreError),
    hasMore,
    load,
    loadMore,
  }
}
