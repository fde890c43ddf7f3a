import { PIPELINE_TABS } from '../models'
import type { PipelineTab } from '../models'

const PAGE_SIZE = 25
const SEARCH_DEBOUNCE_MS = 300
const isTab = (value: unknown): value is PipelineTab => typeof value === 'string' && (PIPELINE_TABS as readonly string[]).includes(value)
const one = (value: unknown) => (typeof value === 'string' ? value : '')

/**
 * The board of /treatment-plans: the pipeline tab, search, professional and
 * page live in the URL (back/forward and reload restore them); the search box
 * goes to the URL after a pause; changing anything but the page starts again
 * on page 1. The plans of the tab and each tab's count load in the browser.
 */
export function useTreatmentPlanBoard() {
  const route = useRoute()
  const router = useRouter()
  const state = computed(() => ({
    tab: isTab(route.query.tab) ? route.query.tab : 'to_quote' as PipelineTab,
    search: one(route.query.search),
    professional: one(route.query.professional),
    page: Math.max(1, Number.parseInt(one(route.query.page), 10) || 1),
  }))
  type State = typeof state.value

  function setState(patch: Partial<State>, replace = false) {
    const next = { ...state.value, ...patch }
    if (!('page' in patch)) next.page = 1
    const query = {
      ...route.query,
      tab: next.tab === 'to_quote' ? undefined : next.tab,
      search: next.search || undefined,
      professional: next.professional || undefined,
      page: next.page > 1 ? String(next.page) : undefined,
    }
    return replace ? router.replace({ query }) : router.push({ query })
  }

  const searchInput = ref(state.value.search)
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(searchInput, (value) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (value.trim() !== state.value.search) setState({ search: value.trim() }, true)
    }, SEARCH_DEBOUNCE_MS)
  })
  watch(() => state.value.search, (search) => {
    if (searchInput.value.trim() !== search) searchInput.value = search
  })
  onScopeDispose(() => clearTimeout(timer))

  const filters = computed(() => ({ search: state.value.search || undefined, professional_id: state.value.professional || undefined }))
  const list = useTreatmentPlanList(() => ({ ...filters.value, tab: state.value.tab, page: state.value.page, page_size: PAGE_SIZE }))
  const pipeline = useTreatmentPlanPipeline(filters)
  const pages = computed(() => Math.max(1, Math.ceil(list.total.value / PAGE_SIZE)))
  const filtered = computed(() => !!state.value.search || !!state.value.professional)

  return { state, setState, searchInput, list, counts: pipeline.counts, pages, filtered, refresh: () => Promise.all([list.refresh(), pipeline.refresh()]) }
}
